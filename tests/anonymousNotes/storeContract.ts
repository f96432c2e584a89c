import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken, type AnonymousNoteStore, type BoardStore } from '@clapboard/server';

export interface OpenedNoteStore {
  boards: BoardStore;
  notes: AnonymousNoteStore;
  /** Closes both and opens them again on the same data, for stores that persist. */
  reopen?: () => Promise<{ boards: BoardStore; notes: AnonymousNoteStore }>;
}

const emptyBoard = (id: string) => ({
  id,
  tokenHashes: { facilitator: `f${id}`.padEnd(64, 'f'), participant: `p${id}`.padEnd(64, 'p'), observer: `o${id}`.padEnd(64, 'o') },
  initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) },
});

/**
 * The one contract every AnonymousNoteStore implementation must meet; each
 * implementation's test calls this with a factory.
 */
export function anonymousNoteStoreContract(name: string, open: () => Promise<OpenedNoteStore>): void {
  describe(`AnonymousNoteStore contract: ${name}`, () => {
    let opened: OpenedNoteStore;
    let store: AnonymousNoteStore;
    const boardId = 'board-nnnnnnnnnnnnnnnn';
    const otherBoard = 'board-oooooooooooooooo';
    const note = () => ({ hash: hashToken(randomBytes(32).toString('base64url')), answerId: randomBytes(16).toString('base64url') });

    beforeEach(async () => {
      opened = await open();
      store = opened.notes;
      await opened.boards.createBoard(emptyBoard(boardId));
      await opened.boards.createBoard(emptyBoard(otherBoard));
    });
    afterEach(async () => {
      await store.close();
      await opened.boards.close();
    });

    it('forgets every receipt of a deleted board, and none of another board', async () => {
      const a = note();
      const b = note();
      expect(await store.add(boardId, a.hash, a.answerId, 10)).toBe('added');
      expect(await store.add(otherBoard, b.hash, b.answerId, 10)).toBe('added');
      await store.deleteBoard(boardId);
      expect(await store.find(boardId, a.hash)).toBeNull();
      expect(await store.find(otherBoard, b.hash)).toBe(b.answerId);
      // The cap counts afresh.
      expect(await store.add(boardId, note().hash, 'again', 1)).toBe('added');
    });

    it('finds a note by its receipt hash on its own board only, and forgets it once', async () => {
      const a = note();
      const b = note();
      expect(await store.add(boardId, a.hash, a.answerId, 10)).toBe('added');
      expect(await store.add(otherBoard, b.hash, b.answerId, 10)).toBe('added');
      expect(await store.find(boardId, a.hash)).toBe(a.answerId);
      expect(await store.find(otherBoard, a.hash)).toBeNull();
      expect(await store.find(boardId, b.hash)).toBeNull();
      expect(await store.find(boardId, hashToken('nobody'))).toBeNull();
      expect(await store.remove(otherBoard, a.hash)).toBeNull();
      expect(await store.remove(boardId, a.hash)).toBe(a.answerId);
      expect(await store.remove(boardId, a.hash)).toBeNull();
      expect(await store.find(boardId, a.hash)).toBeNull();
      expect(await store.find(otherBoard, b.hash)).toBe(b.answerId);
    });

    it('holds at most maxPerBoard notes per board, even when they arrive at once', async () => {
      const notes = Array.from({ length: 9 }, note);
      const outcomes = await Promise.all(notes.map((n) => store.add(boardId, n.hash, n.answerId, 5)));
      expect(outcomes.filter((outcome) => outcome === 'added')).toHaveLength(5);
      expect(outcomes.filter((outcome) => outcome === 'full')).toHaveLength(4);
      // Another board has room of its own.
      const other = note();
      expect(await store.add(otherBoard, other.hash, other.answerId, 5)).toBe('added');
      // A withdrawn note makes room.
      const kept = notes.filter((_, index) => outcomes[index] === 'added');
      expect(await store.remove(boardId, kept[0]!.hash)).toBe(kept[0]!.answerId);
      const late = note();
      expect(await store.add(boardId, late.hash, late.answerId, 5)).toBe('added');
      for (const n of [...kept.slice(1), late]) expect(await store.find(boardId, n.hash)).toBe(n.answerId);
    });

    it('keeps every write made before close, and refuses writes after it', async () => {
      const a = note();
      const pending = store.add(boardId, a.hash, a.answerId, 10);
      await store.close();
      expect(await pending).toBe('added');
      await expect(store.add(boardId, note().hash, 'x', 10)).rejects.toThrow();
      if (!opened.reopen) return;
      await opened.boards.close();
      opened = { ...(await opened.reopen()), reopen: opened.reopen };
      store = opened.notes;
      expect(await store.find(boardId, a.hash)).toBe(a.answerId);
    });
  });
}
