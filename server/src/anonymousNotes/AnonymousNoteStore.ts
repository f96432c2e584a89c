/** `added`, or `full`: the board already holds `maxPerBoard` anonymous notes. */
export type AddNoteOutcome = 'added' | 'full';

/**
 * Where the receipts of anonymous notes are kept (docs/anonymity.md,
 * "Anonymous notes"): for each note, the SHA-256 of its receipt and the key
 * of its card on the board, and nothing else. No text (it is on the board),
 * no connection, client id, token, address or time: there is no field for
 * them. One contract suite (tests/anonymousNotes/storeContract.ts) runs
 * against every implementation.
 *
 * Every write resolves only once it is durable. A wrong receipt hash is
 * simply not found: the caller answers it exactly like an unknown one.
 */
export interface AnonymousNoteStore {
  /**
   * Records that `receiptHash` is the handle of the note `answerId` on
   * `boardId`, if the board holds fewer than `maxPerBoard` notes (checked in
   * the same transaction, so concurrent adds cannot overshoot).
   */
  add(boardId: string, receiptHash: string, answerId: string, maxPerBoard: number): Promise<AddNoteOutcome>;
  /** The note a receipt hash names on this board, or null. */
  find(boardId: string, receiptHash: string): Promise<string | null>;
  /** Forgets a receipt hash; the note it named, or null if this board has no such hash. */
  remove(boardId: string, receiptHash: string): Promise<string | null>;
  /** Forgets every receipt hash of a board (it is being erased, server/src/privacy); resolves once durable. */
  deleteBoard(boardId: string): Promise<void>;
  /** Lets writes already made finish, then releases resources. */
  close(): Promise<void>;
}
