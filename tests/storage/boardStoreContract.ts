import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactDocument, type BoardStore, type DocKey } from '@clapboard/server';

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

    beforeEach(async () => {
      ({ store, reopen } = await open());
      const initial = new Y.Doc();
      initial.getMap('m').set('initial', 1);
      await store.createBoard({
        id: key.boardId,
        title: 'Contract',
        tokenHashes: { facilitator: 'f'.repeat(64), participant: 'p'.repeat(64), observer: 'o'.repeat(64) },
        initialUpdates: { content: Y.encodeStateAsUpdate(initial), control: new Uint8Array([0, 0]) },
      });
    });
    afterEach(async () => store.close());

    it('finds boards and roles by token hash, only for their board', async () => {
      expect(await store.getBoard(key.boardId)).toEqual({ id: key.boardId, title: 'Contract' });
      expect(await store.getBoard('missing-board-id-000')).toBeNull();
      expect(await store.roleForTokenHash(key.boardId, 'p'.repeat(64))).toBe('participant');
      expect(await store.roleForTokenHash(key.boardId, 'f'.repeat(64))).toBe('facilitator');
      expect(await store.roleForTokenHash(key.boardId, 'x'.repeat(64))).toBeNull();
      expect(await store.roleForTokenHash('other-board-id-0000', 'p'.repeat(64))).toBeNull();
    });

    it('refuses a second board with the same id', async () => {
      await expect(
        store.createBoard({ id: key.boardId, title: 'Dup', tokenHashes: { facilitator: 'a', participant: 'b', observer: 'c' }, initialUpdates: { content: new Uint8Array(), control: new Uint8Array() } }),
      ).rejects.toThrow();
    });

    it('returns appended updates in order with increasing sequence numbers, per document', async () => {
      const doc = new Y.Doc();
      const seqs = await Promise.all([1, 2, 3].map((value) => store.appendUpdate(key, updateSetting(doc, `k${value}`, value))));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(3);
      const stored = await store.loadDocument(key);
      expect(stored.updates).toHaveLength(4);
      expect(stored.lastSeq).toBe(seqs[2]);
      expect(replay(stored)).toEqual({ initial: 1, k1: 1, k2: 2, k3: 3 });
      expect((await store.loadDocument(controlKey)).updates).toHaveLength(1);
      expect(await store.loadDocument({ boardId: 'nothing-here-00000', doc: 'content' })).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    });

    it('compaction replaces folded rows by the snapshot and keeps later ones', async () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await store.loadDocument(key)).updates[0]!);
      await store.appendUpdate(key, updateSetting(doc, 'a', 1));
      const through = await store.appendUpdate(key, updateSetting(doc, 'b', 2));
      const snapshot = Y.encodeStateAsUpdate(doc);
      const later = store.appendUpdate(key, updateSetting(doc, 'c', 3));
      await store.compactDocument(key, snapshot, through);
      await later;
      const stored = await store.loadDocument(key);
      expect(stored.snapshot).not.toBeNull();
      expect(stored.updates).toHaveLength(1);
      expect(replay(stored)).toEqual({ initial: 1, a: 1, b: 2, c: 3 });
      expect(await store.countUpdates(key)).toBe(1);
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
      const first = await store.appendUpdate(key, updateSetting(doc, 'a', 1));
      const second = await store.appendUpdate(key, updateSetting(doc, 'b', 2));
      const full = Y.encodeStateAsUpdate(doc);
      await store.compactDocument(key, full, second);
      const stale = new Y.Doc();
      stale.getMap('m').set('stale', true);
      await store.compactDocument(key, Y.encodeStateAsUpdate(stale), first);
      const stored = await store.loadDocument(key);
      expect(replay(stored)).toMatchObject({ a: 1, b: 2 });
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
