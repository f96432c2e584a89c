import path from 'node:path';
import type Database from 'better-sqlite3';
import { LinkRoleSchema, type LinkRole } from '@clapboard/shared';
import type {
  AddLinkOutcome,
  BoardRecord,
  BoardStore,
  CompactionResult,
  CompactOutcome,
  DocKey,
  FoldedRead,
  NewBoard,
  RevokeLinkOutcome,
  StoredDocument,
  StoredLink,
} from './BoardStore.ts';
import { ensurePrivateDatabaseFile, ensurePrivateDirectory } from './privateFiles.ts';
import { documentReader, openConnection, SQL } from './sqliteShared.mjs';
import { migrateSqlite } from './sqliteSchema.ts';
import type { AppendItem, EraseResult, FoldResult, WorkerRequestBody } from './sqliteWorkerProtocol.ts';
import { PRIVACY_SQL } from '../privacy/sqlitePrivacyShared.mjs';
import { StorageWorkerError, WorkerLink } from './sqliteWorkerLink.ts';

export { StorageWorkerError } from './sqliteWorkerLink.ts';

export interface SqliteStoreOptions {
  /** Database file (created if missing). Several connections share it, so ':memory:' is not supported. */
  filename: string;
  synchronous?: 'FULL' | 'NORMAL';
  /** The compaction thread stops after this long idle (see WorkerLinkOptions.idleExitMs); default: it stays. */
  foldThreadIdleMs?: number;
  /** The same for the writer thread; default: it starts with the store and stays. */
  writeThreadIdleMs?: number;
}

interface PendingAppend {
  item: AppendItem;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

/**
 * The embedded default store. better-sqlite3 is synchronous, so every write
 * happens on a worker thread (sqliteWorker.mjs) and the event loop never
 * waits for a commit or its fsync:
 *
 * - Appends made in one turn of the event loop are posted to the writer
 *   thread as one group. Groups that reach it while it is committing are
 *   committed together next: one transaction, one fsync, however many
 *   writers. Each append's promise resolves only when the writer reports
 *   its transaction committed; if the writer fails or dies first, it
 *   rejects. Never the other way round.
 * - Compaction's read and Y.Doc replay run on a second, read-only thread;
 *   the snapshot it produces is written by the writer, in order with appends.
 * - Reads (boards, tokens, loading a document) use a connection on the main
 *   thread: in WAL mode they never wait for the writer, and a document read
 *   first waits for appends made before it, so a caller reads its own writes.
 * - close() lets every append made before it commit, then stops the threads.
 */
export class SqliteBoardStore implements BoardStore {
  private readonly db: Database.Database;
  private readonly writer: WorkerLink;
  private readonly folder: WorkerLink;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  /** Settles (never rejects) once the last append group posted so far is answered. */
  private lastGroup: Promise<void> = Promise.resolve();
  private readonly compactions = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;
  private readonly siblings = new Set<{ close(): Promise<void> }>();
  /** While siblings close, their last writes still go through. */
  private closingSiblings = false;
  private readonly statements;
  private readonly readDocument: (key: DocKey) => StoredDocument;

  constructor(options: SqliteStoreOptions) {
    if (options.filename === ':memory:') throw new Error('SqliteBoardStore needs a database file; use MemoryBoardStore for throwaway stores');
    ensurePrivateDirectory(path.dirname(options.filename));
    ensurePrivateDatabaseFile(options.filename);
    const synchronous = options.synchronous ?? 'FULL';
    // Opened and migrated here, synchronously, so a bad path or schema fails at start-up.
    this.db = openConnection(options.filename, synchronous);
    migrateSqlite(this.db);
    this.statements = {
      getBoard: this.db.prepare(SQL.getBoard),
      roleForToken: this.db.prepare(SQL.roleForToken),
      listLinks: this.db.prepare(SQL.listLinks),
      countUpdates: this.db.prepare(SQL.countUpdates),
      retention: this.db.prepare(PRIVACY_SQL.selectRetention),
      due: this.db.prepare(PRIVACY_SQL.selectDue).pluck(),
      undated: this.db.prepare(PRIVACY_SQL.selectUndated).pluck(),
    };
    this.readDocument = documentReader(this.db);
    // An idle writer is an isolate of its own (about 10 MiB): a server with
    // nothing to write may let it stop, and pays a thread start (tens of ms)
    // on the next write.
    this.writer = new WorkerLink({ role: 'writer', filename: options.filename, synchronous }, { idleExitMs: options.writeThreadIdleMs });
    // A fold replays a whole document into a Y.Doc: a heap the size of the
    // board that an idle thread would keep committed, so the folder may stop
    // when idle and start again (tens of ms, off the main thread) for the next.
    this.folder = new WorkerLink({ role: 'folder', filename: options.filename, synchronous }, { idleExitMs: options.foldThreadIdleMs });
    // Otherwise the writer starts now, so the first append does not wait for it to load.
    if (options.writeThreadIdleMs === undefined) this.writer.start();
    if (options.foldThreadIdleMs === undefined) this.folder.start();
  }

