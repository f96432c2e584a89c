// The writer thread's part of erasure, retention and the monitoring and
// contact stores (loaded by storage/sqliteWorker.mjs on the writer only).
// Plain JavaScript, like the worker itself.
import { addResponse, emptyCounts, PRIVACY_SQL, serializeContacts, serializeCounts } from './sqlitePrivacyShared.mjs';
import { writeTransaction } from '../storage/sqliteShared.mjs';

/** @typedef {import('../storage/sqliteWorkerProtocol.ts').PrivacyMutation} PrivacyMutation */

/** @param {import('better-sqlite3').Database} db */
export function privacyWriter(db) {
  const tablesKeyedByBoard = db.prepare(PRIVACY_SQL.tablesKeyedByBoard).pluck();
  const deleteBoardRow = db.prepare(PRIVACY_SQL.deleteBoardRow);
  const setRetention = db.prepare(PRIVACY_SQL.setRetention);
  const boardExists = db.prepare(PRIVACY_SQL.boardExists);
  const selectMonitoring = db.prepare(PRIVACY_SQL.selectMonitoring);
  const upsertMonitoring = db.prepare(PRIVACY_SQL.upsertMonitoring);
  const selectContacts = db.prepare(PRIVACY_SQL.selectContacts);
  const upsertContacts = db.prepare(PRIVACY_SQL.upsertContacts);
  /** @type {Map<string, import('better-sqlite3').Statement>} */
  const deletes = new Map();
  /** @param {string} table */
  const deleteFrom = (table) => {
    let statement = deletes.get(table);
    if (!statement) {
      // Table names come from sqlite_master, never from a request.
      statement = db.prepare(`DELETE FROM "${table.replaceAll('"', '""')}" WHERE board_id = ?`);
      deletes.set(table, statement);
    }
    return statement;
  };
  /** @returns {string[]} */
  const boardTables = () => /** @type {string[]} */ (tablesKeyedByBoard.all());

  /** @param {PrivacyMutation} item */
  const mutate = (item) => {
    if (!boardExists.get(item.boardId)) return 'missing';
    if (item.kind === 'monitoring') {
      const row = /** @type {any} */ (selectMonitoring.get(item.boardId));
      const state = row
        ? { released: row.released, pending: row.pending, releasedCounts: JSON.parse(row.releasedCounts), pendingCounts: JSON.parse(row.pendingCounts) }
        : { released: 0, pending: 0, releasedCounts: emptyCounts(), pendingCounts: emptyCounts() };
      if (state.released + state.pending >= item.maxResponses) return 'full';
      const next = addResponse(state, item.answers, item.groupSize);
      upsertMonitoring.run(item.boardId, next.released, next.pending, serializeCounts(next.releasedCounts), serializeCounts(next.pendingCounts));
      return 'added';
    }
    const row = /** @type {{ n: number, contacts: string } | undefined} */ (selectContacts.get(item.boardId));
    const contacts = row ? /** @type {string[]} */ (JSON.parse(row.contacts)) : [];
    if (contacts.length >= item.maxContacts) return 'full';
    contacts.push(item.contact);
    upsertContacts.run(item.boardId, contacts.length, serializeContacts(contacts));
    return 'added';
  };

  return {
    /**
     * Monitoring responses and contacts, every group given in one
     * transaction (the caller truncates the WAL after it: sqliteWorker.mjs,
     * commitPrivateGroup); the results per group.
     */
    mutations: writeTransaction(db, (/** @type {PrivacyMutation[][]} */ groups) => groups.map((group) => group.map(mutate))),
    /**
     * Deletes every row of every table keyed by these boards, then the
     * boards themselves, in one transaction; the ids that existed. The
     * caller reclaims the space after it (`reclaim`).
     */
    erase: writeTransaction(db, (/** @type {string[]} */ boardIds) => {
      const tables = boardTables();
      const erased = [];
      for (const boardId of boardIds) {
        for (const table of tables) deleteFrom(table).run(boardId);
        if (deleteBoardRow.run(boardId).changes > 0) erased.push(boardId);
      }
      return erased;
    }),
    /** Only the rows of `tables` for one board (a sibling store's deleteBoard); tables must be keyed by board. */
    eraseRows: writeTransaction(db, (/** @type {string} */ boardId, /** @type {readonly string[]} */ tables) => {
      const known = new Set(boardTables());
      for (const table of tables) {
        if (!known.has(table)) throw new Error(`${table} is not a table keyed by board`);
        deleteFrom(table).run(boardId);
      }
    }),
    /**
     * After an erasure, outside its transaction. secure_delete zeroed the
     * deleted cells, but a page freed whole keeps its bytes on the freelist
     * and the WAL keeps older copies of every page touched. VACUUM rebuilds
     * the file from the live rows only; the TRUNCATE checkpoint then copies
     * the rebuilt pages over the old file, which shrinks to them, and empties
     * the WAL. Whether the checkpoint completed (a reader holding an older
     * snapshot past busy_timeout keeps old frames until the next one).
     * @returns {boolean}
     */
    reclaim: () => {
      db.exec('VACUUM');
      const [result] = /** @type {Array<{ busy: number }>} */ (db.pragma('wal_checkpoint(TRUNCATE)'));
      return result?.busy === 0;
    },
    /** @returns {boolean} whether the board exists */
    setRetention: (/** @type {string} */ boardId, /** @type {string} */ deleteOn) => setRetention.run(deleteOn, boardId).changes > 0,
  };
}
