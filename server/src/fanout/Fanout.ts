/**
 * Relays what one server process accepted to the other processes serving the
 * same board. Updates are published only after they are durable, so a
 * receiving process relays them at once and never stores them again.
 *
 * No process sees every client of a board: each relays what its own clients
 * send, and applies what the others publish. The in-process hub below serves
 * a single process (and tests that run several servers in one process); a
 * Redis implementation plugs in behind the same interface. Every
 * implementation passes tests/fanout/fanoutContract.ts.
 */
/**
 * What one process relays. Every receiver gets its own copy of `update`,
 * exactly the bytes published (a view's bytes, not its whole buffer), as a
 * transport that serialises gives it anyway: a listener may keep or change
 * what it receives, and once `publish()` has resolved the publisher may
 * reuse its buffer. Until then it must not change it (a transport may still
 * be holding it, queued behind a reconnect).
 */
export type FanoutMessage =
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array };

export interface FanoutSubscription {
  /**
   * Stops delivery to this subscription only (others in this instance, even
   * to the same room, keep theirs); resolves once no further message will be
   * delivered to it. Calling it again, or after `close()`, resolves.
   */
  unsubscribe(): Promise<void>;
}

export interface Fanout {
  /**
   * Sends to every other subscriber of `room` (never back to this instance).
   * Resolves once the message is handed to the transport; rejects if it
   * could not be (the caller logs it: the update is durable either way).
   */
  publish(room: string, message: FanoutMessage): Promise<void>;
  /**
   * Starts delivery of other instances' messages for `room`. Resolves once
   * subscribed: every message published after that is delivered, in the
   * order its publisher published it. A room loads its document only after
   * subscribing, so nothing published in between is missed (it is durable
   * before it is published, so the load has it, or the subscription does).
   */
  subscribe(room: string, listener: (message: FanoutMessage) => void): Promise<FanoutSubscription>;
  /**
   * Ends every subscription of this instance and releases the transport:
   * once it resolves nothing more is delivered, and `publish` and `subscribe`
   * reject. Calling it again resolves.
   */
  close(): Promise<void>;
}

interface HubEntry {
  instance: object;
  listener: (message: FanoutMessage) => void;
}

/** One hub, many server instances in one process; each instance gets its own Fanout. */
export class InProcessFanoutHub {
  private readonly rooms = new Map<string, Set<HubEntry>>();

  connect(): Fanout {
    const instance = {};
    const mine = new Set<{ room: string; entry: HubEntry }>();
    let closed = false;
    const remove = (room: string, entry: HubEntry) => {
      const set = this.rooms.get(room);
      set?.delete(entry);
      if (set?.size === 0) this.rooms.delete(room);
    };
    return {
      publish: async (room, message) => {
        if (closed) throw new Error('fan-out is closed');
        for (const entry of [...(this.rooms.get(room) ?? [])]) {
          if (entry.instance === instance) continue;
          // Each receiver its own copy, as a serialising transport would give
          // it; and a listener that throws fails alone, as it would over Redis.
          try {
            entry.listener({ ...message, update: message.update.slice() });
          } catch {
            // The listener's own failure: not the publisher's, nor the other listeners'.
          }
        }
      },
      subscribe: async (room, listener) => {
        if (closed) throw new Error('fan-out is closed');
        const entry = { instance, listener };
        const record = { room, entry };
        let set = this.rooms.get(room);
        if (!set) {
          set = new Set();
          this.rooms.set(room, set);
        }
        set.add(entry);
        mine.add(record);
        return {
          unsubscribe: async () => {
            mine.delete(record);
            remove(room, entry);
          },
        };
      },
      close: async () => {
        closed = true;
        for (const { room, entry } of mine) remove(room, entry);
        mine.clear();
      },
    };
  }
}
