import * as Y from 'yjs';
import { z } from 'zod';
import { ObjectIdSchema } from '../ids.ts';
import { CONTENT_ROOTS, getObjectsMap } from '../model/boardDoc.ts';
import { NoteColorSchema } from '../model/palette.ts';
import { coordinate, extent } from '../model/records/common.ts';

/**
 * Themes: named groups of notes made during synthesis (issue #10). They live
 * in the content document's `themes` root, which facilitators and
 * participants may write and observers may not (the server's role check on
 * the content document already enforces that).
 *
 *   Y.Map('themes')  themeId -> Y.Map {
 *                      name, description, x, y, width, height, color, origin,
 *                      mergedInto?: themeId,
 *                      members: Y.Map noteId -> true,
 *                    }
 *
 * A theme is a record of its own, not a frame that happens to overlap some
 * notes: membership is explicit, so a note merely lying across a theme's area
 * is not in it, and a note keeps its theme when the area is moved.
 *
 * Members are a nested map keyed by note id (not an array) so two people
 * dragging different notes in at once both land: each writes its own key.
 */
export const THEMES_ROOT = CONTENT_ROOTS.themes;
/** The key of a theme's nested members map: the only nested type the server lets a theme hold. */
export const THEME_MEMBERS_KEY = 'members';

/** Longest theme name: a heading on the canvas and in exports. */
export const MAX_THEME_NAME = 200;
/** Longest theme description: a short paragraph for the report. */
export const MAX_THEME_DESCRIPTION = 2000;

export const THEME_ORIGINS = ['manual', 'suggested'] as const;

/** A theme as readers see it, with its members resolved. */
export const ThemeSchema = z.object({
  id: ObjectIdSchema,
  name: z.string().max(MAX_THEME_NAME),
  description: z.string().max(MAX_THEME_DESCRIPTION),
  /** ids of members in `objects` (notes and anonymous answer cards), sorted */
  noteIds: z.array(ObjectIdSchema),
  /** Its area on the canvas (board units), like a frame's: where it is drawn and where dropping a note adds it. */
  x: coordinate,
  y: coordinate,
  width: extent,
  height: extent,
  /** A palette name, so the theme's tint can be named aloud and in exports. */
  color: NoteColorSchema,
  /** Whether a person made it, or accepted it from "Suggest themes" (reported, so readers know which groupings a machine proposed). */
  origin: z.enum(THEME_ORIGINS),
});
export type Theme = z.infer<typeof ThemeSchema>;

/**
 * The plain fields stored on a theme's map (everything but its members).
 * `mergedInto` is storage only: a theme merged into another stays in the
 * document, hidden, so a note someone drags into it while the merge happens
 * elsewhere still reaches the merged theme (see `resolveMerges`).
 */
const StoredThemeFieldsSchema = ThemeSchema.omit({ id: true, noteIds: true }).extend({
  mergedInto: ObjectIdSchema.optional(),
});
type StoredThemeFields = z.infer<typeof StoredThemeFieldsSchema>;

/** A theme's members as a plain snapshot: note id -> true. */
const StoredMembersSchema = z.record(ObjectIdSchema, z.literal(true));

/**
 * Whether a theme map, as a plain snapshot (its members map as a plain
 * object), is what this build writes: known fields only, each valid. For a
 * server that judges records before storing them (the key is the theme id).
 */
export function isValidStoredTheme(plain: Record<string, unknown>, key: string): boolean {
  if (!ObjectIdSchema.safeParse(key).success) return false;
  const { [THEME_MEMBERS_KEY]: members, ...fields } = plain;
  if (members !== undefined && !StoredMembersSchema.safeParse(members).success) return false;
  return StoredThemeFieldsSchema.strict().safeParse(fields).success;
}

/** Object types that can be members of a theme: the contributions themselves. */
const MEMBER_TYPES: ReadonlySet<unknown> = new Set(['note', 'answer']);

export function getThemesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(THEMES_ROOT);
}

/** The stored map of one theme, or null when there is none or the value there is not a map. */
export function getThemeMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value: unknown = getThemesMap(doc).get(id);
  return value instanceof Y.Map ? value : null;
}

