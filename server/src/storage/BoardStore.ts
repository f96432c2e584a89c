import type { CreationRole, DocKind, LinkRole, Role } from '@clapboard/shared';

/** Identifies one Yjs document: a board's content or its control state. */
export interface DocKey {
  readonly boardId: string;
  readonly doc: DocKind;
}

export function docKeyString(key: DocKey): string {
  return `${key.boardId}:${key.doc}`;
}

/**
 * A board as storage knows it: its id. Its title lives in its control
 * document (`settings.title`), like everything people can change.
 */
export interface BoardRecord {
  id: string;
}

export interface NewBoard {
  id: string;
  /** SHA-256 hashes of the capability tokens, by role. The tokens themselves are never stored. */
  tokenHashes: Record<CreationRole, string>;
  /** First update of each document (written by the server's own Yjs client). */
  initialUpdates: Record<DocKind, Uint8Array>;
  /**
   * Its retention date (`YYYY-MM-DD`, UTC): the day it is erased
   * (server/src/privacy). Optional only for stores' own tests; a board
   * stored without one is dated by the first retention sweep.
   */
  deleteOn?: string;
}

/** One link of a board as storage knows it: the hash of its token (never the token) and its role. */
export interface StoredLink {
  tokenHash: string;
  /** `public`: a published "You said, we did" link, which reads that page only (server/src/saidDid). */
  role: LinkRole;
}

/** `full`: the board already has as many links as it may. */
export type AddLinkOutcome = 'added' | 'full';

/**
 * `not-found`: no such token on this board. `last-facilitator`: it is the
 * board's only facilitator link; nobody could run the board without it.
 */
export type RevokeLinkOutcome = 'revoked' | 'not-found' | 'last-facilitator';

/**
 * What was stored for one document, read in one consistent read: an
 * optional compacted snapshot followed by the log rows not folded into it,
 * in sequence order. Replaying them all into a fresh Y.Doc gives the
 * document (Yjs updates commute, so the order is for tidiness, not meaning).
 */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** The sequence number of each of `updates`, index for index: how a compaction names the rows it folded. */
  seqs: number[];
  /**
   * Which snapshot this read saw: 0 for none. Every compaction that commits
   * gives the document a new version, so a compaction of this read can tell
   * whether another one committed since (see compactDocument).
   */
  snapshotVersion: number;
  /**
   * Highest sequence number read (of `updates`, or else folded into the
   * snapshot); 0 if none. Not a compaction bound: with several writers a
   * lower seq can commit after a higher one (see compactDocument).
   */
  lastSeq: number;
}

/** What a compaction replayed: the read it folded. A StoredDocument is one. */
export type FoldedRead = Pick<StoredDocument, 'snapshotVersion' | 'seqs'>;

/**
 * `compacted`: the snapshot was replaced and the folded rows deleted.
 * `superseded`: another compaction committed after the read; nothing changed.
 */
export type CompactOutcome = 'compacted' | 'superseded';

export interface CompactionResult {
  /** Log rows this compaction folded and deleted; 0 if there were none, or it was superseded. */
  foldedUpdates: number;
  snapshotBytes: number;
}

/**
 * Durable storage of boards. One contract test suite (tests/storage/boardStoreContract.ts)
 * runs against every implementation; a Postgres one joins it later.
 *
 * Storage holds no link between an update and who sent it: no connection,
 * address, client id or time is recorded with an update.
 */
export interface BoardStore {
  createBoard(board: NewBoard): Promise<void>;
  getBoard(boardId: string): Promise<BoardRecord | null>;
  /** The role a token hash grants on a board, or null. `public` is not a board role: see auth/boardAccess.ts. */
  roleForTokenHash(boardId: string, tokenHash: string): Promise<LinkRole | null>;

