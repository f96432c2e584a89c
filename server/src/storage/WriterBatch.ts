import { StorageWorkerError } from './sqliteWorkerLink.ts';

interface Pending<Item> {
  item: Item;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects the mutations one store makes in a turn of the event loop and
 * sends them to the SQLite writer thread as one request, whose results come
 * back in the same order. With the writer committing every request that
 * reached it while busy in one transaction, fifty people answering (or
 * voting, or adding anonymous notes) at once cost a few commits, not fifty.
 * Used by the rounds, votes and anonymous notes stores.
 */
export class WriterBatch<Item> {
  private pending: Pending<Item>[] = [];
  private flushScheduled = false;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  /** `send` posts one request with every item of a batch and resolves with one result per item. */
  constructor(private readonly send: (items: Item[]) => Promise<unknown[]>) {}

  /** Resolves with this item's result once its batch is committed. */
  add<T>(item: Item): Promise<T> {
    if (this.closed) return Promise.reject(new StorageWorkerError('store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ item, resolve: resolve as (value: unknown) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // After the poll phase: every request read in this loop iteration is queued by then.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Tracks a write sent outside a batch, so `close` waits for it too. */
  track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.catch(() => {}).finally(() => this.inFlight.delete(promise));
    return promise;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Batches already made still commit; `add` after this rejects. */
  async close(): Promise<void> {
    this.closed = true;
    this.flush();
    await Promise.allSettled(this.inFlight);
  }

  private flush(): void {
    this.flushScheduled = false;
    const group = this.pending;
    if (group.length === 0) return;
    this.pending = [];
    void this.track(
      this.send(group.map((entry) => entry.item)).then(
        (results) => group.forEach((entry, index) => entry.resolve(results[index])),
        (error: unknown) => group.forEach((entry) => entry.reject(error)),
      ),
    );
  }
}
