import * as Y from 'yjs';
import { randomId } from '../ids.ts';
import { OBJECTS_LAYOUT, THEMES_LAYOUT, type WritableLayout } from './layout.ts';
import {
  BoardObjectSchema,
  OBJECT_TYPES,
  type BoardObject,
  type BoardObjectType,
} from './records/index.ts';

/**
 * Layout of a board's content document.
 *
 *   Y.Map('objects')  id -> Y.Map (one nested map per object, so two people
 *                     editing different fields of one note never overwrite
 *                     each other); text lives in a Y.Text under `text`.
 *   Y.Map('meta')     schemaVersion: number (written by the server only).
 *   Y.Map('answers')  answerId -> Y.Map { text, lang?, roundId, hidden?,
 *                     hiddenReason? }: the words of revealed anonymous
 *                     answers (written by the server only; shared/src/rounds.ts).
 *   Y.Map('themes')   themeId -> Y.Map { name, description, area, colour,
 *                     origin, members: Y.Map noteId -> true }: groups of
 *                     notes made during synthesis (shared/src/synthesis/themes.ts).
 *   Y.Map('translations')  `<kind>:<targetId>:<lang>` -> Y.Map { kind,
 *                     targetId, lang, text }: interpreters' translations
 *                     (written by the server only; shared/src/translations.ts).
 *
 * Facilitator-only state is not here: it lives in the separate control
 * document (controlDoc.ts), which the server lets only facilitators write.
 */
export const CONTENT_ROOTS = { objects: 'objects', meta: 'meta', answers: 'answers', themes: 'themes', translations: 'translations' } as const;

/**
 * The only roots a client's update may touch, with the shape each may take.
 * `meta` is written by the server alone (board creation, migrations): a
 * client that could set `meta.schemaVersion` ahead of the server's would make
 * the board unloadable. The server closes a connection whose update reaches
 * anywhere else, or breaks the layout.
 */
export const CLIENT_WRITABLE_CONTENT_ROOTS: WritableLayout = {
  [CONTENT_ROOTS.objects]: OBJECTS_LAYOUT,
  [CONTENT_ROOTS.themes]: THEMES_LAYOUT,
};

/**
 * Roots every client reads and only the server writes (with its own Yjs
 * client: `room.transactDurably`). A client update reaching one is refused
 * with ForbiddenScope, like any root not in CLIENT_WRITABLE_CONTENT_ROOTS.
 */
export const SERVER_WRITTEN_CONTENT_ROOTS: readonly string[] = [CONTENT_ROOTS.meta, CONTENT_ROOTS.answers, CONTENT_ROOTS.translations];

/** A board object as stored: a nested Y.Map whose values are plain JSON or a Y.Text. */
export type ObjectMap = Y.Map<unknown>;

/**
 * The `objects` root. Its values are typed as object maps, but a peer can
 * store anything there (an old board, another server process, a hostile
 * client): read single objects with `getObjectMap` and iterate with
 * `objectEntries`, which skip values that are not nested maps.
 */
export function getObjectsMap(doc: Y.Doc): Y.Map<ObjectMap> {
  return doc.getMap<ObjectMap>(CONTENT_ROOTS.objects);
}

/** The nested map stored under `id`, or null when there is none or the value there is not a map. */
export function getObjectMap(doc: Y.Doc, id: string): ObjectMap | null {
  const value: unknown = getObjectsMap(doc).get(id);
  return value instanceof Y.Map ? value : null;
}

/** Every `[id, map]` under `objects`, skipping values that are not nested maps. */
export function* objectEntries(doc: Y.Doc): Generator<[string, ObjectMap]> {
  for (const [id, value] of getObjectsMap(doc).entries() as IterableIterator<[string, unknown]>) {
    if (value instanceof Y.Map) yield [id, value];
  }
}

export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTENT_ROOTS.meta);
}