  async createBoard(board: NewBoard): Promise<void> {
    this.assertOpen();
    await this.writer.request({ op: 'createBoard', board });
  }

  async getBoard(boardId: string): Promise<BoardRecord | null> {
    return (this.statements.getBoard.get(boardId) as BoardRecord | undefined) ?? null;
  }

  async roleForTokenHash(boardId: string, tokenHash: string): Promise<LinkRole | null> {
    const row = this.statements.roleForToken.get(tokenHash, boardId) as { role: string } | undefined;
    return row ? LinkRoleSchema.parse(row.role) : null;
  }

  async listLinks(boardId: string): Promise<StoredLink[]> {
    const rows = this.statements.listLinks.all(boardId) as Array<{ tokenHash: string; role: string }>;
    return rows.map((row) => ({ tokenHash: row.tokenHash, role: LinkRoleSchema.parse(row.role) }));
  }

  async addLink(boardId: string, link: StoredLink, maxLinks: number): Promise<AddLinkOutcome> {
    this.assertOpen();
    return this.writer.request<AddLinkOutcome>({ op: 'links', mutation: { kind: 'add', boardId, tokenHash: link.tokenHash, role: link.role, maxLinks } });
  }

  async rotateLink(boardId: string, oldHash: string, newHash: string): Promise<LinkRole | null> {
    this.assertOpen();
    const role = await this.writer.request<string | null>({ op: 'links', mutation: { kind: 'rotate', boardId, tokenHash: oldHash, newHash } });
    return role === null ? null : LinkRoleSchema.parse(role);
  }

  async revokeLink(boardId: string, tokenHash: string): Promise<RevokeLinkOutcome> {
    this.assertOpen();
    return this.writer.request<RevokeLinkOutcome>({ op: 'links', mutation: { kind: 'revoke', boardId, tokenHash } });
  }

  async loadDocument(key: DocKey): Promise<StoredDocument> {
    await this.appendsMadeSoFar();
    return this.readDocument(key);
  }

  appendUpdate(key: DocKey, update: Uint8Array): Promise<number> {
    if (this.closing) return Promise.reject(new StorageWorkerError('store is closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ item: { boardId: key.boardId, doc: key.doc, update }, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate runs after the poll phase, so every websocket message
        // read in this loop iteration is already queued: that is the group.
        setImmediate(() => this.flush());
      }
    });
  }

  async compactDocument(key: DocKey, snapshot: Uint8Array, folded: FoldedRead): Promise<CompactOutcome> {
    this.assertOpen();
    // Only the two fields cross to the thread, not a whole StoredDocument passed as `folded`.
    const read: FoldedRead = { snapshotVersion: folded.snapshotVersion, seqs: folded.seqs };
    return this.writer.request<CompactOutcome>({ op: 'compact', boardId: key.boardId, doc: key.doc, snapshot, folded: read });
  }

  /** Compaction with the read and the replay on the folder thread and the write on the writer. */
  compactLog(key: DocKey): Promise<CompactionResult> {
    if (this.closing) return Promise.reject(new StorageWorkerError('store is closed'));
    const task = (async () => {
      const folded = await this.folder.request<FoldResult>({ op: 'fold', boardId: key.boardId, doc: key.doc });
      if (!folded.snapshot) return { foldedUpdates: 0, snapshotBytes: folded.snapshotBytes };
      const { snapshot } = folded;
      const outcome = await this.writer.request<CompactOutcome>({ op: 'compact', boardId: key.boardId, doc: key.doc, snapshot, folded: folded.folded }, [
        snapshot.buffer as ArrayBuffer,
      ]);
      if (outcome === 'superseded') return { foldedUpdates: 0, snapshotBytes: 0 };
      return { foldedUpdates: folded.foldedUpdates, snapshotBytes: folded.snapshotBytes };
    })();
    this.compactions.add(task);
    void task.catch(() => {}).finally(() => this.compactions.delete(task));
    return task;
  }

