import { exposedGc } from './exposedGc.ts';

/**
 * Gives the memory of unloaded boards back once the process has nobody
 * connected.
 *
 * A board unloaded after its last client left is garbage, but V8 collects
 * only when the program allocates, and a server with no connections hardly
 * does: measured with three 10,000-note boards, RSS stayed at 450 MiB for
 * the 30 s after their clients left, against 84 MiB before they loaded. So
 * when a board unloads and no connection is left in the process, one full
 * collection runs a little later, if that is still so then. While anyone is
 * connected nothing is forced: their traffic drives V8's own collections,
 * and a forced one would pause their messages.
 */
export class IdleCollector {
  private timer: NodeJS.Timeout | null = null;
  private collections = 0;

  constructor(
    private readonly delayMs: number,
    /** Whether the process has no connection now. */
    private readonly isIdle: () => boolean,
    private readonly collect: () => void = exposedGc(),
  ) {}

  /** Call when a board unloads. */
  boardUnloaded(): void {
    if (this.timer || !this.isIdle()) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.isIdle()) return;
      this.collections += 1;
      this.collect();
    }, this.delayMs);
    this.timer.unref();
  }

  /** Full collections run so far. */
  get collectionsRun(): number {
    return this.collections;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
