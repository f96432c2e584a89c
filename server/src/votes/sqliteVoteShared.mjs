// Plain JavaScript, like ../rounds/sqliteRoundShared.mjs: used by the writer
// thread (../storage/sqliteWorker.mjs) and by SqliteVoteStore's reads on the
// main thread. Types: sqliteVoteShared.d.mts.

export const VOTE_SQL = Object.freeze({
  insertVote: `INSERT INTO votes (board_id, vote_id, access, per_person, targets, state, public_key, signing_key, ballot_count, counts, spent, codes)
     VALUES (?, ?, ?, ?, ?, 'open', ?, ?, 0, ?, '[]', ?)`,
  selectVote: `SELECT board_id, vote_id, access, per_person, targets, state, public_key, signing_key, ballot_count, counts, spent, codes
     FROM votes WHERE board_id = ? AND vote_id = ?`,
  writeVote: `UPDATE votes SET state = ?, signing_key = ?, ballot_count = ?, counts = ?, spent = ?, codes = ? WHERE board_id = ? AND vote_id = ?`,
});

/** The mutable state of a stored row (voteTally.mjs), parsed. @param {any} row */
export function tallyFromRow(row) {
  return {
    state: row.state,
    perPerson: row.per_person,
    targets: JSON.parse(row.targets),
    counts: JSON.parse(row.counts),
    spent: JSON.parse(row.spent),
    codes: JSON.parse(row.codes),
    ballotCount: row.ballot_count,
    signingKey: row.signing_key,
  };
}

/** @param {any} row */
export function voteFromRow(row) {
  const tally = tallyFromRow(row);
  return {
    boardId: row.board_id,
    voteId: row.vote_id,
    access: row.access,
    perPerson: tally.perPerson,
    targets: tally.targets,
    state: tally.state,
    publicKey: row.public_key,
    signingKey: tally.signingKey,
    ballotCount: tally.ballotCount,
    counts: tally.counts,
  };
}
