import type Database from 'better-sqlite3';
import type { SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import type { VoteMutation, WorkerRequestBody } from '../storage/sqliteWorkerProtocol.ts';
import { StorageWorkerError } from '../storage/sqliteWorkerLink.ts';
import { WriterBatch } from '../storage/WriterBatch.ts';
import { VOTE_SQL, voteFromRow } from './sqliteVoteShared.mjs';
import type { CastOutcome, NewVote, RedeemOutcome, StoredVote, VoteStore } from './VoteStore.ts';

/**
 * Votes in the boards' SQLite file (table: storage/sqliteSchema.ts,
 * migration 5), written by SqliteBoardStore's writer thread like the rounds
 * (../rounds/SqliteRoundStore.ts). Mutations made in one turn of the event
 * loop go to the writer as one request; the writer commits every such
 * request that reached it while busy in one transaction and then truncates
 * the WAL, so a crowd voting at once costs a few commits and the WAL never
 * holds the tally as it was before each ballot.
 */
export class SqliteVoteStore implements VoteStore {
  private readonly read: Database.Database;
  private readonly write: <T>(body: WorkerRequestBody) => Promise<T>;
  private readonly selectVote: Database.Statement;
  private readonly batch: WriterBatch<VoteMutation>;

  constructor(boards: SqliteBoardStore) {
    ({ read: this.read, write: this.write } = boards.shareDatabase(this));
    this.selectVote = this.read.prepare(VOTE_SQL.selectVote);
    this.batch = new WriterBatch((items) => this.write<unknown[]>({ op: 'voteMutations', items }));
  }

  async createVote(vote: NewVote): Promise<void> {
    await this.mutate({ kind: 'create', vote });
  }

  async getVote(boardId: string, voteId: string): Promise<StoredVote | null> {
    const row = this.selectVote.get(boardId, voteId);
    return row ? voteFromRow(row) : null;
  }

  castBallot(boardId: string, voteId: string, ballotHash: string, choices: readonly string[]): Promise<CastOutcome> {
    return this.mutate({ kind: 'cast', boardId, voteId, ballotHash, choices });
  }

  redeemCode(boardId: string, voteId: string, codeHash: string): Promise<RedeemOutcome> {
    return this.mutate({ kind: 'redeem', boardId, voteId, codeHash });
  }

  async closeVote(boardId: string, voteId: string): Promise<StoredVote | null> {
    const outcome = await this.mutate<string>({ kind: 'close', boardId, voteId });
    return outcome === 'missing' ? null : this.getVote(boardId, voteId);
  }

  /** Its rows only; SqliteBoardStore.deleteBoard erases every table keyed by the board again, and reclaims the space. */
  deleteBoard(boardId: string): Promise<void> {
    if (this.batch.isClosed) return Promise.reject(new StorageWorkerError('store is closed'));
    return this.batch.track(this.write({ op: 'eraseRows', boardId, tables: ['votes'] }));
  }

  /** Writes made before this still commit; writes after it reject. */
  close(): Promise<void> {
    return this.batch.close();
  }

  private mutate<T>(item: VoteMutation): Promise<T> {
    return this.batch.add<T>(item);
  }
}
