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
  // Another connection (the store's writer thread, a second server, a backup)
  // may hold the write lock briefly.
  db.pragma('busy_timeout = 5000');
  return db;
}

export const SQL = Object.freeze({
  insertBoard: 'INSERT INTO boards (id, title) VALUES (?, ?)',
  insertToken: 'INSERT INTO board_tokens (token_hash, board_id, role) VALUES (?, ?, ?)',
  getBoard: 'SELECT id, title FROM boards WHERE id = ?',
  roleForToken: 'SELECT role FROM board_tokens WHERE token_hash = ? AND board_id = ?',
  insertUpdate: 'INSERT INTO doc_updates (board_id, doc, data) VALUES (?, ?, ?)',
  selectSnapshot: 'SELECT snapshot, through_seq FROM doc_snapshots WHERE board_id = ? AND doc = ?',
  selectUpdates: 'SELECT seq, data FROM doc_updates WHERE board_id = ? AND doc = ? ORDER BY seq',
  upsertSnapshot: `INSERT INTO doc_snapshots (board_id, doc, snapshot, through_seq) VALUES (?, ?, ?, ?)
     ON CONFLICT (board_id, doc) DO UPDATE SET snapshot = excluded.snapshot, through_seq = excluded.through_seq
     WHERE excluded.through_seq >= doc_snapshots.through_seq`,
  deleteUpdatesThrough: 'DELETE FROM doc_updates WHERE board_id = ? AND doc = ? AND seq <= ?',
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
    const snapshotRow = /** @type {{ snapshot: Buffer, through_seq: number } | undefined} */ (selectSnapshot.get(key.boardId, key.doc));
    const rows = /** @type {Array<{ seq: number, data: Buffer }>} */ (selectUpdates.all(key.boardId, key.doc));
    return {
      snapshot: snapshotRow ? new Uint8Array(snapshotRow.snapshot) : null,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? snapshotRow?.through_seq ?? 0,
    };
  });
}
