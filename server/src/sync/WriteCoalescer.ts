/** The byte stream under a websocket (a net.Socket): what can hold its writes back. */
export interface CorkableStream {
  cork(): void;
  uncork(): void;
  /** Frames already built (RelayedMessage) are written here, beside ws's own writes. */
  write(chunk: Uint8Array): boolean;
}

/**
 * Holds each socket's writes until the end of the event-loop turn, so that
 * everything relayed to one client in a turn leaves in one system call.
 *
 * Without it every frame is its own writev: with 200 clients on a board an
 * edit becomes 199 syscalls, and profiles showed writev taking half the
 * server's time. With it a client that is sent ten frames in a turn costs
 * one. The turn ends at setImmediate, after the poll phase has handed over
 * every socket that was readable, so the busier the server the more each
 * write carries, and an idle one waits no longer than the rest of its turn.
 *
 * Streams nest corks (ws corks around each frame's two chunks), so holding a
 * stream here only delays its flush; ending or destroying it flushes or
 * drops what is held, as it would any buffered write.
 */
export class WriteCoalescer {
  private readonly held = new Set<CorkableStream>();
  private flushScheduled = false;

  /** Call before writing to `stream`: its writes from now to the end of the turn go out together. */
  hold(stream: CorkableStream): void {
    if (this.held.has(stream)) return;
    stream.cork();
    this.held.add(stream);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(this.flush);
    }
  }

  /** Lets every held stream write what it has. */
  readonly flush = (): void => {
    this.flushScheduled = false;
    // Cleared first: a write made while flushing belongs to the next turn.
    const streams = [...this.held];
    this.held.clear();
    for (const stream of streams) stream.uncork();
  };
}
