import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryBoardStore, SqliteBoardStore, type BoardStore } from '@clapboard/server';

/**
 * The link part of the BoardStore contract (co-facilitators), against every
 * implementation: tokens are stored as hashes, rotation swaps one for
 * another in one step, and a board never loses its last facilitator link,
 * not even to two revocations at once.
 */
function linkStoreContract(name: string, open: () => Promise<{ store: BoardStore; reopen?: () => Promise<BoardStore> }>): void {
  describe(`BoardStore links: ${name}`, () => {
    const boardId = 'board-cccccccccccccccc';
    const hashes = { facilitator: 'f'.repeat(64), participant: 'p'.repeat(64), observer: 'o'.repeat(64) };
    let store: BoardStore;
    let reopen: (() => Promise<BoardStore>) | undefined;
    const sorted = async (target = store) => (await target.listLinks(boardId)).sort((a, b) => (a.tokenHash < b.tokenHash ? -1 : 1));

    beforeEach(async () => {
      ({ store, reopen } = await open());
      await store.createBoard({ id: boardId, tokenHashes: hashes, initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) } });
      await store.createBoard({ id: 'board-dddddddddddddddd', tokenHashes: { facilitator: '1'.repeat(64), participant: '2'.repeat(64), observer: '3'.repeat(64) }, initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) } });
    });
    afterEach(async () => store.close());

    it('lists a board’s links only, and adds one up to the limit', async () => {
      expect(await sorted()).toEqual([
        { tokenHash: 'f'.repeat(64), role: 'facilitator' },
        { tokenHash: 'o'.repeat(64), role: 'observer' },
        { tokenHash: 'p'.repeat(64), role: 'participant' },
      ]);
      expect(await store.addLink(boardId, { tokenHash: 'a'.repeat(64), role: 'facilitator' }, 4)).toBe('added');
      expect(await store.roleForTokenHash(boardId, 'a'.repeat(64))).toBe('facilitator');
      expect(await store.addLink(boardId, { tokenHash: 'b'.repeat(64), role: 'observer' }, 4)).toBe('full');
      expect(await store.roleForTokenHash(boardId, 'b'.repeat(64))).toBeNull();
      expect(await store.listLinks(boardId)).toHaveLength(4);
    });

    it('rotates: the old hash stops, the new one grants the same role; unknown or other board’s hashes change nothing', async () => {
      expect(await store.rotateLink(boardId, 'p'.repeat(64), 'q'.repeat(64))).toBe('participant');
      expect(await store.roleForTokenHash(boardId, 'p'.repeat(64))).toBeNull();
      expect(await store.roleForTokenHash(boardId, 'q'.repeat(64))).toBe('participant');
      expect(await store.rotateLink(boardId, 'p'.repeat(64), 'r'.repeat(64))).toBeNull();
      expect(await store.rotateLink(boardId, '2'.repeat(64), 'r'.repeat(64))).toBeNull();
      expect(await store.roleForTokenHash('board-dddddddddddddddd', '2'.repeat(64))).toBe('participant');
      expect(await store.listLinks(boardId)).toHaveLength(3);
    });

    it('revokes, but never the last facilitator link; another board’s link is not found', async () => {
      expect(await store.revokeLink(boardId, 'o'.repeat(64))).toBe('revoked');
      expect(await store.roleForTokenHash(boardId, 'o'.repeat(64))).toBeNull();
      expect(await store.revokeLink(boardId, 'o'.repeat(64))).toBe('not-found');
      expect(await store.revokeLink(boardId, '1'.repeat(64))).toBe('not-found');
      expect(await store.revokeLink(boardId, 'f'.repeat(64))).toBe('last-facilitator');
      expect(await store.roleForTokenHash(boardId, 'f'.repeat(64))).toBe('facilitator');
    });

    it('two revocations at once of the only two facilitator links: exactly one succeeds', async () => {
      await store.addLink(boardId, { tokenHash: 'a'.repeat(64), role: 'facilitator' }, 100);
      const outcomes = await Promise.all([store.revokeLink(boardId, 'f'.repeat(64)), store.revokeLink(boardId, 'a'.repeat(64))]);
      expect(outcomes.sort()).toEqual(['last-facilitator', 'revoked']);
      expect((await store.listLinks(boardId)).filter((link) => link.role === 'facilitator')).toHaveLength(1);
    });

    it('keeps its changes across a reopen', async (context) => {
      if (!reopen) return context.skip();
      await store.rotateLink(boardId, 'p'.repeat(64), 'q'.repeat(64));
      await store.addLink(boardId, { tokenHash: 'a'.repeat(64), role: 'observer' }, 100);
      await store.revokeLink(boardId, 'o'.repeat(64));
      const before = await sorted();
      await store.close();
      store = await reopen();
      expect(await sorted()).toEqual(before);
    });
  });
}

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-links-')), 'test.sqlite');

linkStoreContract('memory', async () => ({ store: new MemoryBoardStore() }));
linkStoreContract('sqlite', async () => {
  const filename = tempFile();
  return { store: new SqliteBoardStore({ filename }), reopen: async () => new SqliteBoardStore({ filename }) };
});

/** better-sqlite3 is the server's dependency: borrowed to look at the schema. */
const Database = createRequire(path.resolve(import.meta.dirname, '../../server/package.json'))('better-sqlite3') as new (filename: string) => {
  pragma(sql: string, options?: { simple: boolean }): unknown;
  prepare(sql: string): { all(...args: unknown[]): unknown[] };
  close(): void;
};

describe('SQLite schema 7', () => {
  it('indexes board_tokens by board, so listing and counting a board’s links does not scan every token', async () => {
    const filename = tempFile();
    const store = new SqliteBoardStore({ filename });
    await store.close();
    const db = new Database(filename);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM board_tokens WHERE board_id = 'x' AND role = 'facilitator'").all() as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(' ')).toContain('board_tokens_by_board');
    db.close();
  });
});
