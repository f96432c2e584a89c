import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SqliteBoardStore, StorageWorkerError, type DocKey } from '@clapboard/server';
import { boardStoreContract } from './boardStoreContract.ts';

/** better-sqlite3 is the server's dependency, not ours: borrow it for a second connection. */
const Database = createRequire(path.resolve(import.meta.dirname, '../../server/package.json'))('better-sqlite3') as new (filename: string) => {
  exec(sql: string): void;
  close(): void;
};

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-store-')), 'test.sqlite');

boardStoreContract('sqlite', async () => {
  const filename = tempFile();
  return {
    store: new SqliteBoardStore({ filename }),
    reopen: async () => new SqliteBoardStore({ filename }),
  };
});

/**
 * The SQLite store writes on a worker thread. Whatever happens to that
 * thread, an append's promise resolves only if the append was committed.
 */
describe('SqliteBoardStore writer thread', () => {
  const key: DocKey = { boardId: 'board-bbbbbbbbbbbbbbbb', doc: 'content' };
  const open: SqliteBoardStore[] = [];
  let filename: string;

  const openStore = async (options: { foldThreadIdleMs?: number; writeThreadIdleMs?: number } = {}) => {
    const store = new SqliteBoardStore({ filename, ...options });
    open.push(store);
    return store;
  };
  /** Distinct updates: each sets its own key, so every one is visible after a replay. */
  const edits = (count: number, prefix = 'k') => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < count; i += 1) doc.getMap('m').set(`${prefix}${i}`, i);
    return updates;
  };
  const storedKeys = async (store: SqliteBoardStore) => {
    const stored = await store.loadDocument(key);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return new Set(Object.keys(doc.getMap('m').toJSON()));
  };
  const settle = <T>(promises: Promise<T>[]) => Promise.all(promises.map((promise) => promise.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }))));

  const createStoreWithBoard = async (options: { foldThreadIdleMs?: number; writeThreadIdleMs?: number } = {}) => {
    filename = tempFile();
    const store = await openStore(options);
    await store.createBoard({
      id: key.boardId,
      tokenHashes: { facilitator: 'f'.repeat(64), participant: 'p'.repeat(64), observer: 'o'.repeat(64) },
      initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) },
    });
    return store;
  };

  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });

  it('close() commits every append queued before it, then refuses new ones', async () => {
    const store = await createStoreWithBoard();
    const updates = edits(300);
    // Spread over several event-loop turns, so several groups are in flight or queued.
    const appends: Promise<number>[] = [];
    for (let i = 0; i < updates.length; i += 1) {
      appends.push(store.appendUpdate(key, updates[i]!));
      if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
    }
    const closed = store.close();
    await expect(store.appendUpdate(key, edits(1, 'late')[0]!)).rejects.toThrow(/closed/);
    await closed;
    const seqs = await Promise.all(appends);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    const reopened = await openStore();
    const keys = await storedKeys(reopened);
    expect(keys.size).toBe(300);
    expect(keys.has('late0')).toBe(false);
  });

  it('a document read waits for appends made before it', async () => {
    const store = await createStoreWithBoard();
    const updates = edits(20);
    const appends = updates.map((update) => store.appendUpdate(key, update));
    // Not awaited: the read itself must see them.
    expect((await storedKeys(store)).size).toBe(20);
    expect(await store.countUpdates(key)).toBe(21);
    await Promise.all(appends);
  });

  it('when the writer thread dies, unconfirmed appends reject and none is reported durable that is not', async () => {
    const store = await createStoreWithBoard();
    const updates = edits(400);
    const appends: Promise<number>[] = [];
    for (let i = 0; i < updates.length; i += 1) {
      appends.push(store.appendUpdate(key, updates[i]!));
      if (i % 40 === 39) await new Promise((resolve) => setImmediate(resolve));
    }
    // Killed as a crash would: groups are queued, in flight, or committed.
    await store.killWriterForTesting();
    const results = await settle(appends);
    const failed = results.filter((result) => !result.ok);
    expect(failed.length).toBeGreaterThan(0);
    for (const result of failed) {
      expect(result.error).toBeInstanceOf(StorageWorkerError);
      expect((result.error as StorageWorkerError).code).toBe('STORAGE_WORKER_EXITED');
    }
    // Order holds: once one append failed, every later one failed too.
    const firstFailure = results.findIndex((result) => !result.ok);
    expect(results.slice(firstFailure).every((result) => !result.ok)).toBe(true);

    // Everything acknowledged is on disk (a failed one may or may not be).
    const acknowledged = results.flatMap((result, index) => (result.ok ? [`k${index}`] : []));
    const onDisk = await storedKeys(store);
    expect(acknowledged.filter((name) => !onDisk.has(name))).toEqual([]);

    // The store carries on with a fresh writer thread.
    const after = edits(3, 'after');
    await Promise.all(after.map((update) => store.appendUpdate(key, update)));
    expect([...(await storedKeys(store))].filter((name) => name.startsWith('after'))).toHaveLength(3);
  });

  it('a write SQLite refuses rejects the whole group and acknowledges nothing from it', async () => {
    const store = await createStoreWithBoard();
    // Stands in for a full disk or a read-only file: every insert fails.
    const saboteur = new Database(filename);
    saboteur.exec(`CREATE TRIGGER refuse BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    const refused = edits(5, 'refused').map((update) => store.appendUpdate(key, update));
    const results = await settle(refused);
    expect(results.every((result) => !result.ok)).toBe(true);
    expect(String((results[0] as { error: unknown }).error)).toMatch(/disk says no/);
    saboteur.exec('DROP TRIGGER refuse');
    saboteur.close();

    const accepted = edits(2, 'accepted');
    await Promise.all(accepted.map((update) => store.appendUpdate(key, update)));
    const keys = await storedKeys(store);
    expect([...keys].filter((name) => name.startsWith('refused'))).toEqual([]);
    expect([...keys].filter((name) => name.startsWith('accepted'))).toHaveLength(2);
  });

  it('compaction replays on its own thread and keeps appends made meanwhile', async () => {
    const store = await createStoreWithBoard();
    const updates = edits(200);
    await Promise.all(updates.slice(0, 150).map((update) => store.appendUpdate(key, update)));
    const compaction = store.compactLog(key);
    const during = updates.slice(150).map((update) => store.appendUpdate(key, update));
    const result = await compaction;
    await Promise.all(during);
    expect(result.foldedUpdates).toBeGreaterThanOrEqual(151);
    const stored = await store.loadDocument(key);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBeLessThanOrEqual(50);
    expect((await storedKeys(store)).size).toBe(200);
  });

  it('the compaction thread stops when idle, and the next compaction starts a new one', async () => {
    const store = await createStoreWithBoard({ foldThreadIdleMs: 50 });
    // Not started until a compaction needs it.
    expect(store.threadRunningForTesting('folder')).toBe(false);
    const updates = edits(120);
    await Promise.all(updates.slice(0, 60).map((update) => store.appendUpdate(key, update)));
    expect(await store.compactLog(key)).toMatchObject({ foldedUpdates: 61 });
    await vi.waitFor(() => expect(store.threadRunningForTesting('folder')).toBe(false), { timeout: 5000, interval: 20 });
    await Promise.all(updates.slice(60).map((update) => store.appendUpdate(key, update)));
    // The 60 appends since, onto the first compaction's snapshot.
    expect(await store.compactLog(key)).toMatchObject({ foldedUpdates: 60 });
    expect((await storedKeys(store)).size).toBe(120);
  });

  it('the writer thread stops when idle, and the next append starts a new one that loses nothing', async () => {
    const store = await createStoreWithBoard({ writeThreadIdleMs: 50 });
    const updates = edits(40);
    const before = await Promise.all(updates.slice(0, 20).map((update) => store.appendUpdate(key, update)));
    await vi.waitFor(() => expect(store.threadRunningForTesting('writer')).toBe(false), { timeout: 5000, interval: 20 });
    // Sequence numbers go on from where the stopped thread left them.
    const seqs = await Promise.all(updates.slice(20).map((update) => store.appendUpdate(key, update)));
    expect(store.threadRunningForTesting('writer')).toBe(true);
    expect(new Set(seqs).size).toBe(20);
    expect(Math.min(...seqs)).toBeGreaterThan(Math.max(...before));
    expect((await storedKeys(store)).size).toBe(40);
    await store.close();
    const reopened = await openStore();
    expect((await storedKeys(reopened)).size).toBe(40);
  });

  it('upgrades a database written before snapshots had versions, and compacts it', async () => {
    const store = await createStoreWithBoard();
    const updates = edits(30);
    await Promise.all(updates.slice(0, 20).map((update) => store.appendUpdate(key, update)));
    await store.compactLog(key);
    await Promise.all(updates.slice(20).map((update) => store.appendUpdate(key, update)));
    await store.close();
    // Back to schema 1, snapshot and all, as an older server left it.
    const older = new Database(filename);
    older.exec("DROP TABLE contacts; DROP TABLE monitoring_counts; DROP INDEX boards_by_delete_on; ALTER TABLE boards DROP COLUMN delete_on; DROP TABLE anonymous_notes; DROP TABLE votes; DROP TABLE round_answers; DROP TABLE rounds; ALTER TABLE doc_snapshots DROP COLUMN version; ALTER TABLE boards ADD COLUMN title TEXT NOT NULL DEFAULT 'Old'; PRAGMA user_version = 1;");
    older.close();

    const reopened = await openStore();
    const stored = await reopened.loadDocument(key);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.snapshotVersion).toBe(1);
    expect(await reopened.compactLog(key)).toMatchObject({ foldedUpdates: 10 });
    expect((await reopened.loadDocument(key)).updates).toHaveLength(0);
    expect((await storedKeys(reopened)).size).toBe(30);
  });

  it.runIf(process.platform === 'linux')('compacts on a thread at the lowest priority, leaving the others at theirs', async () => {
    const niceOfEveryThread = () =>
      fs.readdirSync('/proc/self/task').map((thread) => {
        const stat = fs.readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
        // Fields after the command name, which may hold spaces: nice is the 19th field of the whole line.
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      });
    const before = niceOfEveryThread();
    const store = await createStoreWithBoard();
    await Promise.all(edits(20).map((update) => store.appendUpdate(key, update)));
    expect((await store.compactLog(key)).foldedUpdates).toBeGreaterThanOrEqual(20);
    const after = niceOfEveryThread();
    expect(after.filter((nice) => nice === 19).length - before.filter((nice) => nice === 19).length).toBe(1);
    expect(Number(fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')[16])).toBe(before[0]);
  });

  it('refuses :memory:, whose connections would not share a database', () => {
    expect(() => new SqliteBoardStore({ filename: ':memory:' })).toThrow(/MemoryBoardStore/);
  });
});
