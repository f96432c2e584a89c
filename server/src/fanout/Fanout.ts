/**
 * Relays what one server process accepted to the other processes serving the
 * same board. Updates are published only after they are durable, so a
 * receiving process relays them at once and never stores them again.
 *
 * The in-process hub below serves a single process (and tests that run two
 * servers in one process); a Redis implementation joins it later.
 */
export type FanoutMessage =
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array };

export interface Fanout {
  /** Sends to every other subscriber of `room` (never back to this instance). */
  publish(room: string, message: FanoutMessage): void;
  /** Returns an unsubscribe function. */
  subscribe(room: string, listener: (message: FanoutMessage) => void): () => void;
}

/** One hub, many server instances in one process; each instance gets its own Fanout. */
export class InProcessFanoutHub {
  private readonly listeners = new Map<string, Set<{ instance: object; listener: (message: FanoutMessage) => void }>>();

  connect(): Fanout {
    const instance = {};
    return {
      publish: (room, message) => {
        for (const entry of this.listeners.get(room) ?? []) {
          if (entry.instance !== instance) entry.listener(message);
        }
      },
      subscribe: (room, listener) => {
        const entry = { instance, listener };
        let set = this.listeners.get(room);
        if (!set) {
          set = new Set();
          this.listeners.set(room, set);
        }
        set.add(entry);
        return () => {
          set.delete(entry);
          if (set.size === 0) this.listeners.delete(room);
        };
      },
    };
  }
}
