import * as Y from 'yjs';
import { randomId } from '../ids.ts';
import { getObjectMap, readObject } from '../model/boardDoc.ts';
import type { NoteColor } from '../model/palette.ts';
import { COORDINATE_LIMIT, MAX_TAGS, MAX_TAG_LENGTH } from '../model/records/common.ts';
import {
  MAX_THEME_DESCRIPTION,
  MAX_THEME_NAME,
  THEME_MEMBERS_KEY,
  getThemeMap,
  getThemeMembersMap,
  getThemesMap,
  resolveMerges,
  type Theme,
} from './themes.ts';

/**
 * Changes to themes and to the synthesis fields of notes, as plain document
 * operations. Each writes only the keys it means to change, so concurrent
 * edits by different people to different themes, fields or members merge.
 * Call inside `doc.transact(fn, origin)`, so the change carries the caller's
 * origin and is one undo step (the client's editor commands do).
 */

/** Room around the members when a theme's area is fitted to them, and above them for its name. */
export const THEME_PADDING = 40;
export const THEME_HEADER = 56;

export interface ThemeArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface NewTheme {
  /** Notes (or answer cards) to put in it; ids that are not on the board are skipped. */
  noteIds: readonly string[];
  name: string;
  description?: string;
  color?: NoteColor;
  origin?: Theme['origin'];
  /** Its area; by default fitted around the members. */
  area?: ThemeArea;
  id?: string;
}

/** What a person typed, made storable: trimmed, and cut to the limit rather than refused. */
export function cleanThemeName(draft: string): string {
  return draft.trim().slice(0, MAX_THEME_NAME);
}

export function cleanThemeDescription(draft: string): string {
  return draft.trim().slice(0, MAX_THEME_DESCRIPTION);
}

/** Creates a theme around the given notes and returns its id. */
export function createTheme(doc: Y.Doc, theme: NewTheme): string {
  const id = theme.id ?? randomId();
  const members = contributionIds(doc, theme.noteIds);
  const area = theme.area ?? fitArea(doc, members) ?? { x: 0, y: 0, width: 400, height: 300 };
  // Attached first, so the fields are written into the document (a detached map cannot be read back).
  const map = getThemesMap(doc).set(id, new Y.Map<unknown>());
  map.set('name', cleanThemeName(theme.name));
  map.set('description', cleanThemeDescription(theme.description ?? ''));
  setArea(map, area);
  map.set('color', theme.color ?? 'gray');
  map.set('origin', theme.origin ?? 'manual');
  const memberMap = map.set(THEME_MEMBERS_KEY, new Y.Map<unknown>());
  for (const noteId of members) memberMap.set(noteId, true);
  return id;
}

/** Adds notes to a theme (to the theme it was merged into, if it was). Unknown themes and notes are ignored. */
export function addToTheme(doc: Y.Doc, themeId: string, noteIds: readonly string[]): void {
  const root = visibleThemeId(doc, themeId);
  const map = root === null ? null : getThemeMap(doc, root);
  if (!map) return;
  const members = membersOf(map);
  for (const noteId of contributionIds(doc, noteIds)) if (members.get(noteId) !== true) members.set(noteId, true);
}

/** Takes notes out of a theme, and out of every theme merged into it (whose members it shows). */
export function removeFromTheme(doc: Y.Doc, themeId: string, noteIds: readonly string[]): void {
  for (const map of storedMapsOf(doc, themeId)) {
    const members = getThemeMembersMap(map);
    if (!members) continue;
    for (const noteId of noteIds) if (members.has(noteId)) members.delete(noteId);
  }
}

export function renameTheme(doc: Y.Doc, themeId: string, name: string): void {
  setField(doc, themeId, 'name', cleanThemeName(name));
}

export function describeTheme(doc: Y.Doc, themeId: string, description: string): void {
  setField(doc, themeId, 'description', cleanThemeDescription(description));
}

export function setThemeColor(doc: Y.Doc, themeId: string, color: NoteColor): void {
  setField(doc, themeId, 'color', color);
}

/** Moves or resizes a theme's area (its members stay members wherever they lie). */
export function setThemeArea(doc: Y.Doc, themeId: string, area: ThemeArea): void {
  const root = visibleThemeId(doc, themeId);
  const map = root === null ? null : getThemeMap(doc, root);
  if (map) setArea(map, area);
}

