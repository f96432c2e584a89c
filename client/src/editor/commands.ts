import * as Y from 'yjs';
import {
  BoardObjectSchema,
  LOCAL_USER_ORIGIN,
  NOTE_SIZE,
  center,
  deleteObjects,
  frameAt,
  freeSlotInFrame,
  freeSlotOutsideFrames,
  freeSpotNear,
  getObjectMap,
  getObjectText,
  insertObject,
  isPositioned,
  randomId,
  updateObject,
  type BoardObject,
  type ConnectorEnd,
  type NewBoardObject,
  type NoteColor,
  type Point,
  type Rect,
} from '@clapboard/shared';
import type { BoardStore } from '../model/BoardStore.ts';

/**
 * Editor commands: every local edit goes through here, one transaction per
 * user action with the local-user origin, so undo steps match what the
 * person did and the undo manager only ever sees their own changes.
 */
export function transact(doc: Y.Doc, fn: () => void): void {
  doc.transact(fn, LOCAL_USER_ORIGIN);
}

function nextZ(store: BoardStore): number {
  const sorted = store.sorted();
  return (sorted.at(-1)?.z ?? 0) + 1;
}

function minZ(store: BoardStore): number {
  return store.sorted()[0]?.z ?? 0;
}

export type NewObjectKind = 'note' | 'text' | 'rectangle' | 'ellipse' | 'frame';

export const DEFAULT_SIZES: Record<NewObjectKind, { width: number; height: number }> = {
  note: { width: NOTE_SIZE, height: NOTE_SIZE },
  text: { width: 240, height: 60 },
  rectangle: { width: 200, height: 140 },
  ellipse: { width: 200, height: 140 },
  frame: { width: 800, height: 600 },
};

/**
 * Creates an object centred on `at` (or filling `rect`) and returns its id.
 * A note placed by point (N, the note tool) steps aside to the nearest free
 * spot rather than hiding an existing object; `rect` is an exact placement.
 */
export function createObject(
  doc: Y.Doc,
  store: BoardStore,
  kind: NewObjectKind,
  at: Point,
  options: { color?: NoteColor; text?: string; rect?: Rect; frameId?: string | null; lang?: string } = {},
): string {
  const centred = { ...DEFAULT_SIZES[kind], x: at.x - DEFAULT_SIZES[kind].width / 2, y: at.y - DEFAULT_SIZES[kind].height / 2 };
  const size = options.rect ?? (kind === 'note' ? { ...centred, ...freeSpotNear(store, centred) } : centred);
  const base = {
    x: round(size.x),
    y: round(size.y),
    width: Math.max(1, round(size.width)),
    height: Math.max(1, round(size.height)),
    z: kind === 'frame' ? minZ(store) - 1 : nextZ(store),
    frameId: kind === 'frame' ? null : options.frameId !== undefined ? options.frameId : frameAt(store, center(size)),
    text: options.text ?? '',
  };
  let record: NewBoardObject;
  if (kind === 'note') record = { ...base, type: 'note', color: options.color ?? 'yellow', ...(options.lang ? { lang: options.lang } : {}) };
  else if (kind === 'text') record = { ...base, type: 'text', color: 'black', fontSize: 28 };
  else if (kind === 'frame') record = { ...base, type: 'frame' };
  else record = { ...base, type: 'shape', shape: kind, stroke: 'black', fill: null };
  let id = '';
  transact(doc, () => {
    id = insertObject(doc, record);
  });
  return id;
}

