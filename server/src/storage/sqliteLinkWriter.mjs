// The writer thread's part of link management (BoardStore.addLink,
// rotateLink, revokeLink; loaded by sqliteWorker.mjs on the writer only).
// Plain JavaScript, like the worker itself. Every check and the change it
// guards share one transaction, so two requests at once cannot both pass a
// check that only one of them should.
import { SQL, writeTransaction } from './sqliteShared.mjs';

/** @typedef {import('./sqliteWorkerProtocol.ts').LinkMutation} LinkMutation */

/** @param {import('better-sqlite3').Database} db */
export function linkWriter(db) {
  const insertToken = db.prepare(SQL.insertToken);
  const roleForToken = db.prepare(SQL.roleForToken);
  const countLinks = db.prepare(SQL.countLinks);
  const countRoleLinks = db.prepare(SQL.countRoleLinks);
  const deleteToken = db.prepare(SQL.deleteToken);
  /** @param {string} tokenHash @param {string} boardId */
  const roleOf = (tokenHash, boardId) => /** @type {{ role: string } | undefined} */ (roleForToken.get(tokenHash, boardId))?.role ?? null;
  return {
    /** One mutation, one transaction; answers an AddLinkOutcome, a role or null, or a RevokeLinkOutcome. */
    mutate: writeTransaction(db, (/** @type {LinkMutation} */ mutation) => {
      const { boardId } = mutation;
      if (mutation.kind === 'add') {
        if (/** @type {{ n: number }} */ (countLinks.get(boardId)).n >= mutation.maxLinks) return 'full';
        insertToken.run(mutation.tokenHash, boardId, mutation.role);
        return 'added';
      }
      const role = roleOf(mutation.tokenHash, boardId);
      if (mutation.kind === 'rotate') {
        if (role === null) return null;
        deleteToken.run(mutation.tokenHash, boardId);
        insertToken.run(mutation.newHash, boardId, role);
        return role;
      }
      if (role === null) return 'not-found';
      if (role === 'facilitator' && /** @type {{ n: number }} */ (countRoleLinks.get(boardId, 'facilitator')).n <= 1) return 'last-facilitator';
      deleteToken.run(mutation.tokenHash, boardId);
      return 'revoked';
    }),
  };
}
