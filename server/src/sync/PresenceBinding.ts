import * as awarenessProtocol from 'y-protocols/awareness';
import { checkAwarenessUpdate } from './awarenessGuard.ts';
import type { SyncConnection } from './SyncConnection.ts';

/**
 * Who speaks for which presence id in one document: each connection for the
 * one id it bound first (see awarenessGuard.ts), at most `maxPresence`
 * connections at a time; and removing a connection's presence when it goes.
 */
export class PresenceBinding {
  private readonly owners = new Map<number, SyncConnection>();

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly maxPresence: number,
  ) {}

  receive(connection: SyncConnection, payload: Uint8Array): void {
    const states = this.awareness.getStates();
    const verdict = checkAwarenessUpdate(payload, connection, {
      clockOf: (clientId) => this.awareness.meta.get(clientId)?.clock,
      hasState: (clientId) => states.has(clientId),
      ownedByAnother: (clientId) => {
        const owner = this.owners.get(clientId);
        return owner !== undefined && owner !== connection;
      },
    });
    if (verdict.bind !== null && connection.clientId === null) {
      // Past the bound, a person stays invisible rather than crowd everyone's presence list and replies.
      if (this.owners.size >= this.maxPresence) return;
      connection.clientId = verdict.bind;
      connection.clockOffset = verdict.clockOffset;
      this.owners.set(verdict.bind, connection);
    }
    if (verdict.update) awarenessProtocol.applyAwarenessUpdate(this.awareness, verdict.update, connection.origin);
  }

  /** The connection left: its presence goes with it. */
  release(connection: SyncConnection): void {
    if (connection.clientId === null || this.owners.get(connection.clientId) !== connection) return;
    this.owners.delete(connection.clientId);
    awarenessProtocol.removeAwarenessStates(this.awareness, [connection.clientId], connection.origin);
  }
}
