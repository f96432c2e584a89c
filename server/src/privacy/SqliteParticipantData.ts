import type Database from 'better-sqlite3';
import type { CompleteMonitoringAnswers } from '@clapboard/shared';
import type { SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import { StorageWorkerError } from '../storage/sqliteWorkerLink.ts';
import type { PrivacyMutation, WorkerRequestBody } from '../storage/sqliteWorkerProtocol.ts';
import { WriterBatch } from '../storage/WriterBatch.ts';
import type { AddParticipantDataOutcome, ContactStore, MonitoringState, MonitoringStore } from './participantDataStores.ts';
import { PRIVACY_SQL } from './sqlitePrivacyShared.mjs';

/**
 * The two stores below share SqliteBoardStore's file and writer thread, like
 * the rounds (../rounds/SqliteRoundStore.ts): writes made in one turn of the
 * event loop go as one request, the writer commits every such request that
 * reached it while busy in one transaction and then truncates the WAL, so
 * the WAL never holds a board's counts (or contact list) as they were
 * before each response, which would give away what each one added.
 */
abstract class SqliteParticipantData {
  protected readonly db: Database.Database;
  private readonly write: <T>(body: WorkerRequestBody) => Promise<T>;
  private readonly batch: WriterBatch<PrivacyMutation>;

  constructor(boards: SqliteBoardStore, private readonly table: string) {
    ({ read: this.db, write: this.write } = boards.shareDatabase(this));
    this.batch = new WriterBatch((items) => this.write<unknown[]>({ op: 'privacyMutations', items }));
  }

  /** Its rows only; SqliteBoardStore.deleteBoard erases every table keyed by the board again, and reclaims the space. */
  deleteBoard(boardId: string): Promise<void> {
    if (this.batch.isClosed) return Promise.reject(new StorageWorkerError('store is closed'));
    return this.batch.track(this.write({ op: 'eraseRows', boardId, tables: [this.table] }));
  }

  /** Writes made before this still commit; writes after it reject. */
  close(): Promise<void> {
    return this.batch.close();
  }

  protected mutate(item: PrivacyMutation): Promise<AddParticipantDataOutcome> {
    return this.batch.add<AddParticipantDataOutcome>(item);
  }
}

/** Table `monitoring_counts` (storage/sqliteSchema.ts, migration 9). */
export class SqliteMonitoringStore extends SqliteParticipantData implements MonitoringStore {
  private readonly select: Database.Statement;

  constructor(boards: SqliteBoardStore) {
    super(boards, 'monitoring_counts');
    this.select = this.db.prepare(PRIVACY_SQL.selectMonitoring);
  }

  add(boardId: string, answers: CompleteMonitoringAnswers, limits: { groupSize: number; maxResponses: number }): Promise<AddParticipantDataOutcome> {
    return this.mutate({ kind: 'monitoring', boardId, answers, ...limits });
  }

  async read(boardId: string): Promise<MonitoringState | null> {
    const row = this.select.get(boardId) as { released: number; pending: number; releasedCounts: string; pendingCounts: string } | undefined;
    if (!row) return null;
    return { released: row.released, pending: row.pending, releasedCounts: JSON.parse(row.releasedCounts), pendingCounts: JSON.parse(row.pendingCounts) };
  }
}

/** Table `contacts` (storage/sqliteSchema.ts, migration 9). */
export class SqliteContactStore extends SqliteParticipantData implements ContactStore {
  private readonly select: Database.Statement;

  constructor(boards: SqliteBoardStore) {
    super(boards, 'contacts');
    this.select = this.db.prepare(PRIVACY_SQL.selectContacts);
  }

  add(boardId: string, contact: string, maxContacts: number): Promise<AddParticipantDataOutcome> {
    return this.mutate({ kind: 'contact', boardId, contact, maxContacts });
  }

  async list(boardId: string): Promise<string[]> {
    const row = this.select.get(boardId) as { contacts: string } | undefined;
    return row ? (JSON.parse(row.contacts) as string[]) : [];
  }
}