/**
 * Merges theme `b` into theme `a` and returns the id of the theme that
 * remains (a's), or null when either is gone. `a` gets b's members, an area
 * covering both, and b's description after its own. `b` is not deleted but
 * marked `mergedInto: a`, hidden from readers: a note someone drags into b
 * on another device while this merge is in flight still lands in a.
 */
export function mergeThemes(doc: Y.Doc, a: string, b: string): string | null {
  const keep = visibleThemeId(doc, a);
  const gone = visibleThemeId(doc, b);
  if (keep === null || gone === null) return null;
  if (keep === gone) return keep;
  const into = getThemeMap(doc, keep)!;
  const from = getThemeMap(doc, gone)!;
  const members = membersOf(into);
  for (const map of storedMapsOf(doc, gone)) {
    for (const [noteId, flag] of getThemeMembersMap(map)?.entries() ?? []) if (flag === true) members.set(noteId, true);
  }
  setArea(into, unionArea(areaOf(into), areaOf(from)));
  const ownText = stringField(into, 'description');
  const otherText = stringField(from, 'description');
  if (otherText !== '' && otherText !== ownText) {
    into.set('description', cleanThemeDescription(ownText === '' ? otherText : `${ownText}\n\n${otherText}`));
  }
  from.set('mergedInto', keep);
  return keep;
}

/** Deletes a theme and the themes merged into it. Its notes stay on the board. */
export function deleteTheme(doc: Y.Doc, themeId: string): void {
  const themes = getThemesMap(doc);
  for (const id of storedIdsOf(doc, themeId)) themes.delete(id);
}

/**
 * Sets a note's tags: trimmed, cut to the length limit, empty ones and
 * repeats (ignoring case) dropped, at most MAX_TAGS. No tags removes the
 * field. Notes and answer cards only.
 */
export function setTags(doc: Y.Doc, noteId: string, tags: readonly string[]): void {
  const map = contributionMap(doc, noteId);
  if (!map) return;
  const clean = cleanTags(tags);
  if (clean.length === 0) {
    if (map.has('tags')) map.delete('tags');
    return;
  }
  const current = map.get('tags');
  if (Array.isArray(current) && current.length === clean.length && current.every((tag, index) => tag === clean[index])) return;
  map.set('tags', clean);
}

export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().slice(0, MAX_TAG_LENGTH).trim();
    const key = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length === MAX_TAGS) break;
  }
  return out;
}

/**
 * Marks `noteId` as repeating `originalId`, or clears the mark (null).
 * Points at the original's own original when it is itself a duplicate, so
 * every duplicate names the first note. Refuses (returns false) a note
 * repeating itself, a loop, or a note or original that is not a
 * contribution on the board.
 */
export function markDuplicate(doc: Y.Doc, noteId: string, originalId: string | null): boolean {
  const map = contributionMap(doc, noteId);
  if (!map) return false;
  if (originalId === null) {
    if (map.has('duplicateOf')) map.delete('duplicateOf');
    return true;
  }
  let target = originalId;
  const seen = new Set<string>([noteId]);
  for (;;) {
    if (seen.has(target)) return false;
    const original = contributionMap(doc, target);
    if (!original) return false;
    seen.add(target);
    const next = original.get('duplicateOf');
    if (typeof next !== 'string') break;
    target = next;
  }
  if (map.get('duplicateOf') !== target) map.set('duplicateOf', target);
  return true;
}

/** The id of the visible theme `themeId` now shows as (itself, or what it was merged into), or null. */
export function visibleThemeId(doc: Y.Doc, themeId: string): string | null {
  return storedMerges(doc).get(themeId) ?? null;
}

function storedMerges(doc: Y.Doc): Map<string, string | null> {
  const stored = new Map<string, { fields: { mergedInto?: string } }>();
  for (const [id, value] of getThemesMap(doc).entries() as IterableIterator<[string, unknown]>) {
    if (!(value instanceof Y.Map)) continue;
    const mergedInto = value.get('mergedInto');
    stored.set(id, { fields: typeof mergedInto === 'string' ? { mergedInto } : {} });
  }
  return resolveMerges(stored);
}

/** The ids of the stored themes shown as the visible theme `themeId` resolves to: its own and those merged into it. */
function storedIdsOf(doc: Y.Doc, themeId: string): string[] {
  const roots = storedMerges(doc);
  const root = roots.get(themeId);
  if (root === null || root === undefined) return [];
  return [...roots].filter(([, resolved]) => resolved === root).map(([id]) => id);
}

function storedMapsOf(doc: Y.Doc, themeId: string): Y.Map<unknown>[] {
  return storedIdsOf(doc, themeId).flatMap((id) => getThemeMap(doc, id) ?? []);
}

