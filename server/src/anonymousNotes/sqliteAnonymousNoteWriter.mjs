// The writer thread's part of SqliteAnonymousNoteStore (loaded by
// storage/sqliteWorker.mjs on the writer only). Plain JavaScript, like the
// worker itself.
import { ANONYMOUS_NOTE_SQL } from './sqliteAnonymousNoteShared.mjs';
import { writeTransaction } from '../storage/sqliteShared.mjs';

/** @typedef {import('../storage/sqliteWorkerProtocol.ts').AnonymousNoteMutation} AnonymousNoteMutation */

/** @param {import('better-sqlite3').Database} db */
export function anonymousNoteWriter(db) {
  const insert = db.prepare(ANONYMOUS_NOTE_SQL.insert);
  const count = db.prepare(ANONYMOUS_NOTE_SQL.count);
  const remove = db.prepare(ANONYMOUS_NOTE_SQL.delete);
  return {
    /**
     * Every mutation of one request (those made in one turn of the main
     * thread's event loop) in one transaction, one fsync; the result of each.
     * The cap is checked inside the transaction, so concurrent adds cannot
     * overshoot it.
     */
    mutations: writeTransaction(db, (/** @type {AnonymousNoteMutation[]} */ items) =>
      items.map((item) => {
        if (item.kind === 'add') {
          const held = /** @type {{ n: number }} */ (count.get(item.boardId)).n;
          if (held >= item.maxPerBoard) return 'full';
          insert.run(item.boardId, item.receiptHash, item.answerId);
          return 'added';
        }
        const row = /** @type {{ answer_id: string } | undefined} */ (remove.get(item.boardId, item.receiptHash));
        return row ? row.answer_id : null;
      }),
    ),
  };
}
