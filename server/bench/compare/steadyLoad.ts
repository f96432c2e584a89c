import { monitorEventLoopDelay } from 'node:perf_hooks';
import { BenchSocket, CursorSender, openAll, unexpectedCloses, Writer, type Sender } from './clients.ts';
import { KIND_CURSOR, KIND_EDIT, Ledger } from './ledger.ts';
import { OpenLoop } from './openLoop.ts';
import { CpuWindow, ForeignLoadWindow, OwnCpuWindow, rssMiB } from './procStats.ts';
import { pinning, SERVER_CORE } from './pinning.ts';
import type { BenchServer } from './servers.ts';
import { settings } from './config.ts';
import { sleep, sleepUntil } from './time.ts';

/** How many boards, how many clients on each, and who sends what how often. */
export interface LoadShape {
  boards: number;
  clientsPerBoard: number;
  writersPerBoard: number;
  writerHz: number;
  cursorsPerBoard: number;
  cursorHz: number;
}

export function inboundRate(shape: LoadShape): number {
  return shape.boards * (shape.writersPerBoard * shape.writerHz + shape.cursorsPerBoard * shape.cursorHz);
}

export function describeShape(shape: LoadShape): string {
  const boards = shape.boards === 1 ? '1 board' : `${shape.boards} boards`;
  return `${boards} × ${shape.clientsPerBoard} clients; per board ${shape.writersPerBoard} writers at ${fmtHz(shape.writerHz)} Hz and ${shape.cursorsPerBoard} cursor senders at ${fmtHz(shape.cursorHz)} Hz, the rest only receive (${Math.round(inboundRate(shape)).toLocaleString('en')} messages in/s, each relayed to ${shape.clientsPerBoard - 1} clients)`;
}

const fmtHz = (hz: number) => (Number.isInteger(hz) ? String(hz) : hz.toFixed(1));

/** One measured window of a steady load. */
export interface WindowResult {
  /** Messages sent per second in the window (what the server took in). */
  inbound: number;
  /**
   * Messages the server relayed per second in the window: deliveries received
   * in it ÷ fan-out. Below `inbound` when the server falls behind; the CPU
   * per relayed message is then the honest cost figure.
   */
  relayed: number;
  serverCpuPerRelayed1k: number;
  edit: { p50: number; p99: number };
  cursor: { p50: number; p99: number };
  all: { p50: number; p99: number; max: number };
  /** Share of expected deliveries that arrived within the drain time. */
  delivered: number;
  serverCpu: number;
  serverCpuPer1k: number;
  serverRss: number;
  generatorCpu: number;
  generatorLoopP99: number;
  sendLagP99: number;
  /** CPU other processes used on the server's core during the window (all cores if unpinned), share of a core. */
  foreignLoad: number;
  /** The generator used more than its limit of its core: the run is thrown out. */
  overloaded: boolean;
  closes: string;
  /** The measured window on CLOCK_MONOTONIC in µs (process.hrtime), to cut a server's CPU profile to it. */
  monotonicWindowUs: [number, number];
}

export interface IntervalSample {
  atSeconds: number;
  inbound: number;
  p99: number;
  rss: number;
}

/**
 * A steady load on one server: its boards, every client connected and
 * synced, each writer's note created. `window()` runs the senders on an open
 * loop and measures one window; it may be called again with other rates on
 * the same connections (the capacity search).
 */
export class SteadyLoad {
  private constructor(
    private readonly server: BenchServer,
    readonly shape: LoadShape,
    private readonly ledger: Ledger,
    private readonly writers: Writer[],
    private readonly cursors: CursorSender[],
    private readonly sockets: BenchSocket[],
  ) {}

  static async open(server: BenchServer, shape: LoadShape): Promise<SteadyLoad> {
    const ledger = new Ledger();
    const writers: Writer[] = [];
    const cursors: CursorSender[] = [];
    const sockets: BenchSocket[] = [];
    const boards = [];
    for (let board = 0; board < shape.boards; board += 1) boards.push(await server.createBoard(`Compare ${board}`));
    const plan = boards.flatMap((target) => Array.from({ length: shape.clientsPerBoard }, (_, index) => ({ target, index })));
    await openAll(plan, ({ target, index }) => {
      let socket: BenchSocket;
      if (index < shape.writersPerBoard) {
        const writer = new Writer(target, ledger);
        writers.push(writer);
        socket = writer.socket;
      } else if (index < shape.writersPerBoard + shape.cursorsPerBoard) {
        const cursor = new CursorSender(target, ledger);
        cursors.push(cursor);
        socket = cursor.socket;
      } else {
        socket = new BenchSocket(target, ledger);
      }
      socket.fanout = shape.clientsPerBoard - 1;
      sockets.push(socket);
      return socket;
    });
    writers.forEach((writer, index) => writer.createNote(index));
    // Let the notes land and the server settle before anything is timed.
    await sleep(1000);
    return new SteadyLoad(server, shape, ledger, writers, cursors, sockets);
  }

