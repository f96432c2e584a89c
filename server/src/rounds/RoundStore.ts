import type { RoundState } from '@clapboard/shared';

/** A round as created by a facilitator. */
export interface NewRound {
  boardId: string;
  roundId: string;
  prompt: string;
  /** Reveal threshold. */
  k: number;
  translations: Record<string, string> | null;
  /** ISO 8601, or null: closed by hand. The only time stored with a round, and it is the facilitator's, not anyone's answer's. */
  closesAt: string | null;
}

export interface StoredRound extends NewRound {
  state: RoundState;
  /** The coarse count last published to the control document (exact once closed). */
  publishedCount: number;
  /** The exact number of answers stored now. Never shown while the round is open (see RoundTicker). */
  answerCount: number;
}

/** One answer to store. No connection, client id, token, address or time: there is no field for them. */
export interface NewAnswer {
  /** Random (16 bytes, base64url): its key on the board at reveal, and the order answers are stored in. */
  answerId: string;
  /** SHA-256 (hex) of the receipt handed to its author; the receipt itself is never stored. */
  receiptHash: string;
  text: string;
  lang: string | null;
}

/** An answer as read back, for reveal. Text and lang are null once revealed: the words then live on the board only. */
export interface StoredAnswer {
  answerId: string;
  text: string | null;
  lang: string | null;
}

/** `added`, or why not: no such round, it no longer takes answers, or it holds `maxAnswers` already. */
export type AddAnswerOutcome = 'added' | 'missing' | 'closed' | 'full';

/** The answer a receipt names, and whether its round was revealed (its words are then on the board, not here). */
export interface ReceiptMatch {
  roundId: string;
  answerId: string;
  revealed: boolean;
}

/**
 * Durable storage of anonymous rounds and their answers (docs/anonymity.md).
 * One contract suite (tests/rounds/roundStoreContract.ts) runs against every
 * implementation.
 *
 * What an implementation must not keep: anything that ties an answer to a
 * person or to the moment it came in. No connection, client id, token,
 * address or time next to an answer (NewAnswer has no field for them), and
 * no storage order that follows arrival order: answers are read back, and
 * should sit on disk, in the order of their random ids.
 *
 * Every write resolves only once it is durable. Answers of one round are
 * serialised by the caller (the routes hold a lock per round); the store
 * still checks a round's state inside each write, so an answer can never be
 * added to a round that is not open.
 */
export interface RoundStore {
  /** Rejects if the round exists. */
  createRound(round: NewRound): Promise<void>;
  getRound(boardId: string, roundId: string): Promise<StoredRound | null>;
  /** Rounds in one state, across every board (the ticker's work list after a restart). */
  listRounds(state: RoundState): Promise<StoredRound[]>;
  /** Adds an answer if the round is open and holds fewer than `maxAnswers`. */
  addAnswer(boardId: string, roundId: string, answer: NewAnswer, maxAnswers: number): Promise<AddAnswerOutcome>;
  /**
   * Replaces an answer's text (and lang) by receipt hash; null if no answer
   * of this round has it. Once the round is revealed nothing is stored (the
   * caller updates the board) and the match says so.
   */
  editAnswer(boardId: string, roundId: string, receiptHash: string, text: string, lang: string | null): Promise<ReceiptMatch | null>;
  /** Deletes an answer by receipt hash; null if no answer of this round has it. */
  withdrawAnswer(boardId: string, roundId: string, receiptHash: string): Promise<ReceiptMatch | null>;
  /** The answer a receipt hash names on this board, in any round. */
  findByReceipt(boardId: string, receiptHash: string): Promise<ReceiptMatch | null>;
  /** A round's answers in id order (random), never arrival order. */
  listAnswers(boardId: string, roundId: string): Promise<StoredAnswer[]>;
  /**
   * Moves a round to `closed` or `revealed` if it is in one of `from`;
   * false otherwise. `revealed` also forgets every answer's text and lang
   * (keeping ids and receipt hashes, for edits and lookups by receipt).
   */
  setState(boardId: string, roundId: string, state: 'closed' | 'revealed', from: readonly RoundState[]): Promise<boolean>;
  setPublishedCount(boardId: string, roundId: string, count: number): Promise<void>;
  /** Forgets every round and answer of a board (it is being erased, server/src/privacy); resolves once durable. */
  deleteBoard(boardId: string): Promise<void>;
  /** Lets writes already made finish, then releases resources. */
  close(): Promise<void>;
}
