import * as Y from 'yjs';
import {
  NOTE_SIZE,
  center,
  frameAt,
  freeSlotInFrame,
  freeSpotNear,
  getAnswersMap,
  insertObject,
  isPositioned,
  maxZ,
  readAllObjects,
  rectsIntersect,
  unionRects,
  type BoardObject,
  type BoundedSpatialIndex,
  type NoteColor,
  type Point,
} from '@clapboard/shared';

/**
 * A spatial index over the server's copy of a board, for the shared
 * placement helpers. A linear scan: it is built once per anonymous note,
 * and a board has thousands of objects, not millions.
 */
export function docIndex(doc: Y.Doc): BoundedSpatialIndex {
  const objects = readAllObjects(doc);
  const byId = new Map<string, BoardObject>(objects.map((object) => [object.id, object]));
  const positioned = objects.filter(isPositioned);
  return {
    get: (id) => byId.get(id),
    search: (rect) => positioned.filter((object) => rectsIntersect(object, rect)),
    allBounds: () => unionRects(positioned),
  };
}

/** The frame at the point where a note was added (null: none); decides whether anonymous mode applies there. */
export function frameAtPoint(doc: Y.Doc, point: Point): string | null {
  return frameAt(docIndex(doc), point);
}

export interface AnonymousNote {
  answerId: string;
  text: string;
  lang: string | null;
  color: NoteColor;
}

/**
 * Writes an anonymous note: an `answer` card in `objects` (anyone can move,
 * resize, colour or group it, as a revealed round answer) and its words in
 * the server-written `answers` root. Call inside the server's own
 * transaction, so every item is stamped with the server's Yjs client id.
 *
 * Where the card goes depends on the board alone, never on the point the
 * author tapped: in `frameId`, its next free slot; with no frame (a board in
 * anonymous mode), the free spot nearest the middle of everything. A card at
 * the tapped point would sit in its author's viewport, and presence shows
 * everyone's viewport.
 */
export function writeAnonymousNote(doc: Y.Doc, note: AnonymousNote, frameId: string | null): void {
  const index = docIndex(doc);
  const size = { width: NOTE_SIZE, height: NOTE_SIZE };
  const frame = frameId ? index.get(frameId) : undefined;
  let spot: Point;
  let inFrame: string | null;
  if (frame && frame.type === 'frame') {
    spot = freeSlotInFrame(index, frame.id, size);
    inFrame = frame.id;
  } else {
    const middle = center(index.allBounds() ?? { x: 0, y: 0, width: 0, height: 0 });
    spot = freeSpotNear(index, { ...size, x: middle.x - size.width / 2, y: middle.y - size.height / 2 });
    inFrame = frameAt(index, center({ ...size, ...spot }));
  }
  insertObject(doc, {
    id: note.answerId,
    type: 'answer',
    x: Math.round(spot.x),
    y: Math.round(spot.y),
    ...size,
    z: maxZ(doc) + 1,
    frameId: inFrame,
    color: note.color,
    answerId: note.answerId,
  });
  const entry = new Y.Map<unknown>();
  entry.set('text', note.text);
  if (note.lang) entry.set('lang', note.lang);
  entry.set('anonymousNote', true);
  getAnswersMap(doc).set(note.answerId, entry);
}
