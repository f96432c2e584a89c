import type { DocKind, Role } from '@clapboard/shared';

/** Identifies one Yjs document: a board's content or its control state. */
export interface DocKey {
  readonly boardId: string;
  readonly doc: DocKind;
}

export function docKeyString(key: DocKey): string {
  return `${key.boardId}:${key.doc}`;
}

export interface BoardRecord {
  id: string;
  title: string;
}

export interface NewBoard {
  id: string;
  title: string;
  /** SHA-256 hashes of the capability tokens, by role. The tokens themselves are never stored. */
  tokenHashes: Record<Role, string>;
  /** First update of each document (written by the server's own Yjs client). */
  initialUpdates: Record<DocKind, Uint8Array>;
}

/**
 * What was stored for one document: an optional compacted snapshot followed
 * by the updates appended since, in order. Replaying them all into a fresh
 * Y.Doc gives the document.
 */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last update (or of the snapshot's last folded update); 0 if none. */
  lastSeq: number;
}

export interface CompactionResult {
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
  /** The role a token hash grants on a board, or null. */
  roleForTokenHash(boardId: string, tokenHash: string): Promise<Role | null>;

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
   * Replaces the snapshot and every update with seq <= throughSeq by `snapshot`,
   * atomically. `snapshot` must contain everything those rows contained.
   */
  compactDocument(key: DocKey, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /**
   * Optional: folds the stored log into a snapshot by itself — replays the
   * stored snapshot and updates into a fresh Y.Doc, re-encodes it and calls
   * the equivalent of `compactDocument` — so that it can do the replay off
   * the main thread. Without it, `compactDocument()` in sync/compaction.ts
   * replays on the calling thread.
   */
  compactLog?(key: DocKey): Promise<CompactionResult>;
  /** Number of log rows (not counting the snapshot) for a document. */
  countUpdates(key: DocKey): Promise<number>;

  /** Finishes pending appends (they resolve or reject before this resolves) and releases resources. */
  close(): Promise<void>;
}
