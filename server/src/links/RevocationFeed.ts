/**
 * A link was revoked (or rotated away): every connection opened with its
 * token must close, in whichever server process it is. Storage already
 * refuses the token to new connections and requests; this carries the news
 * to the connections that are open.
 */
export interface RevocationNotice {
  boardId: string;
  /** The stored hash of the revoked token (never the token). */
  tokenHash: string;
}

/**
 * How revocations reach the other server processes of a deployment. The
 * process that revokes closes its own connections itself and publishes; the
 * others close theirs when they hear. One process alone needs nothing more
 * than the in-process hub below (its default). Several processes plug in a
 * transport here (a Redis channel, say `clapboard:revocations`, or a
 * `Fanout` message on the board's two rooms), with the Fanout contract's
 * promises: `publish` never delivers back to the publisher, resolves once
 * handed to the transport; `subscribe` resolves once every later notice
 * will be delivered.
 *
 * A connection that was being opened while the news travelled is covered
 * too: the sync socket checks its token again once it is attached, after
 * the point where a notice would have closed it (server/src/plugins/syncSocket.ts).
 */
export interface RevocationFeed {
  publish(notice: RevocationNotice): Promise<void>;
  subscribe(listener: (notice: RevocationNotice) => void): Promise<void>;
  /** Stops delivery; later `publish` and `subscribe` reject. Calling it again resolves. */
  close(): Promise<void>;
}

/** One hub, many server instances in one process (tests run several); each gets its own feed. */
export class InProcessRevocationHub {
  private readonly listeners = new Map<object, (notice: RevocationNotice) => void>();

  connect(): RevocationFeed {
    const instance = {};
    let closed = false;
    return {
      publish: async (notice) => {
        if (closed) throw new Error('revocation feed is closed');
        for (const [owner, listener] of [...this.listeners]) {
          if (owner === instance) continue;
          try {
            listener({ ...notice });
          } catch {
            // The listener's own failure, as over a real transport.
          }
        }
      },
      subscribe: async (listener) => {
        if (closed) throw new Error('revocation feed is closed');
        this.listeners.set(instance, listener);
      },
      close: async () => {
        closed = true;
        this.listeners.delete(instance);
      },
    };
  }
}