  /**
   * Sends at these rates for warm-up + measure seconds, measures the second
   * part, then waits (up to drainMs) for what is still on its way.
   */
  async window(rates: { writerHz: number; cursorHz: number }, warmupMs: number, measureMs: number, options: { drainMs?: number; intervalMs?: number; onInterval?: (sample: IntervalSample) => Promise<void> | void } = {}): Promise<WindowResult> {
    const closesBefore = new Map(unexpectedCloses);
    const senders: Array<{ sender: Sender; hz: number }> = [
      ...this.writers.map((sender) => ({ sender, hz: rates.writerHz })),
      ...this.cursors.map((sender) => ({ sender, hz: rates.cursorHz })),
    ];
    const startAt = performance.now() + 20;
    const windowStart = startAt + warmupMs;
    const windowEnd = windowStart + measureMs;
    this.ledger.openWindow(windowStart, windowEnd);
    const loop = new OpenLoop(senders, startAt, windowEnd);
    loop.start();
    await sleepUntil(windowStart);
    const monotonicStart = Number(process.hrtime.bigint() / 1000n);
    const serverCpu = new CpuWindow(this.server.pid);
    const ownCpu = new OwnCpuWindow();
    const foreign = new ForeignLoadWindow(pinning.available ? SERVER_CORE : null);
    this.ledger.countReceipts(windowEnd);
    const ownLoop = monitorEventLoopDelay({ resolution: 1 });
    ownLoop.enable();
    const pendingSamples: Array<Promise<void> | void> = [];
    if (options.onInterval && options.intervalMs) {
      let previous = windowStart;
      for (let at = windowStart + options.intervalMs; at <= windowEnd + 1; at += options.intervalMs) {
        await sleepUntil(at);
        const interval = this.ledger.takeInterval();
        const now = performance.now();
        // Not awaited: an overloaded server may take seconds to answer, and the schedule goes on.
        pendingSamples.push(options.onInterval({ atSeconds: (at - windowStart) / 1000, inbound: (interval.sent * 1000) / (now - previous), p99: interval.p99, rss: rssMiB(this.server.pid) }));
        previous = now;
      }
    }
    await sleepUntil(windowEnd);
    const server = serverCpu.read();
    const monotonicEnd = Number(process.hrtime.bigint() / 1000n);
    const own = ownCpu.read();
    const relayedCount = this.ledger.received / Math.max(1, this.shape.clientsPerBoard - 1);
    const foreignLoad = foreign.read(pinning.available ? server.cpuMs : server.cpuMs + own.cpuMs);
    const serverRss = rssMiB(this.server.pid);
    ownLoop.disable();
    loop.stop();
    const drainUntil = performance.now() + (options.drainMs ?? 3000);
    while (!this.ledger.complete() && performance.now() < drainUntil) await sleep(10);
    await Promise.all(pendingSamples);
    const sent = this.ledger.sent[KIND_EDIT]! + this.ledger.sent[KIND_CURSOR]!;
    const edit = this.ledger.percentiles(KIND_EDIT);
    const cursor = this.ledger.percentiles(KIND_CURSOR);
    const all = this.ledger.percentiles('all');
    const closes = [...unexpectedCloses].filter(([code, count]) => count > (closesBefore.get(code) ?? 0)).map(([code, count]) => `${count - (closesBefore.get(code) ?? 0)}× ${code}`);
    return {
      inbound: (sent * 1000) / measureMs,
      relayed: (relayedCount * 1000) / server.wallMs,
      serverCpuPerRelayed1k: relayedCount > 0 ? server.cpuMs / (relayedCount / 1000) : NaN,
      edit: { p50: edit.p50, p99: edit.p99 },
      cursor: { p50: cursor.p50, p99: cursor.p99 },
      all: { p50: all.p50, p99: all.p99, max: all.max },
      delivered: all.delivered,
      serverCpu: server.share,
      serverCpuPer1k: sent > 0 ? server.cpuMs / (sent / 1000) : NaN,
      serverRss,
      generatorCpu: own.share,
      generatorLoopP99: ownLoop.percentile(99) / 1e6,
      sendLagP99: loop.sendLag.percentile(99) / 1000,
      foreignLoad,
      overloaded: own.share > settings.generatorCpuLimit,
      closes: closes.join(', '),
      monotonicWindowUs: [monotonicStart, monotonicEnd],
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.sockets.map((socket) => socket.close()));
    for (const writer of this.writers) writer.doc.destroy();
  }
}
