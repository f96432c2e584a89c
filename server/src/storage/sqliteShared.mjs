// Plain JavaScript on purpose: shared by SqliteBoardStore (main thread) and
// its worker threads (sqliteWorker.mjs), which load without a TypeScript
// loader so they start in tens of milliseconds. Types: sqliteShared.d.mts.
import Database from 'better-sqlite3';

/**
 * Opens a connection with the store's pragmas. Every connection of the store
 * uses this, whichever thread holds it.
 * @param {string} filename
 * @param {'FULL' | 'NORMAL'} synchronous
 * @param {{ readonly?: boolean }} [options]
 */
export function openConnection(filename, synchronous, options = {}) {
  const readonly = options.readonly ?? false;
  const db = new Database(filename, { readonly, fileMustExist: readonly });
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  // Deleted rows (a deleted note's text in folded log rows, a replaced
  // snapshot) are overwritten with zeros instead of left in free space.
  // Per connection, so every connection that writes must set it; read-only
  // ones set it too so no future writer can be opened without it.
  db.pragma('secure_delete = ON');
  // Another connection (the store's writer thread, a second server, a backup)
  // may hold the write lock briefly.
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * A write transaction that takes the write lock when it begins (BEGIN
 * IMMEDIATE). Every writer's transaction reads before it writes, and when
 * another connection on the same file (a second server process, a backup)
 * has committed since the read began, a deferred transaction cannot upgrade
 * to a write: SQLite answers SQLITE_BUSY at once, without waiting out
 * busy_timeout. Taking the lock first makes it wait instead.
 * @template {(...args: any[]) => any} F
 * @param {import('better-sqlite3').Database} db
 * @param {F} fn
 * @returns {F}
 */
export function writeTransaction(db, fn) {
  return /** @type {F} */ (/** @type {unknown} */ (db.transaction(fn).immediate));
}

export const SQL = Object.freeze({
  insertBoard: 'INSERT INTO boards (id, delete_on) VALUES (?, ?)',
  insertToken: 'INSERT INTO board_tokens (token_hash, board_id, role) VALUES (?, ?, ?)',
  getBoard: 'SELECT id FROM boards WHERE id = ?',
  roleForToken: 'SELECT role FROM board_tokens WHERE token_hash = ? AND board_id = ?',
  // Link management (BoardStore.listLinks, addLink, rotateLink, revokeLink).
  listLinks: 'SELECT token_hash AS tokenHash, role FROM board_tokens WHERE board_id = ?',
  countLinks: 'SELECT COUNT(*) AS n FROM board_tokens WHERE board_id = ?',
  countRoleLinks: 'SELECT COUNT(*) AS n FROM board_tokens WHERE board_id = ? AND role = ?',
  deleteToken: 'DELETE FROM board_tokens WHERE token_hash = ? AND board_id = ?',
  insertUpdate: 'INSERT INTO doc_updates (board_id, doc, data) VALUES (?, ?, ?)',
  selectSnapshot: 'SELECT snapshot, through_seq, version FROM doc_snapshots WHERE board_id = ? AND doc = ?',
  selectUpdates: 'SELECT seq, data FROM doc_updates WHERE board_id = ? AND doc = ? ORDER BY seq',
  // Compaction (BoardStore.compactDocument): the first snapshot, unless another compaction wrote one first…
  insertSnapshot: `INSERT INTO doc_snapshots (board_id, doc, snapshot, through_seq, version) VALUES (?, ?, ?, ?, 1)
     ON CONFLICT (board_id, doc) DO NOTHING`,
  // …or the next one, if the snapshot is still the version the compaction read…
  replaceSnapshot: `UPDATE doc_snapshots SET snapshot = ?, through_seq = MAX(through_seq, ?), version = version + 1
     WHERE board_id = ? AND doc = ? AND version = ?`,
  // …and then exactly the rows it folded, one by one: never a range of seqs.
  deleteUpdate: 'DELETE FROM doc_updates WHERE board_id = ? AND doc = ? AND seq = ?',
  countUpdates: 'SELECT COUNT(*) AS n FROM doc_updates WHERE board_id = ? AND doc = ?',
});

/**
 * A function that reads a document's snapshot and log in one read
 * transaction, so the two agree.
 * @param {import('better-sqlite3').Database} db
 */
export function documentReader(db) {
  const selectSnapshot = db.prepare(SQL.selectSnapshot);
  const selectUpdates = db.prepare(SQL.selectUpdates);
  return db.transaction((/** @type {{ boardId: string, doc: string }} */ key) => {
    const snapshotRow = /** @type {{ snapshot: Buffer, through_seq: number, version: number } | undefined} */ (selectSnapshot.get(key.boardId, key.doc));
    const rows = /** @type {Array<{ seq: number, data: Buffer }>} */ (selectUpdates.all(key.boardId, key.doc));
    return {
      snapshot: snapshotRow ? new Uint8Array(snapshotRow.snapshot) : null,
      updates: rows.map((row) => new Uint8Array(row.data)),
      seqs: rows.map((row) => row.seq),
      snapshotVersion: snapshotRow?.version ?? 0,
      lastSeq: rows.at(-1)?.seq ?? snapshotRow?.through_seq ?? 0,
    };
  });
}
