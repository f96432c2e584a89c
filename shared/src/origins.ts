/**
 * Every Yjs transaction carries one of these origins so observers can tell
 * who made a change. Objects (not strings) so `Y.UndoManager` can track one
 * origin by identity.
 */
export type TransactionOrigin =
  /** The person using this client: the only origin the undo manager tracks. */
  | { readonly kind: 'local-user' }
  /** The server itself (board creation, migrations, later anonymous submissions). */
  | { readonly kind: 'server'; readonly reason: ServerWriteReason }
  /** A document loaded from storage; never re-persisted. */
  | { readonly kind: 'storage' }
  /** An update that another server process already stored and relayed to us. */
  | { readonly kind: 'fanout' }
  /** An update received from one websocket connection. */
  | { readonly kind: 'connection'; readonly connectionId: number };

/**
 * Why the server wrote into a board. Each feature that writes adds its own
 * reason from its own module, by augmenting this interface:
 *
 *   declare module '@clapboard/shared' { interface ServerWriteReasons { 'anonymous-answer': true } }
 *
 * so observers can branch on it, without one closed list to edit.
 */
export interface ServerWriteReasons {
  'create-board': true;
  migration: true;
}
export type ServerWriteReason = keyof ServerWriteReasons;

/** The single local-user origin object of a client. */
export const LOCAL_USER_ORIGIN: TransactionOrigin = Object.freeze({ kind: 'local-user' });
