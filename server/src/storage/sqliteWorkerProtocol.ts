import type { DocKind, LinkRole, RoundState } from '@clapboard/shared';
import type { NewAnswer, NewRound } from '../rounds/RoundStore.ts';
import type { NewVote } from '../votes/VoteStore.ts';
import type { FoldedRead, NewBoard } from './BoardStore.ts';

/**
 * Messages between SqliteBoardStore (main thread) and its worker threads
 * (sqliteWorker.mjs). Every request carries an id; the worker answers each
 * exactly once, in the order it received them.
 */

export type WorkerRole = 'writer' | 'folder';

export interface WorkerConfig {
  role: WorkerRole;
  filename: string;
  synchronous: 'FULL' | 'NORMAL';
}

export interface AppendItem {
  boardId: string;
  doc: DocKind;
  update: Uint8Array;
}

/** One change to a round's answers; answered with an AddAnswerOutcome (add) or a ReceiptMatch | null (edit, withdraw). */
export type RoundAnswerMutation =
  | { kind: 'add'; boardId: string; roundId: string; answer: NewAnswer; maxAnswers: number }
  | { kind: 'edit'; boardId: string; roundId: string; receiptHash: string; text: string; lang: string | null }
  | { kind: 'withdraw'; boardId: string; roundId: string; receiptHash: string };

/** One change to a vote (server/src/votes/voteTally.mjs); answered with `created`, a CastOutcome, a RedeemOutcome or `closed`. */
export type VoteMutation =
  | { kind: 'create'; vote: NewVote }
  | { kind: 'cast'; boardId: string; voteId: string; ballotHash: string; choices: readonly string[] }
  | { kind: 'redeem'; boardId: string; voteId: string; codeHash: string }
  | { kind: 'close'; boardId: string; voteId: string };

/** One change to the receipts of anonymous notes; answered with an AddNoteOutcome (add) or the note's answerId | null (remove). */
export type AnonymousNoteMutation =
  | { kind: 'add'; boardId: string; receiptHash: string; answerId: string; maxPerBoard: number }
  | { kind: 'remove'; boardId: string; receiptHash: string };

/** One change to a board's links (storage/sqliteLinkWriter.mjs); answered with an AddLinkOutcome, a LinkRole | null (rotate) or a RevokeLinkOutcome. */
export type LinkMutation =
  | { kind: 'add'; boardId: string; tokenHash: string; role: LinkRole; maxLinks: number }
  | { kind: 'rotate'; boardId: string; tokenHash: string; newHash: string }
  | { kind: 'revoke'; boardId: string; tokenHash: string };

/** A monitoring response or a contact (server/src/privacy/sqlitePrivacyWriter.mjs); answered `added`, `missing` (no such board) or `full`. */
export type PrivacyMutation =
  | { kind: 'monitoring'; boardId: string; answers: Record<string, string>; groupSize: number; maxResponses: number }
  | { kind: 'contact'; boardId: string; contact: string; maxContacts: number };

/** Answer to `eraseBoards`: the ids that existed, and whether the WAL was emptied after the VACUUM. */
export interface EraseResult {
  erased: string[];
  reclaimed: boolean;
}

export type WorkerRequest =
  /** Writer: one group of appends; the worker commits every group it has received in one transaction. */
  | { id: number; op: 'append'; items: AppendItem[] }
  | { id: number; op: 'createBoard'; board: NewBoard }
  /** Writer: replaces the snapshot and deletes the rows it folds (see BoardStore.compactDocument); answers a CompactOutcome. */
  | { id: number; op: 'compact'; boardId: string; doc: DocKind; snapshot: Uint8Array; folded: FoldedRead }
  /** Folder: reads the document and replays it into a fresh Y.Doc; writes nothing. */
  | { id: number; op: 'fold'; boardId: string; doc: DocKind }
  /** Writer and folder: close the connection after everything received before, then exit. */
  | { id: number; op: 'close' }
  /** Writer: anonymous rounds (server/src/rounds/sqliteRoundWriter.mjs). Consecutive `roundAnswers` share one transaction and one WAL truncation. */
  | { id: number; op: 'roundAnswers'; items: RoundAnswerMutation[] }
  | { id: number; op: 'createRound'; round: NewRound }
  | { id: number; op: 'setRoundState'; boardId: string; roundId: string; state: 'closed' | 'revealed'; from: readonly RoundState[] }
  | { id: number; op: 'setPublishedCount'; boardId: string; roundId: string; count: number }
  /** Writer: anonymous votes (server/src/votes/sqliteVoteWriter.mjs). Consecutive `voteMutations` share one transaction and one WAL truncation. */
  | { id: number; op: 'voteMutations'; items: VoteMutation[] }
  /** Writer: receipts of anonymous notes (server/src/anonymousNotes/sqliteAnonymousNoteWriter.mjs), one transaction per request. */
  | { id: number; op: 'anonymousNotes'; items: AnonymousNoteMutation[] }
  /** Writer: one change to a board's links, in its own transaction. */
  | { id: number; op: 'links'; mutation: LinkMutation }
  /**
   * Writer: erases boards and every row keyed by them (server/src/privacy),
   * then VACUUM and a TRUNCATE checkpoint; answers an EraseResult.
   * `reclaim: false` (tests only) skips the VACUUM and checkpoint.
   */
  | { id: number; op: 'eraseBoards'; boardIds: string[]; reclaim?: boolean }
  /** Writer: one board's rows in the named tables only (a sibling store's deleteBoard). */
  | { id: number; op: 'eraseRows'; boardId: string; tables: string[] }
  /** Writer: a board's retention date; answers whether the board exists. */
  | { id: number; op: 'setRetention'; boardId: string; deleteOn: string }
  /** Writer: monitoring responses and contacts. Consecutive `privacyMutations` share one transaction and one WAL truncation. */
  | { id: number; op: 'privacyMutations'; items: PrivacyMutation[] }
  /** Writer, tests only: the thread exits at its next append commit, before BEGIN, as a crash would. */
  | { id: number; op: 'crashBeforeNextCommit' };

export type WorkerRequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface FoldResult {
  /** Null when there was nothing to fold. */
  snapshot: Uint8Array | null;
  /** The read the snapshot folds, to hand to the writer's compact. */
  folded: FoldedRead;
  foldedUpdates: number;
  snapshotBytes: number;
}

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
}

export type WorkerResponse = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: SerializedError };
