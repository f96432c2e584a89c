import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteBoardStore, SqliteVoteStore } from '@clapboard/server';
import { voteStoreContract } from './voteStoreContract.ts';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-votes-')), 'test.sqlite');
const openBoth = (filename: string) => {
  const boards = new SqliteBoardStore({ filename });
  return { boards, votes: new SqliteVoteStore(boards) };
};

voteStoreContract('sqlite', async () => {
  const filename = tempFile();
  return { ...openBoth(filename), reopen: async () => openBoth(filename) };
});

/**
 * What the file shows after ballots: the spent ballots' hashes in sorted
 * order and the counts, never a ballot next to its choices, never the
 * order ballots came in, and an empty WAL (no earlier copies of the tally).
 */
describe('SqliteVoteStore on disk', () => {
  const open: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const store of open.splice(0).reverse()) await store.close();
  });

  it('keeps ballot hashes sorted, apart from the counts, with the WAL empty after every ballot', async () => {
    const filename = tempFile();
    const { boards, votes } = openBoth(filename);
    open.push(boards, votes);
    const boardId = 'board-dddddddddddddddd';
    await boards.createBoard({ id: boardId, tokenHashes: { facilitator: 'a', participant: 'b', observer: 'c' }, initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) } });
    await votes.createVote({ boardId, voteId: 'vote-dddddddddddd', access: 'anyone', perPerson: 1, targets: ['TARGETAAA', 'TARGETBBB'], publicKey: null, signingKey: null, codeHashes: [] });
    // Hashes chosen so that arrival order is the reverse of sorted order.
    const arrivals = Array.from({ length: 12 }, (_, index) => `BALLOTHASH${String(99 - index).padStart(2, '0')}`);
    for (const [index, hash] of arrivals.entries()) {
      expect(await votes.castBallot(boardId, 'vote-dddddddddddd', hash, [index % 2 === 0 ? 'TARGETAAA' : 'TARGETBBB'])).toBe('counted');
      expect(fs.statSync(`${filename}-wal`).size).toBe(0);
    }
    const bytes = fs.readFileSync(filename).toString('latin1');
    const inFile = [...bytes.matchAll(/BALLOTHASH(\d\d)/g)].map((match) => Number(match[1]));
    expect(inFile).toEqual([...inFile].sort((a, b) => a - b));
    expect(inFile).toHaveLength(12);
    expect(bytes).toContain('{"TARGETAAA":6,"TARGETBBB":6}');
    // Closing forgets the spent hashes: their only use was refusing a second ballot.
    await votes.closeVote(boardId, 'vote-dddddddddddd');
    expect(fs.readFileSync(filename).toString('latin1')).not.toMatch(/BALLOTHASH/);
  });
});
