import WebSocket from 'ws';
import { CloseCode, CloseCodeName, type Role, type TransactionOrigin } from '@clapboard/shared';
import type { SyncLimits } from '../config.ts';
import { ProtocolError } from './ProtocolError.ts';
import type { RelayedMessage } from './RelayedMessage.ts';
import { TokenBucket } from './TokenBucket.ts';
import type { CorkableStream, WriteCoalescer } from './WriteCoalescer.ts';

/**
 * How long a connection closed for not reading may take to read its backlog
 * and the close frame behind it before it is cut off. Closing and cutting off
 * in the same tick dropped the close frame, so the client never learned why.
 */
const SLOW_CONSUMER_GRACE_MS = 5_000;

/** Who is connecting: decided before the upgrade, from the token (and the optional writer key). */
export interface ConnectionGrant {
  role: Role;
  /** Hash of the browser's writer key, if it sent one (see WriterClaims). */
  writerKey: string | null;
  /** Stored hash of the token it was opened with: a revoked link closes its connections (TokenRevoked). */
  tokenHash: string;
}

/**
 * One websocket client of one document. Knows its role and whether it may
 * write; everything protocol-level happens in DocumentRoom.
 */
export class SyncConnection {
  /** Transaction origin of this connection's updates (compared by identity). */
  readonly origin: TransactionOrigin;
  /** Awareness client id this connection speaks for, bound by its first awareness update. */
  clientId: number | null = null;
  /** Shift of this connection's awareness clocks, set when it binds (see AwarenessVerdict.clockOffset). */
  clockOffset = 0;
  /** Cleared by each heartbeat ping, set by the pong. */
  alive = true;
  readonly role: Role;
  readonly writerKey: string | null;
  readonly tokenHash: string;
  /** Every message: one client cannot keep the event loop busy for everyone. */
  readonly messages: TokenBucket;
  /** Document updates: each is judged, stored and relayed, the costliest message to take. */
  readonly updates: TokenBucket;
  /** Requests whose answer is the whole board or everyone's presence: the expensive ones to serve. */
  private readonly fullReads: TokenBucket;
  /** `batching`, where `relay` may write frames of its own (see there); extensions are settled by the upgrade. */
  private readonly ownFrames: { stream: CorkableStream; writes: WriteCoalescer } | null;

  constructor(
    readonly id: number,
    private readonly socket: WebSocket,
    grant: ConnectionGrant,
    readonly canWrite: boolean,
    private readonly maxBufferedBytes: number,
    limits: Pick<SyncLimits, 'messagesPerSecond' | 'messageBurst' | 'fullReadsPerMinute' | 'fullReadBurst' | 'updatesPerSecond' | 'updateBurst'>,
    /** The socket's byte stream and the process's coalescer; without them each frame is written at once. */
    private readonly batching: { stream: CorkableStream; writes: WriteCoalescer } | null = null,
  ) {
    this.role = grant.role;
    this.writerKey = grant.writerKey;
    this.tokenHash = grant.tokenHash;
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.updates = new TokenBucket(limits.updatesPerSecond, limits.updateBurst);
    this.fullReads = new TokenBucket(limits.fullReadsPerMinute / 60, limits.fullReadBurst);
    this.origin = Object.freeze({ kind: 'connection', connectionId: id });
    this.ownFrames = socket.extensions === '' ? batching : null;
    socket.on('pong', () => {
      this.alive = true;
    });
  }

  /** Takes one whole-board read from this connection's budget, or closes it with RateLimited. */
  spendFullRead(): void {
    if (!this.fullReads.take()) throw new ProtocolError(CloseCode.RateLimited, 'too many full reads');
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
    if (!this.mayQueue()) return;
    if (this.batching) this.batching.writes.hold(this.batching.stream);
    this.socket.send(message, { binary: true }, (error) => {
      if (error) this.socket.terminate();
    });
  }

  /**
   * Sends a message many connections are sent, as `send` would, writing its
   * frame built once instead of having ws frame it again for this socket.
   * Without a negotiated extension (the server offers none: permessage-deflate
   * is off) ws keeps no state between the frames it writes and queues none,
   * so a frame written beside its own is the same to the client; a write
   * error reaches ws through the socket's 'error', which ends the connection
   * as a failed send would.
   */
  relay(message: RelayedMessage): void {
    const batching = this.ownFrames;
    if (!batching) {
      this.send(message.payload);
      return;
    }
    if (!this.mayQueue()) return;
    batching.writes.holdRelay(batching.stream);
    batching.stream.write(message.frame);
  }

  /**
   * Whether a message may be queued now: not once the socket is closing, and
   * not past maxBufferedBytes of unsent data, where the connection is dropped.
   */
  private mayQueue(): boolean {
    if (!this.open) return false;
    if (this.socket.bufferedAmount <= this.maxBufferedBytes) return true;
    // Nothing more is queued (the socket is closing); the close frame goes
    // out behind the backlog, and the socket is cut off if that is not read.
    this.close(CloseCode.SlowConsumer);
    setTimeout(() => this.socket.terminate(), SLOW_CONSUMER_GRACE_MS).unref();
    return false;
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