/** The schema version recorded in the document; documents that predate versioning are version 1. */
export function readSchemaVersion(doc: Y.Doc): number {
  const value = getMetaMap(doc).get('schemaVersion');
  return typeof value === 'number' && Number.isInteger(value) ? value : 1;
}

/** An object to create: every field but `id` (generated when absent). */
export type NewBoardObject = BoardObject extends infer T
  ? T extends BoardObject
    ? Omit<T, 'id'> & { id?: string }
    : never
  : never;

/**
 * Adds an object to the board and returns its id. Call inside
 * `doc.transact(fn, origin)` so the change carries the caller's origin.
 */
export function insertObject(doc: Y.Doc, object: NewBoardObject): string {
  const id = object.id ?? randomId();
  const record = BoardObjectSchema.parse({ ...object, id });
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(record)) {
    map.set(key, key === 'text' ? new Y.Text(String(value)) : value);
  }
  getObjectsMap(doc).set(id, map);
  return id;
}

/** The `Y.Text` of an object, if it is an object map and its type has text. */
export function getObjectText(map: unknown): Y.Text | null {
  const text = map instanceof Y.Map ? map.get('text') : undefined;
  return text instanceof Y.Text ? text : null;
}

export function getObjectType(map: unknown): BoardObjectType | null {
  const type = map instanceof Y.Map ? map.get('type') : undefined;
  return typeof type === 'string' && isObjectType(type) ? type : null;
}

function isObjectType(type: string): type is BoardObjectType {
  return OBJECT_TYPES.has(type as BoardObjectType);
}

/**
 * A validated plain snapshot of one object, or null when the stored value is
 * not a map or does not match its schema (a peer on another version, or a
 * hostile write): the renderer skips such objects instead of crashing on
 * them. The id is the object's key in `objects`; the `id` field inside the
 * map is only a copy.
 */
export function readObject(map: unknown, id?: string): BoardObject | null {
  if (!(map instanceof Y.Map)) return null;
  id ??= objectKey(map);
  const plain: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) {
    plain[key] = value instanceof Y.Text ? value.toString() : value;
  }
  if (id !== undefined) plain.id = id;
  const parsed = BoardObjectSchema.safeParse(plain);
  return parsed.success ? parsed.data : null;
}

/** The key under which a nested map is stored in its parent map. */
function objectKey(map: ObjectMap): string | undefined {
  const key = map._item?.parentSub;
  return typeof key === 'string' ? key : undefined;
}

/** Every valid object on the board, in stacking order (z, then id). */
export function readAllObjects(doc: Y.Doc): BoardObject[] {
  const out: BoardObject[] = [];
  for (const [id, map] of objectEntries(doc)) {
    const object = readObject(map, id);
    if (object) out.push(object);
  }
  return out.sort(compareStacking);
}

export function compareStacking(a: { z: number; id: string }, b: { z: number; id: string }): number {
  return a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Plain (non-text) fields that can be updated in place. */
export type ObjectPatch = Partial<Omit<BoardObject, 'id' | 'type' | 'text'>> & Record<string, unknown>;

/**
 * Sets the given fields on an existing object, leaving the others (and
 * concurrent edits to them) untouched. Unknown ids are ignored: the object
 * may have been deleted by someone else a moment ago.
 */
export function updateObject(doc: Y.Doc, id: string, patch: ObjectPatch): void {
  const map = getObjectMap(doc, id);
  if (!map) return;
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id' || key === 'type' || key === 'text' || value === undefined) continue;
    if (map.get(key) !== value) map.set(key, value);
  }
}

export function deleteObjects(doc: Y.Doc, ids: Iterable<string>): void {
  const objects = getObjectsMap(doc);
  for (const id of ids) objects.delete(id);
}

/** Largest z on the board, for "bring to front". */
export function maxZ(doc: Y.Doc): number {
  let max = 0;
  for (const [, map] of objectEntries(doc)) {
    const z = map.get('z');
    if (typeof z === 'number' && z > max) max = z;
  }
  return max;
}
