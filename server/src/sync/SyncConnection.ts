import WebSocket from 'ws';
import { CloseCode, CloseCodeName, type Role, type TransactionOrigin } from '@clapboard/shared';

/**
 * One websocket client of one document. Knows its role and whether it may
 * write; everything protocol-level happens in DocumentRoom.
 */
export class SyncConnection {
  /** Transaction origin of this connection's updates (compared by identity). */
  readonly origin: TransactionOrigin;
  /** Awareness client id this connection speaks for, bound by its first awareness update. */
  clientId: number | null = null;
  /** Cleared by each heartbeat ping, set by the pong. */
  alive = true;

  constructor(
    readonly id: number,
    private readonly socket: WebSocket,
    readonly role: Role,
    readonly canWrite: boolean,
    private readonly maxBufferedBytes: number,
  ) {
    this.origin = Object.freeze({ kind: 'connection', connectionId: id });
    socket.on('pong', () => {
      this.alive = true;
    });
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /**
   * Sends unless the client has stopped reading: past maxBufferedBytes of
   * unsent data the connection is dropped, so one slow phone cannot make the
   * server hold every later update in memory.
   */
  send(message: Uint8Array): void {
    if (!this.open) return;
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close(CloseCode.SlowConsumer);
      this.socket.terminate();
      return;
    }
    this.socket.send(message, { binary: true }, (error) => {
      if (error) this.socket.terminate();
    });
  }

  close(code: CloseCode): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, CloseCodeName[code]);
    }
  }

  /** Heartbeat: terminates a connection that did not answer the previous ping. */
  ping(): void {
    if (!this.alive) {
      this.socket.terminate();
      return;
    }
    this.alive = false;
    if (this.open) this.socket.ping();
  }

  terminate(): void {
    this.socket.terminate();
  }
}

