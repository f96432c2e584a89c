// The writer thread's part of SqliteVoteStore (loaded by
// storage/sqliteWorker.mjs on the writer only).
import { tallyFromRow, VOTE_SQL } from './sqliteVoteShared.mjs';
import { applyVoteMutation, zeroCounts } from './voteTally.mjs';
import { writeTransaction } from '../storage/sqliteShared.mjs';

/** @typedef {import('../storage/sqliteWorkerProtocol.ts').VoteMutation} VoteMutation */

/** @param {import('better-sqlite3').Database} db */
export function voteWriter(db) {
  const insertVote = db.prepare(VOTE_SQL.insertVote);
  const selectVote = db.prepare(VOTE_SQL.selectVote);
  const writeVote = db.prepare(VOTE_SQL.writeVote);

  /**
   * A vote's row is read once per transaction, changed in memory by every
   * mutation of the group, and written back once: one rewrite of the whole
   * record, whatever number of ballots the group held.
   * @param {VoteMutation[]} items
   */
  const mutate = (items) => {
    /** @type {Map<string, { boardId: string, voteId: string, tally: any }>} */
    const loaded = new Map();
    const changed = new Set();
    const results = items.map((item) => {
      if (item.kind === 'create') {
        const { vote } = item;
        insertVote.run(vote.boardId, vote.voteId, vote.access, vote.perPerson, JSON.stringify(vote.targets), vote.publicKey, vote.signingKey, JSON.stringify(zeroCounts(vote.targets)), JSON.stringify([...vote.codeHashes].sort()));
        return 'created';
      }
      const name = `${item.boardId}\u0000${item.voteId}`;
      let entry = loaded.get(name);
      if (!entry) {
        const row = selectVote.get(item.boardId, item.voteId);
        if (!row) return 'missing';
        entry = { boardId: item.boardId, voteId: item.voteId, tally: tallyFromRow(row) };
        loaded.set(name, entry);
      }
      const outcome = applyVoteMutation(entry.tally, item);
      if (outcome === 'counted' || outcome === 'redeemed' || item.kind === 'close') changed.add(entry);
      return outcome;
    });
    for (const { boardId, voteId, tally } of changed) {
      writeVote.run(tally.state, tally.signingKey, tally.ballotCount, JSON.stringify(tally.counts), JSON.stringify(tally.spent), JSON.stringify(tally.codes), boardId, voteId);
    }
    return results;
  };

  return {
    /** Every mutation of every group given, in one transaction; the results per group. */
    mutations: writeTransaction(db, (/** @type {VoteMutation[][]} */ groups) => {
      const flat = mutate(groups.flat());
      let offset = 0;
      return groups.map((group) => flat.slice(offset, (offset += group.length)));
    }),
  };
}
