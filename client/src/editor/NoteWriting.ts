import {
  NOTE_SIZE,
  center,
  frameAt,
  freeSlotInFrame,
  freeSpotNear,
  rectContainsPoint,
  type Point,
  type Rect,
  type SpatialIndex,
} from '@clapboard/shared';
import { Observable } from '../model/Observable.ts';

/**
 * What the writing sheet is open for: a new note (nothing is on the board
 * until Save), or new words for an object already there. `seq` differs on
 * every request, so asking twice reopens the sheet.
 */
export type WritingRequest =
  | {
      kind: 'new';
      /** Where the person tapped, or the middle of what they are looking at. */
      at: Point;
      /** The frame the note is for (the one tapped in, or the one being looked at), or null. */
      frameId: string | null;
      seq: number;
    }
  | { kind: 'edit'; id: string; seq: number };

/**
 * Writing in a sheet instead of on the canvas (phones). On a small screen a
 * note drawn at the board's zoom is a box too small to type in, low on the
 * screen where the keyboard covers it. So while `enabled`, the editor's note
 * commands ask here first: a new note opens the sheet with nothing created,
 * and opening an object's text opens the sheet on its words. The sheet
 * saves through `BoardEditor.saveWriting`, one undo step; Cancel writes
 * nothing. Where notes are anonymous the AnonymousNotesGate is asked first
 * and wins: this person's document must not write such a note at all.
 */
export class NoteWriting {
  /** Whether notes are written in the sheet (set by the page from its layout). */
  readonly enabled = new Observable(false);
  readonly request = new Observable<WritingRequest | null>(null);
  private seq = 0;

  /** A new note asked for at `at`: true if the sheet opened for it (nothing is created yet). */
  divertNew(at: Point, frameId: string | null): boolean {
    if (!this.enabled.get()) return false;
    this.request.set({ kind: 'new', at: { x: at.x, y: at.y }, frameId, seq: ++this.seq });
    return true;
  }

  /** An object's text opened: true if the sheet opened on it. */
  divertEdit(id: string): boolean {
    if (!this.enabled.get()) return false;
    this.request.set({ kind: 'edit', id, seq: ++this.seq });
    return true;
  }

  /** Closes the sheet; nothing is written. */
  close(): void {
    this.request.set(null);
  }
}

/** Share of the screen a frame must cover to count as the one being looked at when the middle is in none. */
const LOOKED_AT_SHARE = 0.25;

/**
 * Where a note added without a tap goes (the phone's "Add note"): the middle
 * of the screen, and the frame there, or else the frame that fills most of
 * the screen (at least a quarter of it), with the point moved into the part
 * of it on screen.
 */
export function landingInView(index: SpatialIndex, view: Rect): { at: Point; frameId: string | null } {
  const middle = center(view);
  const under = frameAt(index, middle);
  if (under) return { at: middle, frameId: under };
  let best: { id: string; area: number; shown: Rect } | null = null;
  for (const item of index.search(view)) {
    const frame = index.get(item.id);
    if (frame?.type !== 'frame') continue;
    const shown = intersection(frame, view);
    const area = shown ? shown.width * shown.height : 0;
    if (shown && area > (best?.area ?? 0)) best = { id: frame.id, area, shown };
  }
  if (best && best.area >= view.width * view.height * LOOKED_AT_SHARE) return { at: center(best.shown), frameId: best.id };
  return { at: middle, frameId: null };
}

/**
 * The rectangle a new note written in the sheet takes, decided on Save (the
 * board may have changed while the person wrote): centred on the point if
 * that covers nothing, else the nearest free spot, as for a note placed on
 * the canvas. If that spot falls outside the frame the note was for, it
 * takes the next free place inside the frame instead.
 */
export function noteLanding(index: SpatialIndex, request: { at: Point; frameId: string | null }): { rect: Rect; frameId: string | null } {
  const size = { width: NOTE_SIZE, height: NOTE_SIZE };
  const centred = { ...size, x: request.at.x - size.width / 2, y: request.at.y - size.height / 2 };
  const rect = { ...centred, ...freeSpotNear(index, centred) };
  const frame = request.frameId ? index.get(request.frameId) : undefined;
  if (!frame || frame.type !== 'frame') return { rect, frameId: frameAt(index, center(rect)) };
  if (rectContainsPoint(frame, center(rect))) return { rect, frameId: frame.id };
  return { rect: { ...size, ...freeSlotInFrame(index, frame.id, size) }, frameId: frame.id };
}

function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}
