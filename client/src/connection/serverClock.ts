import { ServerTimeResponseSchema } from '@clapboard/shared';

/** One round trip to `GET /api/time`: what the server said, and when we asked and heard, by this page's clock. */
export interface ClockSample {
  sentAt: number;
  serverNow: number;
  receivedAt: number;
}

/**
 * This page's clock offset from a set of samples, NTP-style: the server read
 * its clock somewhere between our send and our receipt, most likely half way,
 * so `offset = serverNow - (sentAt + receivedAt) / 2`, off by at most half
 * the round trip. The sample with the shortest round trip is the least
 * uncertain one, so that one is used. Null for no samples.
 */
export function offsetFromSamples(samples: readonly ClockSample[]): number | null {
  let best: ClockSample | null = null;
  for (const sample of samples) {
    if (sample.receivedAt < sample.sentAt) continue;
    if (!best || sample.receivedAt - sample.sentAt < best.receivedAt - best.sentAt) best = sample;
  }
  return best ? Math.round(best.serverNow - (best.sentAt + best.receivedAt) / 2) : null;
}

/** Samples per estimate: enough that one slow answer (a busy phone network) does not decide it. */
const SAMPLES = 5;
/** Clocks drift and phones sleep: the offset is measured again this often. */
const RESYNC_MS = 5 * 60_000;

/**
 * The server's clock as seen from this page: `now()` is `Date.now()` plus
 * the measured offset. Timers are stored in server time
 * (shared/src/model/timer.ts), so a page whose own clock is wrong still
 * shows, and writes, the same times as every other. Until the first
 * measurement the offset is 0. One per page (no module state): the board
 * page and the room display each make their own.
 */
export class ServerClock {
  private offsetMs = 0;
  private measuredOnce = false;
  private readonly listeners = new Set<() => void>();
  private timer = 0;
  private stopped = false;

  constructor(private readonly fetchTime: () => Promise<number> = fetchServerTime) {}

  /** The server's time now, as well as this page can tell. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Server time minus this page's time, in ms (0 until measured). */
  get offset(): number {
    return this.offsetMs;
  }

  /** Whether the offset has been measured at least once: until then `now()` is this page's own clock. */
  get measured(): boolean {
    return this.measuredOnce;
  }

  /** Called whenever a measurement changes the offset. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** For a board with no server (`?dev`): this page's clock is the clock, as measured. */
  useLocalClock(): void {
    this.offsetMs = 0;
    this.measuredOnce = true;
    for (const listener of this.listeners) listener();
  }

  /** Measures now and then every RESYNC_MS until `stop()`. */
  start(): void {
    this.stopped = false;
    void this.measure();
    this.timer = window.setInterval(() => void this.measure(), RESYNC_MS);
  }

  stop(): void {
    this.stopped = true;
    window.clearInterval(this.timer);
  }

  /** Takes SAMPLES samples one after another; keeps the old offset if none came back (offline). */
  async measure(): Promise<number | null> {
    const samples: ClockSample[] = [];
    for (let index = 0; index < SAMPLES && !this.stopped; index += 1) {
      const sentAt = Date.now();
      try {
        const serverNow = await this.fetchTime();
        samples.push({ sentAt, serverNow, receivedAt: Date.now() });
      } catch {
        break;
      }
    }
    const offset = offsetFromSamples(samples);
    if (offset !== null && !this.stopped) {
      const changed = offset !== this.offsetMs || !this.measuredOnce;
      this.offsetMs = offset;
      this.measuredOnce = true;
      if (changed) for (const listener of this.listeners) listener();
    }
    return offset;
  }
}

async function fetchServerTime(): Promise<number> {
  const response = await fetch('/api/time', { cache: 'no-store', referrerPolicy: 'no-referrer' });
  if (!response.ok) throw new Error(`time: ${response.status}`);
  const parsed = ServerTimeResponseSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error('time: invalid response');
  return parsed.data.now;
}
