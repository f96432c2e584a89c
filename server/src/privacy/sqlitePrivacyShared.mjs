// Plain JavaScript on purpose, like rounds/sqliteRoundShared.mjs: used by the
// writer thread (sqlitePrivacyWriter.mjs) and by the privacy stores' reads on
// the main thread. Types: sqlitePrivacyShared.d.mts. Tables:
// storage/sqliteSchema.ts (migration 9).

export const PRIVACY_SQL = Object.freeze({
  selectRetention: 'SELECT delete_on AS deleteOn FROM boards WHERE id = ?',
  setRetention: 'UPDATE boards SET delete_on = ? WHERE id = ?',
  // The sweep's work list: `YYYY-MM-DD` text compares as dates do.
  selectDue: 'SELECT id FROM boards WHERE delete_on IS NOT NULL AND delete_on <= ?',
  selectUndated: 'SELECT id FROM boards WHERE delete_on IS NULL',
  // Every table that has a board_id column is erased with its board; found
  // from the schema itself, so a table added later cannot be forgotten.
  tablesKeyedByBoard: `SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
     WHERE m.type = 'table' AND c.name = 'board_id' ORDER BY m.name`,
  deleteBoardRow: 'DELETE FROM boards WHERE id = ?',
  selectMonitoring: 'SELECT released, pending, released_counts AS releasedCounts, pending_counts AS pendingCounts FROM monitoring_counts WHERE board_id = ?',
  upsertMonitoring: `INSERT INTO monitoring_counts (board_id, released, pending, released_counts, pending_counts) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE SET released = excluded.released, pending = excluded.pending,
       released_counts = excluded.released_counts, pending_counts = excluded.pending_counts`,
  selectContacts: 'SELECT contact_count AS n, contacts FROM contacts WHERE board_id = ?',
  upsertContacts: `INSERT INTO contacts (board_id, contact_count, contacts) VALUES (?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE SET contact_count = excluded.contact_count, contacts = excluded.contacts`,
  boardExists: 'SELECT 1 AS present FROM boards WHERE id = ?',
});

/** The questions in a fixed order, so the stored bytes depend only on the counts. Mirrors shared/src/monitoring.ts. */
const QUESTIONS = ['ageBand', 'gender', 'ethnicity', 'disability'];

/** @returns {Record<string, Record<string, number>>} */
export function emptyCounts() {
  return Object.fromEntries(QUESTIONS.map((question) => [question, {}]));
}

/**
 * Counts as stored: questions in a fixed order, answers sorted, so two
 * boards with the same counts store the same bytes whatever order the
 * responses came in.
 * @param {Record<string, Record<string, number>>} counts
 */
export function serializeCounts(counts) {
  return JSON.stringify(
    Object.fromEntries(QUESTIONS.map((question) => [question, Object.fromEntries(Object.entries(counts[question] ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))])),
  );
}

/**
 * One response added to a board's monitoring state; when it completes a
 * group of `groupSize`, the group is released into the reported counts and
 * the pending counts start again empty. A pure function of the state, so
 * the memory and SQLite stores release in exactly the same way.
 * @param {{ released: number, pending: number, releasedCounts: Record<string, Record<string, number>>, pendingCounts: Record<string, Record<string, number>> }} state
 * @param {Record<string, string>} answers
 * @param {number} groupSize
 */
export function addResponse(state, answers, groupSize) {
  const pendingCounts = structuredClone(state.pendingCounts);
  for (const question of QUESTIONS) {
    const answer = answers[question];
    if (answer === undefined) continue;
    const counts = (pendingCounts[question] ??= {});
    counts[answer] = (counts[answer] ?? 0) + 1;
  }
  const pending = state.pending + 1;
  if (pending < groupSize) return { ...state, pending, pendingCounts };
  const releasedCounts = structuredClone(state.releasedCounts);
  for (const question of QUESTIONS) {
    for (const [answer, count] of Object.entries(pendingCounts[question] ?? {})) {
      const counts = (releasedCounts[question] ??= {});
      counts[answer] = (counts[answer] ?? 0) + count;
    }
  }
  return { released: state.released + pending, pending: 0, releasedCounts, pendingCounts: emptyCounts() };
}

/**
 * A board's contacts as stored: one JSON array, sorted, rewritten whole, so
 * the stored bytes say which contacts there are and not the order they
 * came in (see sqliteSchema.ts on why not a row each).
 * @param {string[]} contacts
 */
export function serializeContacts(contacts) {
  return JSON.stringify([...contacts].sort());
}
