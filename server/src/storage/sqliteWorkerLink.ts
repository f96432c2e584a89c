import { Worker } from 'node:worker_threads';
import type { SerializedError, WorkerConfig, WorkerRequestBody, WorkerResponse } from './sqliteWorkerProtocol.ts';

/** A request the worker failed, or one it never answered because it died. */
export class StorageWorkerError extends Error {
  override name = 'StorageWorkerError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Running {
  worker: Worker;
  /** Requests posted to this worker and not answered yet. */
  inFlight: Map<number, Pending>;
  error: Error | null;
  exited: Promise<void>;
}

function deserializeError(error: SerializedError): StorageWorkerError {
  const result = new StorageWorkerError(error.message, error.code);
  if (error.name !== 'Error') result.name = error.name;
  return result;
}

export interface WorkerLinkOptions {
  /**
   * Stop the thread after this long with nothing in flight (the next request
   * starts a fresh one). For a thread whose work builds large short-lived
   * heaps: an idle isolate keeps its heap committed, and only its exit
   * gives that memory back to the system. Default: never.
   */
  idleExitMs?: number;
}

/**
 * One worker thread of SqliteBoardStore, started on first use. A request's
 * promise settles only from the worker's answer: if the worker dies first,
 * everything it had not answered is rejected (never resolved), and the next
 * request starts a fresh worker. While requests are in flight the worker
 * keeps the process alive; when idle it does not.
 */
export class WorkerLink {
  private running: Running | null = null;
  /** Stops of threads retired for idleness, not yet finished. */
  private readonly retiring = new Set<Promise<void>>();
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly config: WorkerConfig,
    private readonly options: WorkerLinkOptions = {},
  ) {}

  /** Requests posted to the current worker and not yet answered. */
  get inFlight(): number {
    return this.running?.inFlight.size ?? 0;
  }

  /** Whether a thread is running now (a retiring one, already told to stop, does not count). */
  get threadRunning(): boolean {
    return this.running !== null;
  }

  /** Starts the worker now rather than on the first request (loading takes tens of ms). */
  start(): void {
    if (!this.closed && !this.running) this.spawn();
  }

  request<T>(body: WorkerRequestBody, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new StorageWorkerError('store is closed'));
    this.cancelIdleExit();
    return this.post(this.running ?? this.spawn(), body, transfer);
  }

  private post<T>(running: Running, body: WorkerRequestBody, transfer: ArrayBuffer[] = []): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (running.inFlight.size === 0) running.worker.ref();
      running.inFlight.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        running.worker.postMessage({ ...body, id }, transfer);
      } catch (error) {
        this.settled(running, id);
        reject(error);
      }
    });
  }

  /**
   * Lets every request sent before finish, then closes the worker's
   * connection and stops it. Requests after this reject.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.cancelIdleExit();
    await Promise.all(this.retiring);
    if (this.running) await this.stop(this.running);
    this.closed = true;
  }

  /** Lets the thread finish what it was sent, closes its connection, then ends it. */
  private async stop(running: Running): Promise<void> {
    await this.post(running, { op: 'close' }).catch(() => {});
    // Its connection is closed; nothing left to lose.
    await running.worker.terminate();
    await running.exited;
  }

  /** Test hook: kills the worker as a crash would, without letting it finish anything. */
  async kill(): Promise<void> {
    const running = this.running;
    if (!running) return;
    await running.worker.terminate();
    await running.exited;
  }

  private spawn(): Running {
    const worker = new Worker(new URL('./sqliteWorker.mjs', import.meta.url), {
      workerData: this.config,
      name: `clapboard-sqlite-${this.config.role}`,
      // The worker is plain JavaScript and needs none of the parent's flags;
      // inheriting them would also run its preloads (`--import tsx`, or a
      // `--import some.ts` that fails without the loader) in every thread.
      execArgv: [],
    });
    worker.unref();
    let exited!: () => void;
    const running: Running = { worker, inFlight: new Map(), error: null, exited: new Promise((resolve) => (exited = resolve)) };
    worker.on('message', (response: WorkerResponse) => {
      const pending = this.settled(running, response.id);
      if (!pending) return;
      if (response.ok) pending.resolve(response.value);
      else pending.reject(deserializeError(response.error));
    });
    worker.on('error', (error) => {
      running.error = error;
    });
    // Node delivers every message the worker posted before emitting 'exit',
    // so what is still in flight here was never confirmed.
    worker.once('exit', (code) => {
      if (this.running === running) this.running = null;
      if (running.inFlight.size > 0) {
        const cause = running.error ? `: ${running.error.message}` : '';
        const error = new StorageWorkerError(
          `SQLite ${this.config.role} thread stopped (exit code ${code})${cause} before confirming ${running.inFlight.size} request(s)`,
          'STORAGE_WORKER_EXITED',
        );
        const pending = [...running.inFlight.values()];
        running.inFlight.clear();
        for (const entry of pending) entry.reject(error);
      }
      exited();
    });
    this.running = running;
    return running;
  }

  private settled(running: Running, id: number): Pending | undefined {
    const pending = running.inFlight.get(id);
    if (!pending) return undefined;
    running.inFlight.delete(id);
    if (running.inFlight.size === 0) {
      running.worker.unref();
      if (running === this.running) this.scheduleIdleExit();
    }
    return pending;
  }

  private scheduleIdleExit(): void {
    const { idleExitMs } = this.options;
    if (idleExitMs === undefined || this.closed) return;
    this.cancelIdleExit();
    this.idleTimer = setTimeout(() => this.retire(), idleExitMs);
    this.idleTimer.unref();
  }

  private cancelIdleExit(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Stops an idle thread: it closes its connection first, as on shutdown; a request from now on starts a new one. */
  private retire(): void {
    this.idleTimer = null;
    const running = this.running;
    if (!running || running.inFlight.size > 0 || this.closed) return;
    this.running = null;
    const stopped: Promise<void> = this.stop(running).finally(() => this.retiring.delete(stopped));
    this.retiring.add(stopped);
  }
}
