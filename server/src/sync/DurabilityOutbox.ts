/**
 * Durable before visible, for one document: every applied update gets a
 * sequence number, is handed to storage, and what depends on it (relaying
 * it, a sync reply computed after it, a server write's promise) runs only
 * once it and every update before it are durable.
 *
 * Storage confirms appends in the order they were made (BoardStore
 * contract), so "everything up to seq n is durable" is one number.
 */
export interface OutboxHooks {
  /** Appends already in storage when the document was loaded (they count towards compaction). */
  storedAppends: number;
  /** Everything applied so far is durable (a moment to consider compacting). */
  onIdle(): void;
  /** Storage refused an append. */
  onAppendFailed(error: unknown): void;
}

export class DurabilityOutbox {
  private readonly pending: Array<{ seq: number; deliver: () => void }> = [];
  private readonly settleWaiters: Array<{ seq: number; resolve: () => void; reject: (error: Error) => void }> = [];
  private drainWaiters: Array<() => void> = [];
  private appliedSeq = 0;
  private durableSeq = 0;
  private appendsSinceCompaction: number;
  private failure: Error | null = null;

  constructor(private readonly hooks: OutboxHooks) {
    this.appendsSinceCompaction = hooks.storedAppends;
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  /** Appends stored since the log was last compacted (by this process). */
  get uncompactedAppends(): number {
    return this.appendsSinceCompaction;
  }

  /** Sequence number of the last update applied. */
  get lastApplied(): number {
    return this.appliedSeq;
  }

  /** A compaction has been started: the appends so far are being folded. */
  compactionStarted(): void {
    this.appendsSinceCompaction = 0;
  }

  /**
   * An update was applied: `append` stores it; `deliver` runs once it is
   * durable, after the deliveries of every earlier update. Returns its seq.
   */
  track(append: () => Promise<unknown>, deliver: () => void): number {
    const seq = ++this.appliedSeq;
    this.pending.push({ seq, deliver });
    append().then(
      () => this.markDurable(seq),
      (error: unknown) => this.hooks.onAppendFailed(error),
    );
    return seq;
  }

  /** Runs `deliver` once every update applied so far is durable (at once, if it is). */
  whenDurable(deliver: () => void): void {
    if (this.isIdle()) deliver();
    else this.pending.push({ seq: this.appliedSeq, deliver });
  }

  /** Resolves once update `seq` is durable and delivered; rejects if storage fails first. */
  settled(seq: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    // Deliveries run in seq order as soon as their seq is durable.
    if (seq <= this.durableSeq) return Promise.resolve();
    return new Promise((resolve, reject) => this.settleWaiters.push({ seq, resolve, reject }));
  }

  /**
   * Resolves once every update applied so far is durable and delivered, or
   * storage failed (its unstored updates will never be durable here).
   */
  drained(): Promise<void> {
    if (this.failure || this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Storage failed: nothing not yet durable may be delivered; every waiter is released. */
  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.pending.length = 0;
    for (const waiter of this.settleWaiters.splice(0)) waiter.reject(error);
    this.releaseDrainWaiters();
  }

  private isIdle(): boolean {
    return this.pending.length === 0 && this.durableSeq === this.appliedSeq;
  }

  private markDurable(seq: number): void {
    if (this.failure) return;
    this.durableSeq = Math.max(this.durableSeq, seq);
    this.appendsSinceCompaction += 1;
    let released = 0;
    while (released < this.pending.length && this.pending[released]!.seq <= this.durableSeq) {
      this.pending[released]!.deliver();
      released += 1;
    }
    if (released > 0) this.pending.splice(0, released);
    for (let index = this.settleWaiters.length - 1; index >= 0; index -= 1) {
      const waiter = this.settleWaiters[index]!;
      if (waiter.seq <= this.durableSeq) {
        this.settleWaiters.splice(index, 1);
        waiter.resolve();
      }
    }
    if (this.isIdle()) {
      this.releaseDrainWaiters();
      this.hooks.onIdle();
    }
  }

  private releaseDrainWaiters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
