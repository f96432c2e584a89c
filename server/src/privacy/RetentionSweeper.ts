import type { FastifyBaseLogger } from 'fastify';
import * as Y from 'yjs';
import { dateInDays, readStatement, todayDate } from '@clapboard/shared';
import { boardLogRef } from '../logRef.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import type { BoardErasure } from './BoardErasure.ts';

export interface RetentionSweeperOptions {
  store: BoardStore;
  erasure: BoardErasure;
  intervalMs: number;
  defaultRetentionDays: number;
  log: FastifyBaseLogger;
  /** The clock; tests move it instead of waiting for a date. */
  now?: () => number;
}

export interface SweepResult {
  /** Boards that had no retention date and were given one. */
  dated: number;
  erased: number;
}

/**
 * Erases every board whose retention date has come (UTC): once at start-up,
 * then every RETENTION_SWEEP_MS. A board is erased in the first sweep on
 * its date, so with the hourly default within the first hour of that day.
 *
 * Boards stored before there were retention dates are dated first, from
 * the deletion date their statement promised if they have one (it must not
 * be kept longer than that), else DEFAULT_RETENTION_DAYS from that sweep.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly options: RetentionSweeperOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Starts the first sweep (not awaited: erasing and VACUUM must not hold up listening) and the interval. */
  start(): void {
    void this.sweepNow().catch(() => {});
    this.timer = setInterval(() => void this.sweepNow().catch(() => {}), this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops the interval and waits for a sweep under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sweeping.catch(() => {});
  }

  /** One sweep, after any under way. Failures are logged, and the next sweep tries again. */
  sweepNow(): Promise<SweepResult> {
    const run = this.sweeping.catch(() => {}).then(() => this.sweep());
    this.sweeping = run;
    return run.catch((error: unknown) => {
      this.options.log.error({ err: error }, 'retention sweep failed');
      throw error;
    });
  }

  private async sweep(): Promise<SweepResult> {
    const { store, erasure, log } = this.options;
    let dated = 0;
    for (const boardId of await store.listUndatedBoards()) {
      const deleteOn = (await this.promisedDate(boardId)) ?? dateInDays(this.options.defaultRetentionDays, this.now());
      if (await store.setRetentionDate(boardId, deleteOn)) dated += 1;
    }
    const due = await store.listBoardsDue(todayDate(this.now()));
    const erased = await erasure.eraseMany(due);
    if (dated > 0 || erased.length > 0) log.info({ dated, erased: erased.length }, 'retention sweep');
    for (const boardId of due) if (!erased.includes(boardId)) log.warn({ board: boardLogRef(boardId) }, 'board due for erasure was already gone');
    return { dated, erased: erased.length };
  }

  /** The deletion date a board's statement promises, read from storage without loading a room. */
  private async promisedDate(boardId: string): Promise<string | null> {
    const stored = await this.options.store.loadDocument({ boardId, doc: 'control' });
    const doc = new Y.Doc();
    try {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      return readStatement(doc)?.deleteOn ?? null;
    } finally {
      doc.destroy();
    }
  }
}
