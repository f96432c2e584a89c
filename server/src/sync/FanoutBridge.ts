import type { Fanout, FanoutMessage, FanoutSubscription } from '../fanout/Fanout.ts';

/** Where the bridge reports what went wrong (the room logs it). */
export interface FanoutFailures {
  publishFailed(error: unknown): void;
  applyFailed(error: unknown): void;
}

/**
 * One document's link to the other server processes serving it. Messages
 * that arrive before the document is loaded are held, then applied once it
 * is (`start`), so nothing published while we load is missed.
 */
export class FanoutBridge {
  private readonly early: FanoutMessage[] = [];
  private live: ((message: FanoutMessage) => void) | null = null;
  private subscription: FanoutSubscription | null = null;

  private constructor(
    private readonly fanout: Fanout,
    private readonly channel: string,
    private readonly report: FanoutFailures,
  ) {}

  /** Subscribes; resolves once every later message will be delivered. */
  static async open(fanout: Fanout, channel: string, report: FanoutFailures): Promise<FanoutBridge> {
    const bridge = new FanoutBridge(fanout, channel, report);
    bridge.subscription = await fanout.subscribe(channel, (message) => {
      if (bridge.live) bridge.deliver(message);
      else bridge.early.push(message);
    });
    return bridge;
  }

  /** The document is loaded: apply what was held, then everything as it comes. */
  start(apply: (message: FanoutMessage) => void): void {
    this.live = apply;
    for (const message of this.early.splice(0)) this.deliver(message);
  }

  private deliver(message: FanoutMessage): void {
    try {
      this.live?.(message);
    } catch (error) {
      // Another process sent what this one cannot apply: keep receiving the rest.
      this.report.applyFailed(error);
    }
  }

  /**
   * Relays a durable update or a presence change. A failure is reported, not
   * thrown: the update is stored either way, and other processes' clients
   * get it when they next load or sync the board.
   */
  publish(message: FanoutMessage): void {
    this.fanout.publish(this.channel, message).catch(this.report.publishFailed);
  }

  close(): void {
    this.live = null;
    void this.subscription?.unsubscribe();
  }
}
