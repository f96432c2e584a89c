import type Database from 'better-sqlite3';
import type { SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import type { AnonymousNoteMutation, WorkerRequestBody } from '../storage/sqliteWorkerProtocol.ts';
import { StorageWorkerError } from '../storage/sqliteWorkerLink.ts';
import { WriterBatch } from '../storage/WriterBatch.ts';
import type { AddNoteOutcome, AnonymousNoteStore } from './AnonymousNoteStore.ts';
import { ANONYMOUS_NOTE_SQL } from './sqliteAnonymousNoteShared.mjs';

/**
 * Receipts of anonymous notes in the boards' SQLite file (table
 * `anonymous_notes`, storage/sqliteSchema.ts). Writes go to
 * SqliteBoardStore's writer thread, so the main thread never waits for a
 * lock or an fsync; reads use its main-thread connection. The changes made
 * in one turn of the event loop go to the writer as one request and commit
 * in one transaction: a room adding notes at once costs a few commits.
 */
export class SqliteAnonymousNoteStore implements AnonymousNoteStore {
  private readonly read: Database.Database;
  private readonly write: <T>(body: WorkerRequestBody) => Promise<T>;
  private readonly select: Database.Statement;
  private readonly batch: WriterBatch<AnonymousNoteMutation>;

  constructor(boards: SqliteBoardStore) {
    ({ read: this.read, write: this.write } = boards.shareDatabase(this));
    this.select = this.read.prepare(ANONYMOUS_NOTE_SQL.select);
    this.batch = new WriterBatch((items) => this.write<unknown[]>({ op: 'anonymousNotes', items }));
  }

  add(boardId: string, receiptHash: string, answerId: string, maxPerBoard: number): Promise<AddNoteOutcome> {
    return this.mutate({ kind: 'add', boardId, receiptHash, answerId, maxPerBoard });
  }

  async find(boardId: string, receiptHash: string): Promise<string | null> {
    const row = this.select.get(boardId, receiptHash) as { answer_id: string } | undefined;
    return row?.answer_id ?? null;
  }

  remove(boardId: string, receiptHash: string): Promise<string | null> {
    return this.mutate({ kind: 'remove', boardId, receiptHash });
  }

  /** Its rows only; SqliteBoardStore.deleteBoard erases every table keyed by the board again, and reclaims the space. */
  deleteBoard(boardId: string): Promise<void> {
    if (this.batch.isClosed) return Promise.reject(new StorageWorkerError('store is closed'));
    return this.batch.track(this.write({ op: 'eraseRows', boardId, tables: ['anonymous_notes'] }));
  }

  /** Writes made before this still commit; writes after it reject. */
  close(): Promise<void> {
    return this.batch.close();
  }

  private mutate<T>(item: AnonymousNoteMutation): Promise<T> {
    return this.batch.add<T>(item);
  }
}
