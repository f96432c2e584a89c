/**
 * A one-way channel for short notices between the server processes of a
 * deployment (a link revoked, a board erased): the process that acts
 * handles its own connections and publishes; the others act when they hear.
 * Several processes plug in a transport here (a Redis channel, say); one
 * process alone needs only the in-process hub below.
 *
 * Promises every transport keeps: `publish` never delivers back to the
 * publisher and resolves once the notice is handed to the transport;
 * `subscribe` resolves once every later notice will be delivered.
 */
export interface NoticeFeed<Notice> {
  publish(notice: Notice): Promise<void>;
  subscribe(listener: (notice: Notice) => void): Promise<void>;
  /** Stops delivery; later `publish` and `subscribe` reject. Calling it again resolves. */
  close(): Promise<void>;
}

/** One hub, many server instances in one process (tests run several); each gets its own feed. */
export class InProcessNoticeHub<Notice extends object> {
  private readonly listeners = new Map<object, (notice: Notice) => void>();

  /** `name` says which feed a closed-feed error is about. */
  constructor(private readonly name: string) {}

  connect(): NoticeFeed<Notice> {
    const instance = {};
    let closed = false;
    return {
      publish: async (notice) => {
        if (closed) throw new Error(`${this.name} is closed`);
        for (const [owner, listener] of [...this.listeners]) {
          if (owner === instance) continue;
          try {
            // A copy each, as a real transport would deliver.
            listener({ ...notice });
          } catch {
            // The listener's own failure, as over a real transport.
          }
        }
      },
      subscribe: async (listener) => {
        if (closed) throw new Error(`${this.name} is closed`);
        this.listeners.set(instance, listener);
      },
      close: async () => {
        closed = true;
        this.listeners.delete(instance);
      },
    };
  }
}