export function createConnector(doc: Y.Doc, store: BoardStore, from: ConnectorEnd, to: ConnectorEnd): string {
  let id = '';
  transact(doc, () => {
    id = insertObject(doc, { type: 'connector', z: nextZ(store), frameId: null, from, to, stroke: 'black', arrow: true });
  });
  return id;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Moves objects by (dx, dy). Moving a frame moves its members; free ends of
 * selected connectors move too. Dropped objects join the frame under their
 * centre (or leave frames they no longer sit in).
 */
export function moveObjects(doc: Y.Doc, store: BoardStore, ids: Iterable<string>, dx: number, dy: number): void {
  const moving = expandWithFrameMembers(store, ids);
  const movedFrames = new Set([...moving].filter((id) => store.get(id)?.type === 'frame'));
  transact(doc, () => {
    for (const id of moving) {
      const object = store.get(id);
      if (!object) continue;
      if (object.type === 'connector') {
        updateObject(doc, id, { from: shiftEnd(object.from, dx, dy), to: shiftEnd(object.to, dx, dy) });
        continue;
      }
      const x = round(object.x + dx);
      const y = round(object.y + dy);
      const patch: Record<string, unknown> = { x, y };
      if (object.type !== 'frame' && !(object.frameId && movedFrames.has(object.frameId))) {
        patch.frameId = frameAt(store, center({ ...object, x, y }), movedFrames);
      }
      updateObject(doc, id, patch);
    }
  });
}

export function expandWithFrameMembers(store: BoardStore, ids: Iterable<string>): Set<string> {
  const out = new Set(ids);
  for (const id of [...out]) if (store.get(id)?.type === 'frame') for (const child of store.childrenOf(id)) out.add(child.id);
  return out;
}

function shiftEnd(end: ConnectorEnd, dx: number, dy: number): ConnectorEnd {
  return 'objectId' in end ? end : { x: round(end.x + dx), y: round(end.y + dy) };
}

/** Scales every selected object from the `from` box to the `to` box (the selection's resize handles). */
export function resizeObjects(doc: Y.Doc, store: BoardStore, ids: Iterable<string>, from: Rect, to: Rect): void {
  const sx = to.width / Math.max(from.width, 1);
  const sy = to.height / Math.max(from.height, 1);
  transact(doc, () => {
    for (const id of ids) {
      const object = store.get(id);
      if (!object || !isPositioned(object)) continue;
      updateObject(doc, id, {
        x: round(to.x + (object.x - from.x) * sx),
        y: round(to.y + (object.y - from.y) * sy),
        width: Math.max(8, round(object.width * sx)),
        height: Math.max(8, round(object.height * sy)),
      });
    }
  });
}

/** Deletes objects, the connectors attached to them, and releases a deleted frame's members. */
export function deleteSelection(doc: Y.Doc, store: BoardStore, ids: Iterable<string>): void {
  const doomed = new Set(ids);
  for (const id of [...doomed]) for (const connectorId of store.connectorsAttachedTo(id)) doomed.add(connectorId);
  transact(doc, () => {
    for (const id of doomed) {
      if (store.get(id)?.type === 'frame') {
        for (const child of store.childrenOf(id)) if (!doomed.has(child.id)) updateObject(doc, child.id, { frameId: null });
      }
    }
    deleteObjects(doc, doomed);
  });
}

/**
 * The records a paste of `objects` shifted by `offset` would insert: fresh
 * ids, references between the copied objects (connector ends, frame
 * membership) pointing at the copies, stacked above everything. A connector
 * whose end was attached to an object neither copied nor on the board is
 * left out. Null when any record would be invalid — a coordinate shifted past
 * the board's limit, say — since a paste lands whole or not at all.
 */
export function planPaste(store: BoardStore, objects: readonly BoardObject[], offset: Point): BoardObject[] | null {
  const idMap = new Map(objects.map((object) => [object.id, randomId()]));
  let z = nextZ(store);
  const remapEnd = (end: ConnectorEnd): ConnectorEnd | null => {
    if (!('objectId' in end)) return { x: round(end.x + offset.x), y: round(end.y + offset.y) };
    const mapped = idMap.get(end.objectId);
    return mapped ? { objectId: mapped } : store.get(end.objectId) ? end : null;
  };
  const planned: unknown[] = [];
  for (const object of [...objects].sort((a, b) => a.z - b.z)) {
    const id = idMap.get(object.id) ?? randomId();
    const frameId = object.frameId ? (idMap.get(object.frameId) ?? null) : null;
    if (object.type === 'connector') {
      const from = remapEnd(object.from);
      const to = remapEnd(object.to);
      if (from && to) planned.push({ ...object, id, from, to, frameId, z: z++ });
    } else {
      const x = round(object.x + offset.x);
      const y = round(object.y + offset.y);
      planned.push({ ...object, id, frameId, x, y, z: object.type === 'frame' ? object.z : z++ });
    }
  }
  const out: BoardObject[] = [];
  for (const record of planned) {
    const parsed = BoardObjectSchema.safeParse(record);
    if (!parsed.success) return null;
    out.push(parsed.data);
  }
  return out;
}

/**
 * Inserts copies of `objects` shifted by `offset`, in one transaction, and
 * returns the new ids; or inserts nothing and returns null when any copy
 * would be invalid (see planPaste). Everything is validated before the
 * transaction starts: Yjs cannot roll one back, so a record refused half way
 * through would leave half a paste on everyone's board.
 */
export function pasteObjects(doc: Y.Doc, store: BoardStore, objects: readonly BoardObject[], offset: Point): string[] | null {
  const records = planPaste(store, objects, offset);
  if (!records) return null;
  transact(doc, () => {
    for (const record of records) insertObject(doc, record);
  });
  return records.map((record) => record.id);
}

export function bringToFront(doc: Y.Doc, store: BoardStore, ids: readonly string[]): void {
  let z = nextZ(store);
  const ordered = ids.map((id) => store.get(id)).filter((o): o is BoardObject => !!o).sort((a, b) => a.z - b.z);
  transact(doc, () => {
    for (const object of ordered) updateObject(doc, object.id, { z: z++ });
  });
}

export function sendToBack(doc: Y.Doc, store: BoardStore, ids: readonly string[]): void {
  let z = minZ(store) - 1;
  const ordered = ids.map((id) => store.get(id)).filter((o): o is BoardObject => !!o).sort((a, b) => b.z - a.z);
  transact(doc, () => {
    for (const object of ordered) updateObject(doc, object.id, { z: z-- });
  });
}

export function setColor(doc: Y.Doc, ids: readonly string[], color: NoteColor, store: BoardStore): void {
  transact(doc, () => {
    for (const id of ids) if (store.get(id)?.type === 'note') updateObject(doc, id, { color });
  });
}

/**
 * Replaces an object's text by editing only the changed middle, so a
 * concurrent edit elsewhere in the same note survives the merge.
 */
export function replaceText(doc: Y.Doc, id: string, next: string): void {
  const text = getObjectText(getObjectMap(doc, id));
  if (!text) return;
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let endCurrent = current.length;
  let endNext = next.length;
  while (endCurrent > start && endNext > start && current[endCurrent - 1] === next[endNext - 1]) {
    endCurrent--;
    endNext--;
  }
  transact(doc, () => {
    if (endCurrent > start) text.delete(start, endCurrent - start);
    if (endNext > start) text.insert(start, next.slice(start, endNext));
  });
}

/**
 * Puts an object in a frame (or none) and moves it to a free slot inside the
 * frame, so what the outline says and what the canvas shows agree.
 */
export function moveToFrame(doc: Y.Doc, store: BoardStore, id: string, frameId: string | null): void {
  const object = store.get(id);
  if (!object || !isPositioned(object) || object.frameId === frameId) return;
  const slot = frameId ? freeSlotInFrame(store, frameId, object) : freeSlotOutsideFrames(store, object);
  transact(doc, () => updateObject(doc, id, { frameId, x: slot.x, y: slot.y }));
}

/**
 * Adds an empty note in the next free slot of a frame, or beside everything
 * when `frameId` is null (the outline's "Add note"), and returns its id.
 */
export function addNoteToFrame(doc: Y.Doc, store: BoardStore, frameId: string | null): string {
  const size = { width: NOTE_SIZE, height: NOTE_SIZE };
  const slot = frameId ? freeSlotInFrame(store, frameId, size) : freeSlotOutsideFrames(store, size);
  return createObject(doc, store, 'note', slot, { rect: { ...slot, ...size }, frameId });
}
