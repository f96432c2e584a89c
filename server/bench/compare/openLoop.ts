import { createHistogram } from 'node:perf_hooks';
import type { Sender } from './clients.ts';

interface Stream {
  sender: Sender;
  periodMs: number;
  next: number;
}

/**
 * Sends on a fixed schedule, whatever the server does (open loop): each
 * sender fires every `periodMs`, phases spread evenly, and a message is
 * stamped with the time it was *due*. A slow server therefore shows as
 * latency, never as fewer messages; a slow generator shows as send lag.
 */
export class OpenLoop {
  private readonly heap: Stream[] = [];
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** How late sends went out (actual − scheduled), µs. */
  readonly sendLag = createHistogram();

  constructor(
    senders: Array<{ sender: Sender; hz: number }>,
    private readonly startAt: number,
    private readonly until: number,
  ) {
    senders.forEach(({ sender, hz }, index) => {
      if (hz <= 0) return;
      const periodMs = 1000 / hz;
      // Golden-ratio phases: evenly spread, no two senders in step.
      const phase = ((index * 0.6180339887498949) % 1) * periodMs;
      this.push({ sender, periodMs, next: startAt + phase });
    });
  }

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private readonly tick = (): void => {
    this.timer = null;
    if (this.stopped) return;
    const now = performance.now();
    while (this.heap.length > 0 && this.heap[0]!.next <= now) {
      const stream = this.pop();
      if (stream.next >= this.until) continue;
      this.sendLag.record(Math.max(1, Math.round((now - stream.next) * 1000)));
      stream.sender.send(stream.next);
      stream.next += stream.periodMs;
      this.push(stream);
    }
    this.schedule();
  };

  private schedule(): void {
    if (this.stopped || this.heap.length === 0) return;
    const wait = this.heap[0]!.next - performance.now();
    this.timer = setTimeout(this.tick, Math.max(0, wait));
  }

  private push(stream: Stream): void {
    const heap = this.heap;
    heap.push(stream);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (heap[parent]!.next <= stream.next) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = stream;
  }

  private pop(): Stream {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && heap[right]!.next < heap[left]!.next ? right : left;
        if (heap[child]!.next >= last.next) break;
        heap[index] = heap[child]!;
        index = child;
      }
      heap[index] = last;
    }
    return top;
  }
}
