import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import v8 from 'node:v8';
import { exposedGc } from './exposedGc.ts';

/** Below this share of a check interval spent busy, the event loop counts as quiet. */
const QUIET_UTILIZATION = 0.01;

export interface QuietCollectorOptions {
  /** How often the heap and the event loop are looked at; 0 turns the collector off. */
  checkEveryMs: number;
  /** How far the heap must have grown past its lowest reading before a quiet spell collects it. */
  minGrowthBytes: number;
}

const usedHeapBytes = () => v8.getHeapStatistics().used_heap_size;

/**
 * Collects the garbage a burst of work left behind once the process goes
 * quiet, with people still connected.
 *
 * Judging and storing large updates builds structures that outlive the young
 * generation, so they die in the old one. V8 collects that only when the
 * program allocates more, and its memory reducer, which does collect in quiet
 * spells, is set going only by a full collection: garbage made after the
 * burst's last one stays. Measured with one 10,000-note board written in
 * 10 updates and its writer still connected: 149 MiB of heap in use, 71 MiB
 * of it live, and RSS flat at 262 MiB for 30 s. So when the event loop was
 * busy less than 1 % of a check interval and the heap has grown at least
 * `minGrowthBytes` past the lowest it was seen at, one full collection runs
 * (about 100 ms for that heap, 250 ms with three such boards: the pause grows
 * with what is live). Nothing is forced while the loop is busy: the traffic
 * drives V8's own, incremental, collections, and a forced one would pause
 * its messages.
 */
export class QuietCollector {
  private timer: NodeJS.Timeout | null = null;
  private lastUtilization: EventLoopUtilization = performance.eventLoopUtilization();
  /** The lowest heap reading so far (reset by each collection): live data plus whatever garbage it held then. */
  private floor = Infinity;
  private collections = 0;
  private readonly collect = exposedGc();

  constructor(private readonly options: QuietCollectorOptions) {}

  start(): void {
    if (this.timer || this.options.checkEveryMs <= 0) return;
    this.lastUtilization = performance.eventLoopUtilization();
    this.floor = usedHeapBytes();
    this.timer = setInterval(() => this.check(), this.options.checkEveryMs);
    this.timer.unref();
  }

  /** Full collections run so far. */
  get collectionsRun(): number {
    return this.collections;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private check(): void {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, this.lastUtilization).utilization;
    this.lastUtilization = now;
    const used = usedHeapBytes();
    this.floor = Math.min(this.floor, used);
    if (busy >= QUIET_UTILIZATION || used - this.floor < this.options.minGrowthBytes) return;
    this.collections += 1;
    this.collect();
    this.floor = usedHeapBytes();
    // The collection itself is not traffic.
    this.lastUtilization = performance.eventLoopUtilization();
  }
}
