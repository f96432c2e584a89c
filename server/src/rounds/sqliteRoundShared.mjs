// Plain JavaScript on purpose, like storage/sqliteShared.mjs: used by the
// writer thread (sqliteWorker.mjs) and by SqliteRoundStore's reads on the
// main thread. Types: sqliteRoundShared.d.mts.

export const ROUND_SQL = Object.freeze({
  insertRound: `INSERT INTO rounds (board_id, round_id, prompt, translations, k, closes_at, state, published_count)
     VALUES (?, ?, ?, ?, ?, ?, 'open', 0)`,
  insertAnswerSet: `INSERT INTO round_answers (board_id, round_id, answer_count, answers) VALUES (?, ?, 0, '[]')`,
  selectRound: `SELECT r.board_id, r.round_id, r.prompt, r.translations, r.k, r.closes_at, r.state, r.published_count, a.answer_count
     FROM rounds r JOIN round_answers a USING (board_id, round_id) WHERE r.board_id = ? AND r.round_id = ?`,
  selectRoundsInState: `SELECT r.board_id, r.round_id, r.prompt, r.translations, r.k, r.closes_at, r.state, r.published_count, a.answer_count
     FROM rounds r JOIN round_answers a USING (board_id, round_id) WHERE r.state = ?`,
  selectState: 'SELECT state FROM rounds WHERE board_id = ? AND round_id = ?',
  selectAnswerSet: 'SELECT answers FROM round_answers WHERE board_id = ? AND round_id = ?',
  selectBoardAnswerSets: `SELECT a.round_id, r.state, a.answers FROM round_answers a JOIN rounds r USING (board_id, round_id) WHERE a.board_id = ?`,
  writeAnswerSet: 'UPDATE round_answers SET answer_count = ?, answers = ? WHERE board_id = ? AND round_id = ?',
  setState: 'UPDATE rounds SET state = ? WHERE board_id = ? AND round_id = ?',
  setPublishedCount: 'UPDATE rounds SET published_count = ? WHERE board_id = ? AND round_id = ?',
});

/**
 * A round's answers as stored: one JSON array, sorted by the answers' random
 * ids, so the stored bytes depend on which answers there are and not on the
 * order they came in. Entries: `{ id, receipt (sha256 hex), text, lang }`;
 * text and lang are null once the round is revealed.
 * @param {string} json
 * @returns {Array<{ id: string, receipt: string, text: string | null, lang: string | null }>}
 */
export function parseAnswerSet(json) {
  return JSON.parse(json);
}

/** @param {Array<{ id: string }>} answers */
export function serializeAnswerSet(answers) {
  return JSON.stringify([...answers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

/** @param {any} row */
export function roundFromRow(row) {
  return {
    boardId: row.board_id,
    roundId: row.round_id,
    prompt: row.prompt,
    translations: row.translations === null ? null : JSON.parse(row.translations),
    k: row.k,
    closesAt: row.closes_at,
    state: row.state,
    publishedCount: row.published_count,
    answerCount: row.answer_count,
  };
}