  async countUpdates(key: DocKey): Promise<number> {
    await this.appendsMadeSoFar();
    return (this.statements.countUpdates.get(key.boardId, key.doc) as { n: number }).n;
  }

  async retentionDate(boardId: string): Promise<string | null> {
    return (this.statements.retention.get(boardId) as { deleteOn: string | null } | undefined)?.deleteOn ?? null;
  }

  async setRetentionDate(boardId: string, deleteOn: string): Promise<boolean> {
    this.assertOpen();
    return this.writer.request<boolean>({ op: 'setRetention', boardId, deleteOn });
  }

  async listBoardsDue(today: string): Promise<string[]> {
    return this.statements.due.all(today) as string[];
  }

  async listUndatedBoards(): Promise<string[]> {
    return this.statements.undated.all() as string[];
  }

  /**
   * One transaction on the writer deletes the board's rows from every table
   * that has a board_id column (the rounds', votes', notes', monitoring and
   * contact tables share this file), then VACUUM and a TRUNCATE checkpoint
   * (server/src/privacy/sqlitePrivacyWriter.mjs). Appends made before it
   * commit first, in order, and are erased with the rest.
   */
  async deleteBoard(boardId: string): Promise<boolean> {
    return (await this.eraseBoards([boardId])).erased.includes(boardId);
  }

  /**
   * Several boards in one transaction and one VACUUM (the retention sweep).
   * `reclaim: false` is for tests only: it skips the VACUUM and checkpoint,
   * to show that without them erased bytes stay on disk.
   */
  async eraseBoards(boardIds: string[], options: { reclaim?: boolean } = {}): Promise<EraseResult> {
    this.assertOpen();
    this.flush();
    return this.writer.request<EraseResult>({ op: 'eraseBoards', boardIds, ...(options.reclaim === false ? { reclaim: false } : {}) });
  }

  /**
   * Graceful: appends already made still commit (and their promises settle)
   * before the threads stop; appends made after this call reject.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closingSiblings = true;
      await Promise.allSettled([...this.siblings].map((sibling) => sibling.close()));
      this.closingSiblings = false;
      await Promise.allSettled(this.compactions);
      this.flush();
      await this.writer.close();
      await this.folder.close();
      this.db.close();
    })();
    return this.closing;
  }

  /**
   * For a store that keeps its own tables in this database file
   * (SqliteRoundStore): the main-thread read connection and requests to the
   * one writer thread, so it writes in order with appends and never from
   * the main thread. `sibling.close()` runs first when this store closes.
   */
  shareDatabase(sibling: { close(): Promise<void> }): { read: Database.Database; write: <T>(body: WorkerRequestBody) => Promise<T> } {
    this.siblings.add(sibling);
    return {
      read: this.db,
      write: <T>(body: WorkerRequestBody) => {
        if (this.closing && !this.closingSiblings) return Promise.reject(new StorageWorkerError('store is closed'));
        return this.writer.request<T>(body);
      },
    };
  }

  /** Test hook: whether the writer or the compaction thread is running (either may stop when idle). */
  threadRunningForTesting(role: 'writer' | 'folder'): boolean {
    return (role === 'writer' ? this.writer : this.folder).threadRunning;
  }

  /** Test hook: kills the writer thread at whatever point it is; unanswered appends reject. */
  killWriterForTesting(): Promise<void> {
    return this.writer.kill();
  }

  /**
   * Test hook: the writer thread exits when it next tries to commit appends,
   * before the transaction begins, so the appends of that commit (and any
   * queued behind it) are in flight when it dies. The next request starts a
   * fresh thread.
   */
  crashWriterBeforeNextCommitForTesting(): void {
    void this.writer.request({ op: 'crashBeforeNextCommit' }).catch(() => {});
  }

  private assertOpen(): void {
    if (this.closing) throw new StorageWorkerError('store is closed');
  }

  /** Posts the queued appends now and waits until every group posted so far is answered. */
  private async appendsMadeSoFar(): Promise<void> {
    this.flush();
    await this.lastGroup;
  }

  private flush(): void {
    this.flushScheduled = false;
    const group = this.pending;
    if (group.length === 0) return;
    this.pending = [];
    const answered = this.writer.request<number[]>({ op: 'append', items: group.map((append) => append.item) }).then(
      (seqs) => group.forEach((append, index) => append.resolve(seqs[index]!)),
      (error: unknown) => group.forEach((append) => append.reject(error)),
    );
    this.lastGroup = answered;
  }
}
