/**
 * The shape a client-writable root may take, checked by the server before it
 * applies a client's update (server/src/sync/updateScope.ts).
 *
 * Yjs itself accepts any tree of shared types, and its cost grows with depth:
 * every change is reported to every ancestor, so an update nesting maps
 * 12,000 deep, followed by one touching every level, froze a whole server
 * process. A board never needs more than `objects` -> object map -> field
 * (a value or a `Y.Text`), so anything deeper, or a type of the wrong kind,
 * is refused whole before Yjs sees it.
 */
export interface LayoutLevel {
  /**
   * The kind of shared type at this depth. A map's entries are keyed
   * (`parentSub`); a text's are a sequence. Entries of the other kind would
   * be invisible to readers but still stored, so they are refused.
   */
  readonly type: 'map' | 'text';
  /** Whether plain content (JSON values, characters, formats) may live here, next to the types of the next level. */
  readonly values: boolean;
  /**
   * For a map: the only keys under which a type of the next level may be
   * created. Absent: any key. Lets a record hold one named nested map (a
   * theme's `members`) without letting a peer hang maps under every field.
   */
  readonly typeKeys?: readonly string[];
}

/**
 * Levels from the root down: `levels[0]` is the root itself. A type may be
 * created at depth d only if `levels[d + 1]` exists, and it must be of that
 * level's kind.
 */
export type RootLayout = readonly LayoutLevel[];

/** Root name -> its layout, for the roots clients may write in one document. */
export type WritableLayout = Readonly<Record<string, RootLayout>>;

/** `objects`: id -> object map -> fields, where `text` is a Y.Text. Nothing but maps directly under `objects`. */
export const OBJECTS_LAYOUT: RootLayout = [
  { type: 'map', values: false },
  { type: 'map', values: true },
  { type: 'text', values: true },
];

/** A map of plain values, with one level of nested maps (settings groups, one map per timer). */
export const SETTINGS_LAYOUT: RootLayout = [
  { type: 'map', values: true },
  { type: 'map', values: true },
];

/**
 * `themes`: id -> theme map -> fields, plus one nested map, `members`
 * (noteId -> true), so people adding different notes at once never
 * overwrite each other (shared/src/synthesis/themes.ts). Nothing deeper,
 * and no other nested type on a theme.
 */
export const THEMES_LAYOUT: RootLayout = [
  { type: 'map', values: false },
  { type: 'map', values: true, typeKeys: ['members'] },
  { type: 'map', values: true },
];
