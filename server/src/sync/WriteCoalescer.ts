import { performance } from 'node:perf_hooks';

/** The byte stream under a websocket (a net.Socket): what can hold its writes back. */
export interface CorkableStream {
  cork(): void;
  uncork(): void;
  /** Frames already built (RelayedMessage) are written here, beside ws's own writes. */
  write(chunk: Uint8Array): boolean;
}

/**
 * Holds each socket's writes back so that several frames leave in one
 * system call.
 *
 * Without it every frame is its own writev: with 200 clients on a board an
 * edit becomes 199 syscalls, and profiles showed writev taking half the
 * server's time. Two ways a stream is held:
 *
 * - `hold`, for what answers the client's own message (a sync reply) and
 *   the first relay to a quiet socket: until the end of the event-loop
 *   turn, at setImmediate, after the poll phase has handed over every socket
 *   that was readable. The busier the server the more each write carries,
 *   and an idle one waits no longer than the rest of its turn.
 * - `holdRelay`, for other people's edits and presence: a socket written to
 *   less than `relayWindowMs` ago is held until that window ends, so a
 *   client on a busy board is written to at most once per window, however
 *   many people move at once. On a 200-person board that takes a few frames
 *   per syscall instead of one, for at most a few milliseconds more, which
 *   nobody sees. A socket sent something rarely is written at turn end, as
 *   with `hold`, so a quiet board gains no delay.
 *
 * Writes to one stream keep their order whichever way it is held (a held
 * stream is one buffer). Streams nest corks (ws corks around each frame's
 * two chunks), so holding a stream only delays its flush; ending or
 * destroying it flushes or drops what is held, as it would any buffered
 * write.
 */
export class WriteCoalescer {
  // Replaced, not cleared, at each flush (see release).
  private untilTurnEnd = new Set<CorkableStream>();
  private untilWindowEnds = new Set<CorkableStream>();
  /** When each stream was last let go (only kept with a window). */
  private readonly lastFlushed = new WeakMap<CorkableStream, number>();
  private turnFlushScheduled = false;
  private windowTimer: NodeJS.Timeout | null = null;

  /** `relayWindowMs` 0: every write leaves at turn end. */
  constructor(private readonly relayWindowMs = 0) {}

  /** Call before writing to `stream`: its writes from now to the end of the turn go out together. */
  hold(stream: CorkableStream): void {
    if (this.untilTurnEnd.has(stream)) return;
    // A stream waiting for its window is corked already and now leaves sooner.
    if (!this.untilWindowEnds.delete(stream)) stream.cork();
    this.untilTurnEnd.add(stream);
    if (!this.turnFlushScheduled) {
      this.turnFlushScheduled = true;
      setImmediate(this.flushTurn);
    }
  }

  /** Call before relaying to `stream`: as `hold`, or until its window ends if it was written to within it. */
  holdRelay(stream: CorkableStream): void {
    if (this.untilTurnEnd.has(stream) || this.untilWindowEnds.has(stream)) return;
    const last = this.relayWindowMs > 0 ? this.lastFlushed.get(stream) : undefined;
    if (last === undefined || performance.now() - last >= this.relayWindowMs) {
      this.hold(stream);
      return;
    }
    stream.cork();
    this.untilWindowEnds.add(stream);
    this.windowTimer ??= setTimeout(this.flushWindow, this.relayWindowMs);
  }

  /** Lets every stream held until the end of the turn write what it has. */
  readonly flushTurn = (): void => {
    this.turnFlushScheduled = false;
    const held = this.untilTurnEnd;
    this.untilTurnEnd = new Set();
    this.release(held);
  };

  private readonly flushWindow = (): void => {
    this.windowTimer = null;
    const held = this.untilWindowEnds;
    this.untilWindowEnds = new Set();
    this.release(held);
  };

  /**
   * `held` is already detached: a write made while flushing belongs to the
   * next flush. A fresh set per flush, not one set cleared: V8 allocates a
   * set's grown (and cleared) tables in the generation the set lives in, so
   * a long-lived set refilled with hundreds of sockets every turn filled the
   * old generation with dead tables and brought a full collection, and its
   * pause, every couple of seconds under load.
   */
  private release(held: Set<CorkableStream>): void {
    const now = this.relayWindowMs > 0 ? performance.now() : 0;
    for (const stream of held) {
      if (this.relayWindowMs > 0) this.lastFlushed.set(stream, now);
      stream.uncork();
    }
  }
}
