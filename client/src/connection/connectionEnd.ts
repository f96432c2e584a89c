import type { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '@clapboard/shared';

/** Why this page's connection ended for good (nothing it can retry). */
export type ConnectionEndReason = 'revoked' | 'deleted' | 'boardFull' | 'invalidContent';

/** The close codes after which the page must stop and say why, rather than reconnect. */
const FINAL_CLOSES: ReadonlyMap<number, ConnectionEndReason> = new Map([
  [CloseCode.TokenRevoked, 'revoked'],
  [CloseCode.BoardDeleted, 'deleted'],
  // The change that passed the board's quota, or that the server refused as
  // invalid, is still in this page and would be refused again on every
  // reconnect: the page stops and says why. Once someone has made room, a
  // reload sends it again.
  [CloseCode.BoardQuotaExceeded, 'boardFull'],
  [CloseCode.InvalidRecord, 'invalidContent'],
]);

/**
 * Watches the board's providers for a close that ends the page's connection
 * for good: `TokenRevoked`, when a facilitator revoked or rotated the link
 * this page opened; `BoardDeleted`, when the board was erased (a
 * facilitator deleted it, or its retention date came). Reconnecting could only be refused (401), so the page
 * stops and says why. Other close codes are transient and the provider
 * retries by itself.
 */
export class ConnectionEnd {
  private reason: ConnectionEndReason | null = null;
  private readonly listeners = new Set<() => void>();

  get current(): ConnectionEndReason | null {
    return this.reason;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `stop` disconnects every provider of the page (the one closed, and the other). */
  watch(providers: readonly WebsocketProvider[], stop: () => void): void {
    for (const provider of providers) {
      provider.on('connection-close', (event) => {
        const reason = event ? FINAL_CLOSES.get(event.code) : undefined;
        if (!reason || this.reason) return;
        this.reason = reason;
        // After the provider's own handling of this close, which may schedule a retry.
        queueMicrotask(stop);
        for (const listener of this.listeners) listener();
      });
    }
  }
}
