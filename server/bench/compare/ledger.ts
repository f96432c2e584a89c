import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

/**
 * Markers and latency bookkeeping. Every message a writer or a cursor sender
 * sends carries one unique marker, `~Q:<seq base 36>~`, in its raw bytes (a
 * note's text, a presence name); receivers keep no Y.Doc and find the marker
 * by searching the bytes of each incoming update. Latency is receive time
 * minus the send's *scheduled* time, both performance.now() in this one
 * process, so a late send (an overloaded generator) counts against the
 * measurement rather than hiding a slow server.
 */
export const KIND_EDIT = 0;
export const KIND_CURSOR = 1;
export type MessageKind = typeof KIND_EDIT | typeof KIND_CURSOR;

const PREFIX = Buffer.from('~Q:');
const TILDE = 0x7e;
/** Longest base-36 sequence number read (36^10 is far more than any run sends). */
const MAX_DIGITS = 10;

export function marker(seq: number): string {
  return `~Q:${seq.toString(36)}~`;
}

export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
  /** Share of the expected deliveries that arrived (0..1). */
  delivered: number;
  count: number;
}

export class Ledger {
  private scheduled = new Float64Array(1 << 16);
  private sender = new Int32Array(1 << 16);
  private kinds = new Uint8Array(1 << 16);
  private nextSeq = 0;
  private windowStart = Infinity;
  private windowEnd = -Infinity;
  /** Per kind: messages sent, deliveries expected (each board's other clients) and seen, in the window. */
  readonly sent: [number, number] = [0, 0];
  readonly expected: [number, number] = [0, 0];
  readonly delivered: [number, number] = [0, 0];
  private readonly latency: RecordableHistogram[] = [createHistogram(), createHistogram()];
  /** Latency of every kind since the last `takeInterval` (the soak's samples). */
  private interval = createHistogram();
  private intervalSent = 0;
  /** Deliveries of any window received while counting (see countReceipts): the server's relaying throughput. */
  received = 0;
  private countFrom = Infinity;
  private countTo = -Infinity;

  /** Counts sends scheduled in [start, end) and deliveries of those, from now on; forgets the previous window. */
  openWindow(start: number, end: number): void {
    this.windowStart = start;
    this.windowEnd = end;
    for (const kind of [KIND_EDIT, KIND_CURSOR]) {
      this.sent[kind] = 0;
      this.expected[kind] = 0;
      this.delivered[kind] = 0;
      this.latency[kind]!.reset();
    }
    this.interval.reset();
    this.intervalSent = 0;
  }

  /** Counts every delivery received from now until `until` (performance.now()), whenever its message was sent. */
  countReceipts(until: number): void {
    this.received = 0;
    this.countFrom = performance.now();
    this.countTo = until;
  }

  /** A new marker for a message scheduled at `scheduledAt`, sent by socket `senderId` to `fanout` other clients. */
  issue(kind: MessageKind, senderId: number, scheduledAt: number, fanout: number): number {
    const seq = this.nextSeq++;
    if (seq >= this.scheduled.length) this.grow();
    this.scheduled[seq] = scheduledAt;
    this.sender[seq] = senderId;
    this.kinds[seq] = kind;
    if (scheduledAt >= this.windowStart && scheduledAt < this.windowEnd) {
      this.sent[kind] += 1;
      this.expected[kind] += fanout;
      this.intervalSent += 1;
    }
    return seq;
  }

  /** Every marker in a received frame, seen by socket `receiverId` at `now`. */
  scan(frame: Buffer, receiverId: number, now: number): void {
    let at = frame.indexOf(PREFIX);
    while (at !== -1) {
      let seq = 0;
      let index = at + PREFIX.length;
      const last = Math.min(frame.length, index + MAX_DIGITS + 1);
      let valid = false;
      for (; index < last; index += 1) {
        const c = frame[index]!;
        if (c === TILDE) {
          valid = index > at + PREFIX.length;
          break;
        }
        if (c >= 48 && c <= 57) seq = seq * 36 + (c - 48);
        else if (c >= 97 && c <= 122) seq = seq * 36 + (c - 87);
        else break;
      }
      // Anything else is binary that happens to hold the prefix.
      if (valid) this.deliver(seq, receiverId, now);
      at = frame.indexOf(PREFIX, index);
    }
  }

  private deliver(seq: number, receiverId: number, now: number): void {
    if (seq < 0 || seq >= this.nextSeq || this.sender[seq] === receiverId) return;
    if (now >= this.countFrom && now < this.countTo) this.received += 1;
    const scheduledAt = this.scheduled[seq]!;
    // Markers of earlier windows (presence states replayed to a new connection) are not deliveries.
    if (scheduledAt < this.windowStart || scheduledAt >= this.windowEnd) return;
    const kind = this.kinds[seq] as MessageKind;
    const micros = Math.max(1, Math.round((now - scheduledAt) * 1000));
    this.latency[kind]!.record(micros);
    this.interval.record(micros);
    this.delivered[kind] += 1;
  }

  /** Whether everything expected in the window has arrived. */
  complete(): boolean {
    return this.delivered[0]! >= this.expected[0]! && this.delivered[1]! >= this.expected[1]!;
  }

  /**
   * Latency percentiles of one kind (or both), counting what never arrived as
   * infinitely late: if more than 1 % is missing, p99 is Infinity.
   */
  percentiles(kind: MessageKind | 'all'): Percentiles {
    const kinds = kind === 'all' ? [KIND_EDIT, KIND_CURSOR] : [kind];
    const histogram = createHistogram();
    let expected = 0;
    let delivered = 0;
    for (const k of kinds) {
      histogram.add(this.latency[k]!);
      expected += this.expected[k]!;
      delivered += this.delivered[k]!;
    }
    return { ...percentilesOf(histogram, expected, delivered), delivered: expected === 0 ? NaN : delivered / expected, count: delivered };
  }

  /** Latency of everything delivered since the previous call, and how many messages were sent meanwhile. */
  takeInterval(): { p50: number; p99: number; max: number; sent: number } {
    const result = { ...percentilesOf(this.interval, this.interval.count, this.interval.count), sent: this.intervalSent };
    this.interval = createHistogram();
    this.intervalSent = 0;
    return result;
  }

  private grow(): void {
    const size = this.scheduled.length * 2;
    const scheduled = new Float64Array(size);
    scheduled.set(this.scheduled);
    const sender = new Int32Array(size);
    sender.set(this.sender);
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    this.scheduled = scheduled;
    this.sender = sender;
    this.kinds = kinds;
  }
}

function percentilesOf(histogram: RecordableHistogram, expected: number, delivered: number): { p50: number; p99: number; max: number } {
  if (expected === 0) return { p50: NaN, p99: NaN, max: NaN };
  if (delivered === 0) return { p50: Infinity, p99: Infinity, max: Infinity };
  const at = (q: number) => {
    const rank = (q * expected) / delivered;
    return rank > 100 ? Infinity : histogram.percentile(Math.max(rank, 0.0001)) / 1000;
  };
  return { p50: at(50), p99: at(99), max: delivered < expected ? Infinity : histogram.max / 1000 };
}
