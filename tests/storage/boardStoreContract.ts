import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactDocument, type BoardStore, type DocKey, type StoredDocument } from '@clapboard/server';

/**
 * The one contract every BoardStore implementation must meet. Each
 * implementation's test file calls this with a factory (see *.test.ts here).
 */
export function boardStoreContract(name: string, open: () => Promise<{ store: BoardStore; reopen?: () => Promise<BoardStore> }>): void {
  describe(`BoardStore contract: ${name}`, () => {
    let store: BoardStore;
    let reopen: (() => Promise<BoardStore>) | undefined;
    const key: DocKey = { boardId: 'board-aaaaaaaaaaaaaaaa', doc: 'content' };
    const controlKey: DocKey = { boardId: 'board-aaaaaaaaaaaaaaaa', doc: 'control' };

    const updateSetting = (doc: Y.Doc, field: string, value: number) => {
      let captured: Uint8Array | null = null;
      const handler = (update: Uint8Array) => (captured = update);
      doc.on('update', handler);
      doc.getMap('m').set(field, value);
      doc.off('update', handler);
      return captured!;
    };
    const replay = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }) => {
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      return doc.getMap('m').toJSON();
    };
    /** What a compactor writes for a read: the read replayed into one update. */
    const fold = (read: Pick<StoredDocument, 'snapshot' | 'updates'>) => {
      const doc = new Y.Doc();
      if (read.snapshot) Y.applyUpdate(doc, read.snapshot);
      for (const update of read.updates) Y.applyUpdate(doc, update);
      return Y.encodeStateAsUpdate(doc);
    };
    /**
     * `read` as a compactor would have seen it had the row `late` not yet
     * committed. The memory store and SQLite's single writer commit rows in
     * seq order, so no call sequence makes a lower seq commit after a higher
     * one; with several writers on PostgreSQL it happens. But a read is data
     * the compactor hands back, so this is exactly the read such a compactor
     * holds, and what the store does with it is what is under test.
     */
    const readWithout = (read: StoredDocument, late: number): StoredDocument => {
      expect(read.seqs).toContain(late);
      expect(Math.max(...read.seqs)).toBeGreaterThan(late);
      const kept = read.seqs.map((seq) => seq !== late);
      return { ...read, updates: read.updates.filter((_, index) => kept[index]), seqs: read.seqs.filter((seq) => seq !== late) };
    };

    beforeEach(async () => {
      ({ store, reopen } = await open());
      const initial = new Y.Doc();
      initial.getMap('m').set('initial', 1);
      await store.createBoard({
        id: key.boardId,
        tokenHashes: { facilitator: 'f'.repeat(64), participant: 'p'.repeat(64), observer: 'o'.repeat(64) },
        initialUpdates: { content: Y.encodeStateAsUpdate(initial), control: new Uint8Array([0, 0]) },
      });
    });
    afterEach(async () => store.close());

    it('finds boards and roles by token hash, only for their board', async () => {
      expect(await store.getBoard(key.boardId)).toEqual({ id: key.boardId });
      expect(await store.getBoard('missing-board-id-000')).toBeNull();
      expect(await store.roleForTokenHash(key.boardId, 'p'.repeat(64))).toBe('participant');
      expect(await store.roleForTokenHash(key.boardId, 'f'.repeat(64))).toBe('facilitator');
      expect(await store.roleForTokenHash(key.boardId, 'x'.repeat(64))).toBeNull();
      expect(await store.roleForTokenHash('other-board-id-0000', 'p'.repeat(64))).toBeNull();
    });

    it('refuses a second board with the same id', async () => {
      await expect(
        store.createBoard({ id: key.boardId, tokenHashes: { facilitator: 'a', participant: 'b', observer: 'c' }, initialUpdates: { content: new Uint8Array(), control: new Uint8Array() } }),
      ).rejects.toThrow();
    });

    it('returns appended updates in order with increasing sequence numbers, per document', async () => {
      const doc = new Y.Doc();
      const seqs = await Promise.all([1, 2, 3].map((value) => store.appendUpdate(key, updateSetting(doc, `k${value}`, value))));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(3);
      const stored = await store.loadDocument(key);
      expect(stored.updates).toHaveLength(4);
      expect(stored.seqs.slice(1)).toEqual(seqs);
      expect(stored.lastSeq).toBe(seqs[2]);
      expect(replay(stored)).toEqual({ initial: 1, k1: 1, k2: 2, k3: 3 });
      expect((await store.loadDocument(controlKey)).updates).toHaveLength(1);
      expect(await store.loadDocument({ boardId: 'nothing-here-00000', doc: 'content' })).toEqual({ snapshot: null, updates: [], seqs: [], snapshotVersion: 0, lastSeq: 0 });
    });

    it('compaction replaces the rows it read by the snapshot and keeps later ones', async () => {
      const doc = new Y.Doc();
      await store.appendUpdate(key, updateSetting(doc, 'a', 1));
      await store.appendUpdate(key, updateSetting(doc, 'b', 2));
      const read = await store.loadDocument(key);
      const later = store.appendUpdate(key, updateSetting(doc, 'c', 3));
      expect(await store.compactDocument(key, fold(read), read)).toBe('compacted');
      await later;
      const stored = await store.loadDocument(key);
      expect(stored.snapshot).not.toBeNull();
      expect(stored.snapshotVersion).not.toBe(read.snapshotVersion);
      expect(stored.updates).toHaveLength(1);
      expect(replay(stored)).toEqual({ initial: 1, a: 1, b: 2, c: 3 });
      expect(await store.countUpdates(key)).toBe(1);
    });

    it('keeps every row committed after the compaction read, before and while it commits', async () => {
      const doc = new Y.Doc();
      await store.appendUpdate(key, updateSetting(doc, 'a', 1));
      const read = await store.loadDocument(key);
      // Committed between the read and the compaction…
      await store.appendUpdate(key, updateSetting(doc, 'between', 2));
      // …and racing it.
      const racing = store.appendUpdate(key, updateSetting(doc, 'racing', 3));
      expect(await store.compactDocument(key, fold(read), read)).toBe('compacted');
      await racing;
      const stored = await store.loadDocument(key);
      expect(stored.updates).toHaveLength(2);
      expect(replay(stored)).toEqual({ initial: 1, a: 1, between: 2, racing: 3 });
    });

    it('deletes only the rows it read: a lower seq that committed after the read stays', async () => {
      // Three writers (in one process a Yjs client's updates depend on each other; across processes they do not).
      await store.appendUpdate(key, updateSetting(new Y.Doc(), 'a', 1));
      const late = await store.appendUpdate(key, updateSetting(new Y.Doc(), 'late', 2));
      await store.appendUpdate(key, updateSetting(new Y.Doc(), 'c', 3));
      const read = readWithout(await store.loadDocument(key), late);
      expect(replay(read)).toEqual({ initial: 1, a: 1, c: 3 });
      expect(await store.compactDocument(key, fold(read), read)).toBe('compacted');
      const stored = await store.loadDocument(key);
      expect(stored.seqs).toEqual([late]);
      expect(replay(stored)).toEqual({ initial: 1, a: 1, late: 2, c: 3 });
      // And the next compaction folds it.
      expect(await compactDocument(store, key)).toMatchObject({ foldedUpdates: 1 });
      expect(replay(await store.loadDocument(key))).toEqual({ initial: 1, a: 1, late: 2, c: 3 });
      expect(await store.countUpdates(key)).toBe(0);
    });

    it('folds its log by replay (compactLog where offered) and keeps appends made meanwhile', async () => {
      const doc = new Y.Doc();
      for (let i = 0; i < 20; i += 1) await store.appendUpdate(key, updateSetting(doc, `f${i}`, i));
      const folding = compactDocument(store, key);
      const during = store.appendUpdate(key, updateSetting(doc, 'during', 1));
      const result = await folding;
      await during;
      expect(result.foldedUpdates).toBeGreaterThanOrEqual(21);
      expect(result.snapshotBytes).toBeGreaterThan(0);
      const stored = await store.loadDocument(key);
      expect(stored.snapshot).not.toBeNull();
      expect(stored.updates.length).toBeLessThanOrEqual(1);
      expect(replay(stored)).toMatchObject({ initial: 1, f0: 0, f19: 19, during: 1 });
      expect(await compactDocument(store, { boardId: 'nothing-here-00000', doc: 'content' })).toEqual({ foldedUpdates: 0, snapshotBytes: 0 });
    });

    it('an older compaction never overwrites a newer snapshot', async () => {
      const doc = new Y.Doc();
      await store.appendUpdate(key, updateSetting(doc, 'a', 1));
      const older = await store.loadDocument(key);
      await store.appendUpdate(key, updateSetting(doc, 'b', 2));
      const newer = await store.loadDocument(key);
      expect(await store.compactDocument(key, fold(newer), newer)).toBe('compacted');
      // The older one would put back a snapshot without b, whose row is gone.
      expect(await store.compactDocument(key, fold(older), older)).toBe('superseded');
      const stored = await store.loadDocument(key);
      expect(replay(stored)).toEqual({ initial: 1, a: 1, b: 2 });
      expect(stored.updates).toHaveLength(0);
    });

    it('two compactions of one snapshot: the second is superseded, even with the same highest seq', async () => {
      const doc = new Y.Doc();
      await store.appendUpdate(key, updateSetting(doc, 'a', 1));
      await compactDocument(store, key);
      const late = await store.appendUpdate(key, updateSetting(new Y.Doc(), 'late', 2));
      await store.appendUpdate(key, updateSetting(new Y.Doc(), 'c', 3));
      const full = await store.loadDocument(key);
      const withoutLate = readWithout(full, late);
      expect(withoutLate.snapshotVersion).toBe(full.snapshotVersion);
      expect(withoutLate.lastSeq).toBe(full.lastSeq);
      expect(await store.compactDocument(key, fold(full), full)).toBe('compacted');
      expect(await store.compactDocument(key, fold(withoutLate), withoutLate)).toBe('superseded');
      expect(replay(await store.loadDocument(key))).toEqual({ initial: 1, a: 1, late: 2, c: 3 });
    });

    it('keeps a retention date, and lists the boards due by a day', async () => {
      const other = 'board-cccccccccccccccc';
      await store.createBoard({ id: other, deleteOn: '2031-03-01', tokenHashes: { facilitator: 'g'.repeat(64), participant: 'q'.repeat(64), observer: 'r'.repeat(64) }, initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) } });
      expect(await store.retentionDate(other)).toBe('2031-03-01');
      expect(await store.retentionDate(key.boardId)).toBeNull();
      expect(await store.listUndatedBoards()).toEqual([key.boardId]);
      expect(await store.setRetentionDate(key.boardId, '2031-02-01')).toBe(true);
      expect(await store.setRetentionDate('missing-board-id-000', '2031-02-01')).toBe(false);
      expect(await store.listUndatedBoards()).toEqual([]);
      expect(await store.listBoardsDue('2031-01-31')).toEqual([]);
      expect(await store.listBoardsDue('2031-02-01')).toEqual([key.boardId]);
      expect((await store.listBoardsDue('2031-03-01')).sort()).toEqual([key.boardId, other].sort());
    });

    it('deletes a board with its tokens, links, snapshot and log, and nothing of another board', async () => {
      const other = 'board-dddddddddddddddd';
      const otherKey: DocKey = { boardId: other, doc: 'content' };
      await store.createBoard({ id: other, deleteOn: '2031-03-01', tokenHashes: { facilitator: 'h'.repeat(64), participant: 's'.repeat(64), observer: 't'.repeat(64) }, initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) } });
      const doc = new Y.Doc();
      await store.appendUpdate(key, updateSetting(doc, 'a', 1));
      await compactDocument(store, key);
      await store.appendUpdate(key, updateSetting(doc, 'b', 2));
      await store.appendUpdate(otherKey, updateSetting(new Y.Doc(), 'kept', 3));
      await store.addLink(key.boardId, { tokenHash: 'l'.repeat(64), role: 'facilitator' }, 10);
      await store.setRetentionDate(key.boardId, '2030-01-01');

      expect(await store.deleteBoard(key.boardId)).toBe(true);
      expect(await store.getBoard(key.boardId)).toBeNull();
      for (const hash of ['f', 'p', 'o', 'l'].map((letter) => letter.repeat(64))) expect(await store.roleForTokenHash(key.boardId, hash)).toBeNull();
      expect(await store.listLinks(key.boardId)).toEqual([]);
      for (const doc of [key, controlKey]) {
        expect(await store.loadDocument(doc)).toEqual({ snapshot: null, updates: [], seqs: [], snapshotVersion: 0, lastSeq: 0 });
        expect(await store.countUpdates(doc)).toBe(0);
      }
      expect(await store.retentionDate(key.boardId)).toBeNull();
      expect(await store.listBoardsDue('2032-01-01')).toEqual([other]);
      expect(await store.deleteBoard(key.boardId)).toBe(false);
      // The other board is whole.
      expect(await store.roleForTokenHash(other, 's'.repeat(64))).toBe('participant');
      expect(replay(await store.loadDocument(otherKey))).toEqual({ kept: 3 });
    });

    it('keeps everything across close and reopen', async () => {
      if (!reopen) return;
      const doc = new Y.Doc();
      const pending = store.appendUpdate(key, updateSetting(doc, 'durable', 7));
      await store.close();
      await pending;
      store = await reopen();
      expect(replay(await store.loadDocument(key))).toMatchObject({ durable: 7 });
      expect(await store.roleForTokenHash(key.boardId, 'o'.repeat(64))).toBe('observer');
    });
  });
}
