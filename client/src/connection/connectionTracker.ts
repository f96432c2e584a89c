/** What the connection indicator shows. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'ended';

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  /**
   * How many board objects this person changed while not live: the things
   * that are on this device but not yet on the server. Distinct objects, not
   * keystrokes — typing a sentence into one note offline is one change.
   * Back to 0 only when the server confirms it has stored them.
   */
  unsynced: number;
}

/**
 * Folds provider events into the indicator's state. Pure (no provider
 * import) so it can be unit-tested: the provider wiring feeds it events.
 *
 * - connecting: never been live yet;
 * - live: socket open and the first sync exchange done;
 * - reconnecting: was live, lost the socket, the provider is retrying;
 * - offline: the browser says it is offline, or connecting was switched off;
 * - ended: the server ended the connection for good (the link was revoked).
 */
export class ConnectionTracker {
  private socketOpen = false;
  private synced = false;
  private everLive = false;
  private wantConnected = true;
  private browserOnline = true;
  private ended = false;
  /** Objects edited locally and not yet confirmed stored, with the edit counter at their last edit. */
  private readonly pending = new Map<string, number>();
  private edits = 0;
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

  /** The connection will not come back (see ConnectionEnd): nothing here is "kept to send later" any more. */
  end(): void {
    this.ended = true;
    this.update();
  }

  setBrowserOnline(online: boolean): void {
    this.browserOnline = online;
    this.update();
  }

  /**
   * A local edit of these objects. When live it is on the wire at once; otherwise the
   * objects wait, and are sent by the handshake on reconnection.
   */
  localEdit(ids: Iterable<string>): void {
    if (this.snapshot.status === 'live') return;
    this.edits += 1;
    const before = this.pending.size;
    for (const id of ids) this.pending.set(id, this.edits);
    if (this.pending.size !== before) this.update();
  }

  /** A mark to pass to `storedUpTo` once the server confirms what has been sent so far. */
  checkpoint(): number {
    return this.edits;
  }

  /** The server has stored every edit made up to `checkpoint`; later ones still count. */
  storedUpTo(checkpoint: number): void {
    for (const [id, edit] of this.pending) if (edit <= checkpoint) this.pending.delete(id);
    this.update();
  }

  private update(): void {
    const live = this.socketOpen && this.synced;
    // Being live again does not clear `pending`: the edits are on their way,
    // and only the server's receipt (storedUpTo) says they are safe.
    if (live) this.everLive = true;
    const status: ConnectionStatus = this.ended
      ? 'ended'
      : live
        ? 'live'
        : !this.wantConnected || !this.browserOnline
          ? 'offline'
          : this.everLive
            ? 'reconnecting'
            : 'connecting';
    const unsynced = this.pending.size;
    if (status === this.snapshot.status && unsynced === this.snapshot.unsynced) return;
    this.snapshot = { status, unsynced };
    for (const listener of this.listeners) listener();
  }
}
