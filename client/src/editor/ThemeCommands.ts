import type * as Y from 'yjs';
import {
  NOTE_COLORS,
  addToTheme,
  center,
  createTheme,
  deleteTheme,
  fitArea,
  setThemeArea,
  describeTheme,
  getObjectMap,
  markDuplicate,
  mergeThemes,
  readObject,
  rectContainsPoint,
  removeFromTheme,
  renameTheme,
  setTags,
  arrangeInGrid,
  type NoteColor,
  type Rect,
  type Theme,
} from '@clapboard/shared';
import { ThemesModel } from '../model/ThemesModel.ts';
import { transact } from './commands.ts';

/** What the theme commands need of the editor: who may write, and how one command becomes one undo step. */
export interface ThemeCommandHost {
  readonly doc: Y.Doc;
  readonly canEdit: boolean;
  run<T>(fn: () => T): T;
  readonly selection: { readonly current: readonly string[] };
  readonly controls: { isLocked(id: string): boolean };
  readonly store: { allBounds(): Rect | null; flush(): void };
}

/** How far to the right of everything an accepted suggestion's notes are gathered. */
const GATHER_MARGIN = 200;

/**
 * Synthesis commands (issue #10): themes, tags and duplicates. Same rules as
 * the object commands: nothing here writes unless the person may edit the
 * content (facilitators and participants; observers read), and each call is
 * one transaction with the local-user origin, one undo step.
 */
export class ThemeCommands {
  readonly model: ThemesModel;

  constructor(private readonly host: ThemeCommandHost) {
    this.model = new ThemesModel(host.doc);
  }

  destroy(): void {
    this.model.destroy();
  }

  /** The selected notes and answer cards. */
  selectedContributions(): string[] {
    return this.host.selection.current.filter((id) => {
      const type = getObjectMap(this.host.doc, id)?.get('type');
      return type === 'note' || type === 'answer';
    });
  }

  /** "Make theme": a theme around the selected notes, named `name`. Returns its id, or null when there is nothing to group. */
  makeThemeFromSelection(name: string): string | null {
    const noteIds = this.selectedContributions();
    if (noteIds.length === 0) return null;
    return this.create(noteIds, name, 'manual');
  }

  /**
   * Creates a theme (Make theme, or an accepted suggestion), taking its
   * notes out of the themes they were in. `gather`: first lay the notes out
   * together to the right of everything on the board (an accepted
   * suggestion's notes may lie anywhere; a theme spanning them all would
   * cover every note between them). Locked notes stay where they are.
   */
  create(noteIds: readonly string[], name: string, origin: Theme['origin'], options: { gather?: boolean } = {}): string | null {
    if (!this.host.canEdit || noteIds.length === 0) return null;
    const color = this.nextColor();
    this.host.store.flush();
    const bounds = this.host.store.allBounds();
    const id = this.write(() => {
      if (options.gather && bounds) {
        const movable = noteIds.filter((noteId) => !this.host.controls.isLocked(noteId));
        arrangeInGrid(this.host.doc, movable, { x: bounds.x + bounds.width + GATHER_MARGIN, y: bounds.y + GATHER_MARGIN });
      }
      // One note, one theme: making a theme of notes moves them, as dragging them in would.
      for (const theme of this.model.get()) {
        const leaving = theme.noteIds.filter((noteId) => noteIds.includes(noteId));
        if (leaving.length > 0) removeFromTheme(this.host.doc, theme.id, leaving);
      }
      return createTheme(this.host.doc, { noteIds, name, origin, color });
    });
    return id;
  }

  rename(themeId: string, name: string): void {
    if (name.trim()) this.write(() => renameTheme(this.host.doc, themeId, name));
  }

  describe(themeId: string, description: string): void {
    this.write(() => describeTheme(this.host.doc, themeId, description));
  }

  /** Merges `other` into `keep`; the kept theme's name and area stay, grown to cover both. */
  merge(keep: string, other: string): void {
    this.write(() => mergeThemes(this.host.doc, keep, other));
  }

  /** Fits a theme's area around its notes again (after they were moved about inside it, or gathered elsewhere). */
  fitToNotes(themeId: string): void {
    const theme = this.model.byId(themeId);
    if (!theme) return;
    this.write(() => {
      const area = fitArea(this.host.doc, theme.noteIds);
      if (area) setThemeArea(this.host.doc, themeId, area);
    });
  }

  remove(themeId: string): void {
    this.write(() => deleteTheme(this.host.doc, themeId));
  }

  addNotes(themeId: string, noteIds: readonly string[]): void {
    this.write(() => addToTheme(this.host.doc, themeId, noteIds));
  }

  removeNotes(themeId: string, noteIds: readonly string[]): void {
    this.write(() => removeFromTheme(this.host.doc, themeId, noteIds));
  }

  setTags(noteId: string, tags: readonly string[]): void {
    this.write(() => setTags(this.host.doc, noteId, tags));
  }

  /** Marks `noteIds` as repeating `originalId` (null clears the mark). Returns whether every mark was made. */
  markDuplicates(noteIds: readonly string[], originalId: string | null): boolean {
    return this.write(() => noteIds.map((id) => markDuplicate(this.host.doc, id, originalId)).every(Boolean)) ?? false;
  }

  /**
   * After notes were dragged (inside the same undo step as the move): a
   * member whose centre left its theme's area leaves the theme, and a note
   * whose centre landed in a theme's area joins it (the topmost such theme,
   * i.e. the smallest area; a note joins at most one theme by dragging).
   */
  followMoves(ids: readonly string[]): void {
    if (!this.host.canEdit) return;
    this.model.flush();
    const themes = this.model.get();
    if (themes.length === 0) return;
    transact(this.host.doc, () => {
      for (const id of ids) {
        const object = readObject(getObjectMap(this.host.doc, id), id);
        if (!object || (object.type !== 'note' && object.type !== 'answer')) continue;
        const at = center(object);
        const landed = themes
          .filter((theme) => rectContainsPoint(theme, at))
          .sort((a, b) => a.width * a.height - b.width * b.height)[0];
        for (const theme of themes) {
          if (theme.noteIds.includes(id) && theme.id !== landed?.id && !rectContainsPoint(theme, at)) removeFromTheme(this.host.doc, theme.id, [id]);
        }
        if (landed && !landed.noteIds.includes(id)) {
          // Dropped into another theme's area: it moves there, out of the one it was in.
          for (const theme of themes) if (theme.id !== landed.id && theme.noteIds.includes(id)) removeFromTheme(this.host.doc, theme.id, [id]);
          addToTheme(this.host.doc, landed.id, [id]);
        }
      }
    });
    this.model.flush();
  }

  /** One command: nothing for observers, one transaction and undo step otherwise, the model re-read at once. */
  private write<T>(fn: () => T): T | null {
    if (!this.host.canEdit) return null;
    let result: T | null = null;
    this.host.run(() => transact(this.host.doc, () => (result = fn())));
    this.model.flush();
    return result;
  }

  /** Colours taken in turn, so neighbouring themes can be told apart (and named: "the teal theme"). */
  private nextColor(): NoteColor {
    const tints: readonly NoteColor[] = NOTE_COLORS.filter((color) => color !== 'yellow');
    return tints[this.model.get().length % tints.length]!;
  }
}