  /** Every link of a board (co-facilitators, docs/protocol.md "Links"), in no particular order. */
  listLinks(boardId: string): Promise<StoredLink[]>;
  /** Adds a link, unless the board already has `maxLinks`; the count is taken in the same transaction as the insert. */
  addLink(boardId: string, link: StoredLink, maxLinks: number): Promise<AddLinkOutcome>;
  /**
   * Replaces one link's token by another, keeping its role, in one
   * transaction (the old token stops working as the new one starts). The
   * role, or null when `oldHash` is not a link of this board.
   */
  rotateLink(boardId: string, oldHash: string, newHash: string): Promise<LinkRole | null>;
  /**
   * Removes a link. Refuses to remove a board's last facilitator link,
   * counting in the same transaction, so two revocations at once cannot
   * both pass the check and leave none.
   */
  revokeLink(boardId: string, tokenHash: string): Promise<RevokeLinkOutcome>;

  /** The snapshot and the log, from one read (one transaction), so the two agree. */
  loadDocument(key: DocKey): Promise<StoredDocument>;
  /**
   * Appends one update to a document's log. Resolves with its sequence number
   * once the update is durable (committed, and fsynced where configured);
   * implementations group concurrent appends into one commit. Promises
   * resolve in the order appends were made. A rejected append may or may not
   * have been stored (Yjs updates are idempotent, so resending is safe); a
   * resolved one always was.
   */
  appendUpdate(key: DocKey, update: Uint8Array): Promise<number>;
  /**
   * Folds one read of the document into `snapshot`: replaces the stored
   * snapshot by it and deletes exactly the log rows whose seqs `folded`
   * names, in one transaction. `snapshot` must contain the read's snapshot
   * and every row it names.
   *
   * What it may delete is only those rows. Never a range such as "every seq
   * up to the highest read": sequence order is not commit order once several
   * processes write (PostgreSQL hands out seqs when a row is inserted, not
   * when it commits), so a row with a lower seq than the highest read may
   * commit after the read; it is in no snapshot and must stay in the log.
   * Rows appended after the read stay too, whatever their seq.
   *
   * It applies only if the document's snapshot is still the one the read saw
   * (`folded.snapshotVersion`). Otherwise another compaction committed in
   * between: its snapshot may hold rows this one lacks, which it has already
   * deleted, so replacing it would lose them. Then nothing changes and this
   * resolves `superseded`.
   *
   * In PostgreSQL terms: UPDATE the snapshot row WHERE version = the read's,
   * bumping the version (INSERT … ON CONFLICT DO NOTHING if the read saw
   * none); only if that touched a row, DELETE … WHERE seq = ANY(the folded
   * seqs); then commit.
   */
  compactDocument(key: DocKey, snapshot: Uint8Array, folded: FoldedRead): Promise<CompactOutcome>;
  /**
   * Optional: folds the stored log into a snapshot by itself — reads the
   * document, replays the snapshot and updates into a fresh Y.Doc, re-encodes
   * it and calls the equivalent of `compactDocument` with that read — so that
   * it can do the replay off the main thread. Without it, `compactDocument()`
   * in sync/compaction.ts replays on the calling thread.
   */
  compactLog?(key: DocKey): Promise<CompactionResult>;
  /** Number of log rows (not counting the snapshot) for a document. */
  countUpdates(key: DocKey): Promise<number>;

  /** A board's retention date (`YYYY-MM-DD`), or null if it has none yet or does not exist. */
  retentionDate(boardId: string): Promise<string | null>;
  /** Sets a board's retention date; false if there is no such board. */
  setRetentionDate(boardId: string, deleteOn: string): Promise<boolean>;
  /** Boards whose retention date is `today` (`YYYY-MM-DD`) or earlier: the sweep's work list. */
  listBoardsDue(today: string): Promise<string[]>;
  /** Boards stored without a retention date (before there were any), for the sweep to date. */
  listUndatedBoards(): Promise<string[]>;
  /**
   * Erases a board and every trace of it this store holds: the board, its
   * tokens, both documents' logs and snapshots, and (for a store that shares
   * its database with others, as SQLite does) every row of every table keyed
   * by the board. Then reclaims the space, so that no byte of what was
   * erased stays in any file: not tombstoned, not in free pages, not in a
   * write-ahead log. False if there was no such board.
   */
  deleteBoard(boardId: string): Promise<boolean>;

  /** Finishes pending appends (they resolve or reject before this resolves) and releases resources. */
  close(): Promise<void>;
}