function setField(doc: Y.Doc, themeId: string, key: string, value: string): void {
  const root = visibleThemeId(doc, themeId);
  const map = root === null ? null : getThemeMap(doc, root);
  if (map && map.get(key) !== value) map.set(key, value);
}

function membersOf(map: Y.Map<unknown>): Y.Map<unknown> {
  const existing = getThemeMembersMap(map);
  if (existing) return existing;
  const members = new Y.Map<unknown>();
  map.set(THEME_MEMBERS_KEY, members);
  return members;
}

function contributionMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const map = getObjectMap(doc, id);
  const type = map?.get('type');
  return map && (type === 'note' || type === 'answer') ? map : null;
}

/** The given ids that are notes or answer cards on the board, without repeats, in the given order. */
function contributionIds(doc: Y.Doc, ids: readonly string[]): string[] {
  return [...new Set(ids)].filter((id) => contributionMap(doc, id) !== null);
}

/** Space between notes laid out in a theme's grid. */
export const THEME_GAP = 30;

/**
 * Lays notes out in a near-square grid from `at` (top-left), in the given
 * order, out of any frame: for an accepted suggestion, whose notes may be
 * scattered over the whole board, so its theme is one compact area rather
 * than one spanning (and hiding) everything between them. Returns the ids
 * it moved. Ids that are not notes or answer cards are skipped.
 */
export function arrangeInGrid(doc: Y.Doc, noteIds: readonly string[], at: { x: number; y: number }): string[] {
  const ids = contributionIds(doc, noteIds);
  const columns = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
  let cellWidth = 0;
  let cellHeight = 0;
  for (const id of ids) {
    const object = readObject(getObjectMap(doc, id), id);
    if (object && object.type !== 'connector') {
      cellWidth = Math.max(cellWidth, object.width);
      cellHeight = Math.max(cellHeight, object.height);
    }
  }
  const moved: string[] = [];
  ids.forEach((id, index) => {
    const map = getObjectMap(doc, id)!;
    const x = Math.round(at.x + (index % columns) * (cellWidth + THEME_GAP));
    const y = Math.round(at.y + Math.floor(index / columns) * (cellHeight + THEME_GAP));
    if (Math.abs(x) > COORDINATE_LIMIT || Math.abs(y) > COORDINATE_LIMIT) return;
    if (map.get('x') !== x) map.set('x', x);
    if (map.get('y') !== y) map.set('y', y);
    if (map.get('frameId') !== null) map.set('frameId', null);
    moved.push(id);
  });
  return moved;
}

/** An area around the members' rectangles, with room for the theme's name; null when none has a valid rectangle. */
export function fitArea(doc: Y.Doc, noteIds: readonly string[]): ThemeArea | null {
  let area: ThemeArea | null = null;
  for (const id of noteIds) {
    const object = readObject(getObjectMap(doc, id), id);
    if (!object || object.type === 'connector') continue;
    const rect = { x: object.x, y: object.y, width: object.width, height: object.height };
    area = area ? unionArea(area, rect) : rect;
  }
  if (!area) return null;
  return clampArea({
    x: area.x - THEME_PADDING,
    y: area.y - THEME_PADDING - THEME_HEADER,
    width: area.width + 2 * THEME_PADDING,
    height: area.height + 2 * THEME_PADDING + THEME_HEADER,
  });
}

function unionArea(a: ThemeArea, b: ThemeArea): ThemeArea {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** Keeps an area inside the board's coordinate limits, so it always validates. */
function clampArea(area: ThemeArea): ThemeArea {
  const clamp = (value: number) => Math.min(COORDINATE_LIMIT, Math.max(-COORDINATE_LIMIT, value));
  return {
    x: clamp(area.x),
    y: clamp(area.y),
    width: Math.min(COORDINATE_LIMIT, Math.max(1, area.width)),
    height: Math.min(COORDINATE_LIMIT, Math.max(1, area.height)),
  };
}

function setArea(map: Y.Map<unknown>, area: ThemeArea): void {
  const clean = clampArea(area);
  for (const key of ['x', 'y', 'width', 'height'] as const) if (map.get(key) !== clean[key]) map.set(key, clean[key]);
}

function areaOf(map: Y.Map<unknown>): ThemeArea {
  const number = (key: string, fallback: number) => {
    const value = map.get(key);
    return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  };
  return { x: number('x', 0), y: number('y', 0), width: number('width', 1), height: number('height', 1) };
}

function stringField(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
}
