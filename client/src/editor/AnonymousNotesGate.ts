import * as Y from 'yjs';
import {
  ANONYMOUS_FRAMES_SETTING,
  ANONYMOUS_NOTES_SETTING,
  LOCAL_USER_ORIGIN,
  NOTE_SIZE,
  anonymousNotesApply,
  center,
  frameAt,
  freeSlotOutsideFrames,
  getSettingsMap,
  type Point,
} from '@clapboard/shared';
import type { BoardStore } from '../model/BoardStore.ts';
import { AnonymousNotesModeModel } from '../model/AnonymousNotesModeModel.ts';
import { Observable } from '../model/Observable.ts';

/** Where someone asked for a new note that must be anonymous: the point the server decides by, and the frame there. */
export interface AnonymousNoteDraft {
  at: Point;
  frameId: string | null;
  /** Words already written for it (in the phone's writing sheet, before notes became anonymous there), to start the box with. */
  text?: string;
  /** Differs on every request, so asking twice at the same spot still reopens the box. */
  seq: number;
}

/**
 * Anonymous notes in the editor (docs/anonymity.md, "Anonymous notes").
 * Where a facilitator switched the board or a frame to anonymous mode, a new
 * note must not be written by this person's Y.Doc: every item it writes
 * carries its client id. So the editor's note commands ask here first, and
 * where the mode applies nothing is created: `draft` is set instead, a
 * panel opens a text box, and the words go to the server over HTTP. Nothing
 * about it is selected or put in presence.
 */
export class AnonymousNotesGate {
  readonly model: AnonymousNotesModeModel;
  /** The note someone is about to write anonymously, or null. */
  readonly draft = new Observable<AnonymousNoteDraft | null>(null);
  private seq = 0;

  constructor(
    private readonly controlDoc: Y.Doc,
    private readonly store: BoardStore,
    private readonly canEditSettings: boolean,
  ) {
    this.model = new AnonymousNotesModeModel(controlDoc);
  }

  destroy(): void {
    this.model.destroy();
  }

  /** A note tapped, clicked or keyed in at `at`: true if it must go to the server instead (the draft is then open). */
  divertAt(at: Point, text?: string): boolean {
    return this.divert(at, frameAt(this.store, at), text);
  }

  /** The outline's "Add note" to a frame (null: no frame): true if it must go to the server instead. */
  divertToFrame(frameId: string | null): boolean {
    if (!anonymousNotesApply(this.model.mode.get(), frameId)) return false;
    const frame = frameId ? this.store.get(frameId) : undefined;
    // A point the server will find in that frame, or outside every frame.
    const at = frame && frame.type === 'frame' ? center(frame) : center({ ...freeSlotOutsideFrames(this.store, { width: NOTE_SIZE, height: NOTE_SIZE }), width: NOTE_SIZE, height: NOTE_SIZE });
    return this.divert(at, frameId);
  }

  /** Closes the text box without sending anything. */
  cancel(): void {
    this.draft.set(null);
  }

  /** Facilitators: new notes anywhere on the board are anonymous (or not). */
  setBoard(on: boolean): void {
    if (!this.canEditSettings) return;
    this.controlDoc.transact(() => {
      const settings = getSettingsMap(this.controlDoc);
      if (on) settings.set(ANONYMOUS_NOTES_SETTING, true);
      else if (settings.has(ANONYMOUS_NOTES_SETTING)) settings.delete(ANONYMOUS_NOTES_SETTING);
    }, LOCAL_USER_ORIGIN);
  }

  /** Facilitators: new notes in this frame are anonymous (or not). */
  setFrame(frameId: string, on: boolean): void {
    if (!this.canEditSettings) return;
    this.controlDoc.transact(() => {
      const settings = getSettingsMap(this.controlDoc);
      let frames = settings.get(ANONYMOUS_FRAMES_SETTING);
      if (!(frames instanceof Y.Map)) {
        if (!on) return;
        frames = new Y.Map<unknown>();
        settings.set(ANONYMOUS_FRAMES_SETTING, frames);
      }
      const map = frames as Y.Map<unknown>;
      if (on) map.set(frameId, true);
      else if (map.has(frameId)) map.delete(frameId);
    }, LOCAL_USER_ORIGIN);
  }

  private divert(at: Point, frameId: string | null, text?: string): boolean {
    if (!anonymousNotesApply(this.model.mode.get(), frameId)) return false;
    this.draft.set({ at: { x: at.x, y: at.y }, frameId, ...(text ? { text } : {}), seq: ++this.seq });
    return true;
  }
}
