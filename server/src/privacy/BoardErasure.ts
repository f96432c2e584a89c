import type { FastifyBaseLogger } from 'fastify';
import { CloseCode } from '@clapboard/shared';
import { boardLogRef } from '../logRef.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';
import type { BoardDeletionFeed } from './BoardDeletionFeed.ts';

/** A store holding something keyed by board (rounds, votes, anonymous notes, monitoring, contacts). */
export interface BoardKeyedStore {
  deleteBoard(boardId: string): Promise<unknown>;
}

export interface BoardErasureOptions {
  store: BoardStore;
  /** Every other store that keeps rows by board; each forgets the board before the board store erases it. */
  keyedStores: readonly BoardKeyedStore[];
  rooms: RoomRegistry;
  feed: BoardDeletionFeed;
  log: FastifyBaseLogger;
}

/**
 * Erases boards, for `DELETE /api/boards/:id` and the retention sweep
 * (docs/protocol.md, "Erasure"). In this order, and why:
 *
 * 1. Every connection to the board, here and (through the feed) in every
 *    other process, is closed with `BoardDeleted` and its rooms forgotten,
 *    so nothing appends to the board while it is erased. Rooms are dropped
 *    without the compaction an unload runs.
 * 2. Each keyed store forgets the board, then the board store erases it and
 *    everything else keyed by it, and reclaims the space (for SQLite: one
 *    transaction over every table with a board_id, then VACUUM and a
 *    TRUNCATE checkpoint). From that commit on its tokens open nothing.
 * 3. Step 1 again, here and everywhere, for whoever connected in between:
 *    their token was still good then, and is not now.
 *
 * Erasures run one at a time: each ends with a VACUUM, which rewrites the
 * whole file, and two at once would only queue on the writer anyway.
 */
export class BoardErasure {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: BoardErasureOptions) {}

  /** Listens for erasures made by other processes. */
  async start(): Promise<void> {
    await this.options.feed.subscribe(({ boardId }) => {
      this.closeLocally(boardId).catch((error: unknown) => this.options.log.error({ board: boardLogRef(boardId), err: error }, 'could not close an erased board'));
    });
  }

  close(): Promise<void> {
    return this.options.feed.close();
  }

  /** Erases one board; false if there was no such board. */
  async erase(boardId: string): Promise<boolean> {
    return (await this.eraseMany([boardId])).includes(boardId);
  }

  /** Erases boards together (one VACUUM for them all); the ids that existed. */
  eraseMany(boardIds: readonly string[]): Promise<string[]> {
    const run = this.queue.then(() => this.eraseNow([...boardIds]));
    this.queue = run.catch(() => {});
    return run;
  }

  private async eraseNow(boardIds: string[]): Promise<string[]> {
    if (boardIds.length === 0) return [];
    const { store, keyedStores, feed, log } = this.options;
    const closeEverywhere = async (boardId: string) => {
      await this.closeLocally(boardId);
      feed.publish({ boardId }).catch((error: unknown) => log.error({ board: boardLogRef(boardId), err: error }, 'could not publish a board erasure'));
    };
    for (const boardId of boardIds) await closeEverywhere(boardId);
    for (const boardId of boardIds) for (const keyed of keyedStores) await keyed.deleteBoard(boardId);
    let erased: string[];
    let reclaimed = true;
    if (store instanceof SqliteBoardStore) {
      ({ erased, reclaimed } = await store.eraseBoards(boardIds));
    } else {
      erased = [];
      for (const boardId of boardIds) if (await store.deleteBoard(boardId)) erased.push(boardId);
    }
    for (const boardId of boardIds) await closeEverywhere(boardId);
    for (const boardId of erased) log.info({ board: boardLogRef(boardId) }, 'erased board');
    // A reader that outlasted busy_timeout kept old WAL frames: the next erasure or compaction checkpoints them.
    if (!reclaimed) log.warn({ boards: erased.length }, 'erased boards, but the write-ahead log could not be emptied yet');
    return erased;
  }

  private async closeLocally(boardId: string): Promise<void> {
    await this.options.rooms.evictBoard(boardId, CloseCode.BoardDeleted);
  }
}
