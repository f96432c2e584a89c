import { ROLES, SavedBoardLinksSchema, type Role, type SavedBoardLinks } from '@clapboard/shared';

/**
 * One key per board. A board's participant and observer tokens are told
 * once, in the answer that creates the board (or a link): the server keeps
 * only their hashes. Keeping them in this browser's localStorage is what lets
 * the create page show them again after a reload and the board's Share panel
 * show them later. Anyone using this browser can read them, which the pages
 * say next to a "Forget" button.
 */
const KEY_PREFIX = 'clapboard.links.';

export type { SavedBoardLinks };

/**
 * The links kept in one `Storage` (localStorage in the app). Read back
 * through the schema: the store is written by other tabs and older builds,
 * and an entry that does not parse is skipped, not trusted.
 */
export class SavedLinksStore {
  constructor(private readonly storage: Storage) {}

  /** Every saved board, newest first. */
  all(): SavedBoardLinks[] {
    const entries: SavedBoardLinks[] = [];
    for (let index = 0; index < this.storage.length; index++) {
      const key = this.storage.key(index);
      if (!key?.startsWith(KEY_PREFIX)) continue;
      const entry = this.read(key);
      if (entry) entries.push(entry);
    }
    return entries.sort((a, b) => b.savedAt - a.savedAt);
  }

  get(boardId: string): SavedBoardLinks | null {
    return this.read(KEY_PREFIX + boardId);
  }

  /** Adds `links` to what is kept for the board (a new link replaces the old one of its role). */
  save(boardId: string, title: string, links: Partial<Record<Role, string>>, now = Date.now()): SavedBoardLinks {
    const previous = this.get(boardId);
    const merged: SavedBoardLinks = {
      boardId,
      title: previous?.title ?? title,
      savedAt: previous?.savedAt ?? now,
      links: { ...previous?.links },
    };
    for (const role of ROLES) {
      const link = links[role];
      if (link) merged.links[role] = link;
    }
    try {
      this.storage.setItem(KEY_PREFIX + boardId, JSON.stringify(merged));
    } catch {
      // Storage full or disabled (private windows): the links are still shown on this page, only not kept.
    }
    return merged;
  }

  /** Drops the links of these roles (revoked or replaced since they were saved); returns what is left. */
  drop(boardId: string, roles: readonly Role[]): SavedBoardLinks | null {
    const previous = this.get(boardId);
    if (!previous || roles.length === 0) return previous;
    const links = { ...previous.links };
    for (const role of roles) delete links[role];
    const kept: SavedBoardLinks = { ...previous, links };
    try {
      this.storage.setItem(KEY_PREFIX + boardId, JSON.stringify(kept));
    } catch {
      // As in save(): this page still shows the right links.
    }
    return kept;
  }

  forget(boardId: string): void {
    this.storage.removeItem(KEY_PREFIX + boardId);
  }

  private read(key: string): SavedBoardLinks | null {
    const raw = this.storage.getItem(key);
    if (!raw) return null;
    try {
      const parsed = SavedBoardLinksSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
