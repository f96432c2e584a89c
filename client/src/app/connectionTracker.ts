/** What the connection indicator shows. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  /** Local edits made since the last time we were live; they are sent on reconnection. */
  unsynced: number;
}

/**
 * Folds provider events into the indicator's state. Pure (no provider
 * import) so it can be unit-tested: the provider wiring feeds it events.
 *
 * - connecting: never been live yet;
 * - live: socket open and the first sync exchange done;
 * - reconnecting: was live, lost the socket, the provider is retrying;
 * - offline: the browser says it is offline, or connecting was switched off.
 */
export class ConnectionTracker {
  private socketOpen = false;
  private synced = false;
  private everLive = false;
  private wantConnected = true;
  private browserOnline = true;
  private unsynced = 0;
  private snapshot: ConnectionSnapshot = { status: 'connecting', unsynced: 0 };
  private readonly listeners = new Set<() => void>();

  get current(): ConnectionSnapshot {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  socket(open: boolean): void {
    this.socketOpen = open;
    if (!open) this.synced = false;
    this.update();
  }

  sync(synced: boolean): void {
    this.synced = synced;
    this.update();
  }

  setWantConnected(want: boolean): void {
    this.wantConnected = want;
    this.update();
  }

  setBrowserOnline(online: boolean): void {
    this.browserOnline = online;
    this.update();
  }

  /** A local edit: it is on the wire at once when live, otherwise it waits. */
  localEdit(): void {
    if (this.snapshot.status !== 'live') {
      this.unsynced += 1;
      this.update();
    }
  }

  private update(): void {
    const live = this.socketOpen && this.synced;
    if (live) {
      this.everLive = true;
      // The reconnect handshake exchanges state vectors, so everything we
      // did offline has been sent by the time the provider reports synced.
      this.unsynced = 0;
    }
    const status: ConnectionStatus = live
      ? 'live'
      : !this.wantConnected || !this.browserOnline
        ? 'offline'
        : this.everLive
          ? 'reconnecting'
          : 'connecting';
    if (status === this.snapshot.status && this.unsynced === this.snapshot.unsynced) return;
    this.snapshot = { status, unsynced: this.unsynced };
    for (const listener of this.listeners) listener();
  }
}
