import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken, SqliteBoardStore, SqliteRoundStore } from '@clapboard/server';
import { roundStoreContract } from './roundStoreContract.ts';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-rounds-')), 'test.sqlite');
const openBoth = (filename: string) => {
  const boards = new SqliteBoardStore({ filename });
  return { boards, rounds: new SqliteRoundStore(boards) };
};

roundStoreContract('sqlite', async () => {
  const filename = tempFile();
  return {
    ...openBoth(filename),
    reopen: async () => openBoth(filename),
  };
});

/**
 * What the SQLite file shows about arrival order. A row per answer would
 * show it: SQLite lays out each new cell of a page below the previous one,
 * whatever its key (tried: twelve rows with random keys sat in the file in
 * exactly reverse arrival order). So a round's answers are one record,
 * rewritten sorted by id, and the WAL is truncated after every write.
 */
describe('SqliteRoundStore on disk', () => {
  const open: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const store of open.splice(0).reverse()) await store.close();
  });

  it('leaves answers in the file in id order, the WAL empty, and no copy of an edited answer', async () => {
    const filename = tempFile();
    const { boards, rounds } = openBoth(filename);
    open.push(boards);
    await boards.createBoard({ id: 'board-dddddddddddddddd', tokenHashes: { facilitator: 'a', participant: 'b', observer: 'c' }, initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) } });
    await rounds.createRound({ boardId: 'board-dddddddddddddddd', roundId: 'round-dddddddddddd', prompt: 'p', k: 2, translations: null, closesAt: null });
    const ids: string[] = [];
    const receipts: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const answerId = randomBytes(16).toString('base64url');
      ids.push(answerId);
      receipts.push(`receipt-${index}`);
      await rounds.addAnswer('board-dddddddddddddddd', 'round-dddddddddddd', { answerId, receiptHash: hashToken(`receipt-${index}`), text: `ARRIVAL-${String(index).padStart(2, '0')}`, lang: null }, 100);
      expect(fs.statSync(`${filename}-wal`).size).toBe(0);
    }
    await rounds.editAnswer('board-dddddddddddddddd', 'round-dddddddddddd', hashToken(receipts[3]!), 'EDITED', null);
    const bytes = fs.readFileSync(filename).toString('latin1');
    const inFile = [...bytes.matchAll(/ARRIVAL-(\d\d)/g)].map((match) => Number(match[1]));
    const byId = ids.map((id, index) => ({ id, index })).sort((a, b) => (a.id < b.id ? -1 : 1)).map(({ index }) => index).filter((index) => index !== 3);
    expect(inFile).toEqual(byId);
    expect(bytes).toContain('EDITED');
    expect(bytes).not.toContain('ARRIVAL-03');
  });
});
