// Plain JavaScript on purpose, like rounds/sqliteRoundShared.mjs: used by the
// writer thread (sqliteAnonymousNoteWriter.mjs) and by
// SqliteAnonymousNoteStore's reads on the main thread. Types:
// sqliteAnonymousNoteShared.d.mts. Table: storage/sqliteSchema.ts.

export const ANONYMOUS_NOTE_SQL = Object.freeze({
  insert: 'INSERT INTO anonymous_notes (board_id, receipt_hash, answer_id) VALUES (?, ?, ?)',
  count: 'SELECT COUNT(*) AS n FROM anonymous_notes WHERE board_id = ?',
  select: 'SELECT answer_id FROM anonymous_notes WHERE board_id = ? AND receipt_hash = ?',
  delete: 'DELETE FROM anonymous_notes WHERE board_id = ? AND receipt_hash = ? RETURNING answer_id',
});
