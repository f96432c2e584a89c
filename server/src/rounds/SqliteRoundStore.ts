import type Database from 'better-sqlite3';
import type { RoundState } from '@clapboard/shared';
import type { SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import { StorageWorkerError } from '../storage/sqliteWorkerLink.ts';
import type { RoundAnswerMutation, WorkerRequestBody } from '../storage/sqliteWorkerProtocol.ts';
import { WriterBatch } from '../storage/WriterBatch.ts';
import type { AddAnswerOutcome, NewAnswer, NewRound, ReceiptMatch, RoundStore, StoredAnswer, StoredRound } from './RoundStore.ts';
import { parseAnswerSet, ROUND_SQL, roundFromRow } from './sqliteRoundShared.mjs';

/**
 * Rounds in the boards' SQLite file (tables: sqliteSchema.ts, migration 4).
 * Every write goes to SqliteBoardStore's writer thread, so the main thread
 * never waits for a lock or an fsync; reads use its main-thread connection.
 *
 * Answer changes made in one turn of the event loop go to the writer as
 * one request, and the writer commits every such request that reached it
 * while it was busy in one transaction, followed by one WAL truncation
 * (sqliteWorker.mjs): fifty people answering at once cost a few commits,
 * not fifty.
 */
export class SqliteRoundStore implements RoundStore {
  private readonly read: Database.Database;
  private readonly write: <T>(body: WorkerRequestBody) => Promise<T>;
  private readonly batch: WriterBatch<RoundAnswerMutation>;
  private readonly statements;

  constructor(boards: SqliteBoardStore) {
    ({ read: this.read, write: this.write } = boards.shareDatabase(this));
    this.batch = new WriterBatch((items) => this.write<unknown[]>({ op: 'roundAnswers', items }));
    this.statements = {
      selectRound: this.read.prepare(ROUND_SQL.selectRound),
      selectRoundsInState: this.read.prepare(ROUND_SQL.selectRoundsInState),
      selectAnswerSet: this.read.prepare(ROUND_SQL.selectAnswerSet),
      selectBoardAnswerSets: this.read.prepare(ROUND_SQL.selectBoardAnswerSets),
    };
  }

  createRound(round: NewRound): Promise<void> {
    if (this.batch.isClosed) return Promise.reject(new StorageWorkerError('store is closed'));
    return this.batch.track(this.write({ op: 'createRound', round }));
  }

  async getRound(boardId: string, roundId: string): Promise<StoredRound | null> {
    const row = this.statements.selectRound.get(boardId, roundId);
    return row ? roundFromRow(row) : null;
  }

  async listRounds(state: RoundState): Promise<StoredRound[]> {
    return this.statements.selectRoundsInState.all(state).map(roundFromRow);
  }

  addAnswer(boardId: string, roundId: string, answer: NewAnswer, maxAnswers: number): Promise<AddAnswerOutcome> {
    return this.mutate({ kind: 'add', boardId, roundId, answer, maxAnswers });
  }

  editAnswer(boardId: string, roundId: string, receiptHash: string, text: string, lang: string | null): Promise<ReceiptMatch | null> {
    return this.mutate({ kind: 'edit', boardId, roundId, receiptHash, text, lang });
  }

  withdrawAnswer(boardId: string, roundId: string, receiptHash: string): Promise<ReceiptMatch | null> {
    return this.mutate({ kind: 'withdraw', boardId, roundId, receiptHash });
  }

  async findByReceipt(boardId: string, receiptHash: string): Promise<ReceiptMatch | null> {
    const rows = this.statements.selectBoardAnswerSets.all(boardId) as Array<{ round_id: string; state: RoundState; answers: string }>;
    for (const row of rows) {
      const answer = parseAnswerSet(row.answers).find((entry) => entry.receipt === receiptHash);
      if (answer) return { roundId: row.round_id, answerId: answer.id, revealed: row.state === 'revealed' };
    }
    return null;
  }

  async listAnswers(boardId: string, roundId: string): Promise<StoredAnswer[]> {
    const row = this.statements.selectAnswerSet.get(boardId, roundId) as { answers: string } | undefined;
    return row ? parseAnswerSet(row.answers).map(({ id, text, lang }) => ({ answerId: id, text, lang })) : [];
  }

  setState(boardId: string, roundId: string, state: 'closed' | 'revealed', from: readonly RoundState[]): Promise<boolean> {
    return this.batch.track(this.write<boolean>({ op: 'setRoundState', boardId, roundId, state, from }));
  }

  setPublishedCount(boardId: string, roundId: string, count: number): Promise<void> {
    return this.batch.track(this.write({ op: 'setPublishedCount', boardId, roundId, count }));
  }

  /** Its rows only; SqliteBoardStore.deleteBoard erases every table keyed by the board again, and reclaims the space. */
  deleteBoard(boardId: string): Promise<void> {
    if (this.batch.isClosed) return Promise.reject(new StorageWorkerError('store is closed'));
    return this.batch.track(this.write({ op: 'eraseRows', boardId, tables: ['round_answers', 'rounds'] }));
  }

  /** Writes made before this still commit; writes after it reject. */
  close(): Promise<void> {
    return this.batch.close();
  }

  private mutate<T>(item: RoundAnswerMutation): Promise<T> {
    return this.batch.add<T>(item);
  }
}
