import type * as Y from 'yjs';

const KEY_PREFIX = 'clapboard.writers.';
/** Ids kept per board and role: one is added per page load, so this covers a long series of workshops. */
const MAX_KEPT = 200;

/**
 * Which objects this browser put on the board: for "my notes", and to ask
 * before someone changes the words of a note they did not write. Every Yjs
 * item carries the client id of the document that wrote it, and a page's
 * document takes a new id on every load, so the ids this browser has
 * written a board under are kept in localStorage, per board and role,
 * beside its offline copy. They name no person and never leave the device.
 * An object is this browser's if the map holding it was made under one of
 * them, whoever has moved or recoloured it since.
 */
export class OwnWriters {
  private readonly ids: number[];
  private readonly key: string;

  constructor(
    private readonly doc: Y.Doc,
    boardId: string,
    role: string,
  ) {
    this.key = `${KEY_PREFIX}${boardId}:${role}`;
    this.ids = load(this.key);
    this.remember();
  }

  /** Keeps the document's current id (Yjs picks a new one if it ever meets its own in someone else's update). */
  remember(): void {
    const id = this.doc.clientID;
    if (this.ids.includes(id)) return;
    this.ids.push(id);
    if (this.ids.length > MAX_KEPT) this.ids.splice(0, this.ids.length - MAX_KEPT);
    try {
      localStorage.setItem(this.key, JSON.stringify(this.ids));
    } catch {
      // Storage full or refused: this page still knows its own notes.
    }
  }

  /** Whether this browser created `type` (an object's map). */
  wrote(type: Pick<Y.AbstractType<never>, '_item'> | undefined): boolean {
    const client = type?._item?.id.client;
    return client !== undefined && (client === this.doc.clientID || this.ids.includes(client));
  }
}

function load(key: string): number[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isSafeInteger(id) && id >= 0).slice(-MAX_KEPT) : [];
  } catch {
    return [];
  }
}