/** A theme's members map, or null when it has none (or a peer stored something else there). */
export function getThemeMembersMap(theme: Y.Map<unknown>): Y.Map<unknown> | null {
  const members = theme.get(THEME_MEMBERS_KEY);
  return members instanceof Y.Map ? members : null;
}

interface StoredTheme {
  id: string;
  fields: StoredThemeFields;
  members: string[];
}

/** Every theme map whose fields are valid, hidden (merged) ones included. Invalid ones are skipped, not thrown on. */
function readStoredThemes(doc: Y.Doc): Map<string, StoredTheme> {
  const out = new Map<string, StoredTheme>();
  for (const [id, value] of getThemesMap(doc).entries() as IterableIterator<[string, unknown]>) {
    if (!(value instanceof Y.Map) || !ObjectIdSchema.safeParse(id).success) continue;
    const plain: Record<string, unknown> = {};
    for (const [key, field] of value.entries()) if (key !== THEME_MEMBERS_KEY) plain[key] = field;
    const fields = StoredThemeFieldsSchema.safeParse(plain);
    if (!fields.success) continue;
    const members: string[] = [];
    for (const [noteId, flag] of getThemeMembersMap(value)?.entries() ?? []) {
      if (flag === true && ObjectIdSchema.safeParse(noteId).success) members.push(noteId);
    }
    out.set(id, { id, fields: fields.data, members });
  }
  return out;
}

/**
 * Theme id -> the id of the visible theme it now belongs to (itself when it
 * was never merged). Follows `mergedInto` chains; a chain that ends at a
 * missing or invalid theme maps to null (its members went with it). Two
 * people merging a into b and b into a at once make a loop: the loop's
 * smallest id survives, so every client agrees without talking.
 */
export function resolveMerges(stored: ReadonlyMap<string, { fields: { mergedInto?: string | undefined } }>): Map<string, string | null> {
  const roots = new Map<string, string | null>();
  for (const start of stored.keys()) {
    if (roots.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | undefined = start;
    let root: string | null = null;
    while (current !== undefined) {
      const known = roots.get(current);
      if (known !== undefined) {
        root = known;
        break;
      }
      if (onPath.has(current)) {
        // A loop: its smallest member is the survivor.
        const loop = path.slice(path.indexOf(current));
        root = loop.reduce((a, b) => (b < a ? b : a));
        break;
      }
      const theme = stored.get(current);
      if (!theme) break;
      path.push(current);
      onPath.add(current);
      current = theme.fields.mergedInto;
      if (current === undefined) root = path.at(-1)!;
    }
    for (const id of path) roots.set(id, root);
  }
  return roots;
}

/**
 * Every visible valid theme, sorted by (name, id) so every client and every
 * export lists them in the same order. Members are the note and answer-card
 * ids present in `objects` (a deleted note leaves its themes without any
 * write to them, and comes back if the deletion is undone), sorted, together
 * with the members of themes merged into it.
 */
export function readThemes(contentDoc: Y.Doc): Theme[] {
  const stored = readStoredThemes(contentDoc);
  const roots = resolveMerges(stored);
  const memberSets = new Map<string, Set<string>>();
  for (const [id, theme] of stored) {
    const root = roots.get(id);
    if (root === null || root === undefined) continue;
    let set = memberSets.get(root);
    if (!set) memberSets.set(root, (set = new Set()));
    for (const member of theme.members) set.add(member);
  }
  const objects = getObjectsMap(contentDoc);
  const isMember = (noteId: string): boolean => {
    const value: unknown = objects.get(noteId);
    return value instanceof Y.Map && MEMBER_TYPES.has(value.get('type'));
  };
  const themes: Theme[] = [];
  for (const [id, members] of memberSets) {
    const { mergedInto: _hidden, ...fields } = stored.get(id)!.fields;
    const noteIds = [...members].filter(isMember).sort(compareIds);
    themes.push({ id, ...fields, noteIds });
  }
  return themes.sort((a, b) => compareIds(a.name, b.name) || compareIds(a.id, b.id));
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Note id -> the ids of the visible themes it belongs to, in the themes' order: for drawing a note's theme and for exports. */
export function themesByNote(themes: readonly Theme[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const theme of themes) {
    for (const noteId of theme.noteIds) {
      const list = out.get(noteId);
      if (list) list.push(theme.id);
      else out.set(noteId, [theme.id]);
    }
  }
  return out;
}
