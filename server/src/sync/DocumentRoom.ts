import type { FastifyBaseLogger } from 'fastify';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import {
  CLIENT_WRITABLE_CONTENT_ROOTS,
  CLIENT_WRITABLE_CONTROL_ROOTS,
  CloseCode,
  CloseCodeName,
  canWrite,
  migrateBoardDoc,
  readHideCursors,
  type DocKind,
  type TransactionOrigin,
  type WritableLayout,
} from '@clapboard/shared';
import type { SyncLimits } from '../config.ts';
import type { Fanout, FanoutMessage } from '../fanout/Fanout.ts';
import { boardLogRef } from '../logRef.ts';
import { docKeyString, type BoardStore, type DocKey, type StoredDocument } from '../storage/BoardStore.ts';
import { ContentLocks } from './ContentLocks.ts';
import { BoardQuota } from './BoardQuota.ts';
import { awarenessFor } from './cursorPrivacy.ts';
import { RelayedMessage } from './RelayedMessage.ts';
import { DurabilityOutbox } from './DurabilityOutbox.ts';
import { FanoutBridge } from './FanoutBridge.ts';
import type { MessageHandlers } from './MessageHandlers.ts';
import { decoding, encodeSyncStep1, encodeSyncUpdateMessage, frameAwarenessUpdate } from './messages.ts';
import { PresenceBinding } from './PresenceBinding.ts';
import { ProtocolError } from './ProtocolError.ts';
import { SyncConnection, type ConnectionGrant } from './SyncConnection.ts';
import type { CorkableStream, WriteCoalescer } from './WriteCoalescer.ts';
import { SyncReplyCache } from './SyncReplyCache.ts';
import type { UpdateLimits } from './updateScope.ts';
import { WriterClaims } from './WriterClaims.ts';

export const STORAGE_ORIGIN: TransactionOrigin = Object.freeze({ kind: 'storage' });
export const FANOUT_ORIGIN: TransactionOrigin = Object.freeze({ kind: 'fanout' });
export const MIGRATION_ORIGIN: TransactionOrigin = Object.freeze({ kind: 'server', reason: 'migration' });

/** Root types a client's update may touch, and their layouts, per document (the server's own writes are not checked). */
const WRITABLE_ROOTS: Record<DocKind, WritableLayout> = {
  content: CLIENT_WRITABLE_CONTENT_ROOTS,
  control: CLIENT_WRITABLE_CONTROL_ROOTS,
};

export interface RoomContext {
  store: BoardStore;
  fanout: Fanout;
  log: FastifyBaseLogger;
  messageHandlers: MessageHandlers;
  maxBufferedBytes: number;
  limits: SyncLimits;
  /** Shared by every room of the process: one flush per turn for all sockets. */
  writes: WriteCoalescer;
  nextConnectionId: () => number;
  /** Called when everything is durable; the registry decides whether the log wants compacting. */
  requestCompaction: (room: DocumentRoom) => void;
  /** Called when storage failed and the room must be dropped from memory. */
  onFailure: (room: DocumentRoom) => void;
  /** Called when a connection leaves. */
  onDetach: (room: DocumentRoom) => void;
}

/**
 * One loaded Yjs document with its connections and presence. It composes
 * one unit per concern: the durability outbox (durable before visible), the
 * fan-out bridge to other processes, presence binding, Yjs client-id claims,
 * cached sync replies; incoming messages go to the handler registered for
 * their type (MessageHandlers).
 *
 * Durable before visible: every update is applied to the in-memory doc, then
 * appended to storage, and only once storage confirmed it is it relayed, to
 * other clients or to other processes. Sync replies computed from the doc go
 * through the same outbox, so a client that connects while an update is
 * still being written receives it only after it is durable too.
 */
export class DocumentRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly name: string;
  /** What every log line about this document carries: the board's log ref, never its id. */
  readonly logFields: { board: string; doc: DocKind };
  readonly writableLayout: WritableLayout;
  readonly updateLimits: UpdateLimits;
  /** Nobody may write under the client id the server writes with (migrations, later anonymous answers). */
  readonly writers = new WriterClaims([this.doc.clientID]);
  readonly replies = new SyncReplyCache(this.doc);
  readonly presence: PresenceBinding;
  readonly outbox: DurabilityOutbox;
  /**
   * The board's control document, for a content room (null for a control
   * room): where the facilitators' locks and cursor setting live. The
   * registry keeps it loaded as long as this room is.
   */
  readonly controlDoc: Y.Doc | null;
  /** Participants' changes to locked objects (content rooms only). */
  readonly locks: ContentLocks | null;
  /** How many objects and stored bytes this document may grow to (BoardQuota.ts). */
  readonly quota: BoardQuota;
  /**
   * The state vector of what storage held when the room loaded, before any
   * migration: what a client answered from those bytes (storedStateReply.ts)
   * already has.
   */
  storedStateVector: Uint8Array = new Uint8Array([0]);

  private readonly connections = new Map<number, SyncConnection>();
  private fanout: FanoutBridge | null = null;

  private constructor(
    readonly key: DocKey,
    private readonly context: RoomContext,
    storedAppends: number,
    controlDoc: Y.Doc | null,
    storedBytes: number,
  ) {
    this.name = docKeyString(key);
    this.controlDoc = controlDoc;
    this.locks = controlDoc ? new ContentLocks(this.doc, controlDoc) : null;
    this.logFields = { board: boardLogRef(key.boardId), doc: key.doc };
    this.writableLayout = WRITABLE_ROOTS[key.doc];
    this.updateLimits = { maxStructs: context.limits.maxUpdateStructs, maxTypes: context.limits.maxUpdateTypes };
    this.quota = new BoardQuota(this.doc, context.limits, storedBytes);
    this.presence = new PresenceBinding(this.awareness, context.limits.maxPresencePerBoard);
    this.outbox = new DurabilityOutbox({
      storedAppends,
      onIdle: () => context.requestCompaction(this),
      onAppendFailed: (error) => this.fail(error),
    });
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
  }

  /**
   * Listens to other processes, then loads the document from storage and
   * migrates it. In that order: what another process publishes while we
   * load is either in what we load (it was durable before it was published)
   * or arrives through the subscription, held until the load is done.
   * A content room is given its board's loaded control document.
   * `beforeBuild` sees the stored bytes before the document is built from
   * them, and the build waits for it (see storedStateReply.ts).
   */
  static async load(
    key: DocKey,
    context: RoomContext,
    controlDoc: Y.Doc | null = null,
    beforeBuild: (stored: StoredDocument) => Promise<void> = async () => {},
  ): Promise<DocumentRoom> {
    const log = { board: boardLogRef(key.boardId), doc: key.doc };
    const bridge = await FanoutBridge.open(context.fanout, docKeyString(key), {
      publishFailed: (error) => context.log.error({ ...log, err: error }, 'fan-out publish failed'),
      applyFailed: (error) => context.log.error({ ...log, err: error }, 'could not apply a fan-out message'),
    });
    let stored: StoredDocument;
    try {
      stored = await context.store.loadDocument(key);
      await beforeBuild(stored);
    } catch (error) {
      bridge.close();
      throw error;
    }
    const storedBytes = (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
    const room = new DocumentRoom(key, context, stored.updates.length, controlDoc, storedBytes);
    room.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(room.doc, update);
    }, STORAGE_ORIGIN);
    room.storedStateVector = Y.encodeStateVector(room.doc);
    room.doc.on('update', room.handleDocUpdate);
    room.awareness.on('update', room.handleAwarenessUpdate);
    room.fanout = bridge;
    if (key.doc === 'content') {
      const result = migrateBoardDoc(room.doc, MIGRATION_ORIGIN);
      if (result.applied.length > 0) context.log.info({ ...log, ...result }, 'migrated board document');
    }
    bridge.start(room.handleFanoutMessage);
    return room;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /**
   * Starts serving a websocket; null (and the socket closed) when the board is
   * full. Attach before the socket's first message is emitted, so none is missed.
   */
  attach(socket: WebSocket, grant: ConnectionGrant, stream: CorkableStream | null = null): SyncConnection | null {
    if (this.connections.size >= this.context.limits.maxConnectionsPerBoard) {
      socket.close(CloseCode.BoardFull, CloseCodeName[CloseCode.BoardFull]);
      return null;
    }
    const connection = new SyncConnection(
      this.context.nextConnectionId(),
      socket,
      grant,
      canWrite(grant.role, this.key.doc),
      this.context.maxBufferedBytes,
      this.context.limits,
      stream ? { stream, writes: this.context.writes } : null,
    );
    this.connections.set(connection.id, connection);
    socket.on('message', (data: Buffer, isBinary: boolean) => this.receive(connection, data, isBinary));
    socket.on('close', () => this.detach(connection));
    // ws emits 'error' for a bad frame (over maxPayload, a bad opcode) after
    // it has queued its own close frame with the code (1009, 1002), and it
    // cuts the socket off itself if the client never answers. Terminating
    // here would drop that frame when it sits behind data still queued for
    // the client, who would see 1006 and no reason.
    socket.on('error', () => {
      if (socket.readyState !== socket.CLOSING) connection.terminate();
    });
    connection.send(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) connection.send(this.awarenessMessageFor(connection, states));
    return connection;
  }

  /**
   * An awareness message with these clients' states, as `viewer` may see
   * them: without other people's cursors for anyone but facilitators while
   * the facilitators hide cursors (settings.hideCursors).
   */
  awarenessMessageFor(viewer: SyncConnection, clients: number[]): Uint8Array {
    return awarenessFor(this.awareness, clients, viewer, this.hidesCursors());
  }

  /** Closes every connection opened with this token (its link was revoked); how many there were. */
  closeConnectionsWith(tokenHash: string, code: CloseCode): number {
    let closed = 0;
    for (const connection of this.connections.values()) {
      if (connection.tokenHash !== tokenHash) continue;
      connection.close(code);
      closed += 1;
    }
    return closed;
  }

  /** Every open connection, for heartbeats and shutdown. */
  allConnections(): IterableIterator<SyncConnection> {
    return this.connections.values();
  }

  /**
   * A change made by the server's own Yjs client (a template, an anonymous
   * answer). Resolves once it is durable and relayed to every connection
   * and process, so an HTTP route can answer "saved" truthfully; rejects if
   * storage fails first. A transaction that changes nothing resolves at once.
   */
  transactDurably(change: () => void, origin: Extract<TransactionOrigin, { kind: 'server' }>): Promise<void> {
    if (this.outbox.failed) return Promise.reject(new Error('the board failed to store an earlier change'));
    const before = this.outbox.lastApplied;
    this.doc.transact(change, origin);
    const seq = this.outbox.lastApplied;
    return seq === before ? Promise.resolve() : this.outbox.settled(seq);
  }

  /** Resolves once every update applied so far is durable and relayed, or the room failed. */
  drained(): Promise<void> {
    return this.outbox.drained();
  }

  destroy(): void {
    this.fanout?.close();
    this.doc.off('update', this.handleDocUpdate);
    this.awareness.off('update', this.handleAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private receive(connection: SyncConnection, data: Buffer, isBinary: boolean): void {
    // Once the server has closed a connection (a bad message, a revoked link),
    // nothing more it sends is applied or relayed, valid or not.
    if (!connection.open) return;
    try {
      if (!connection.messages.take()) throw new ProtocolError(CloseCode.RateLimited);
      if (!isBinary) throw new ProtocolError(CloseCode.TextFrame);
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      const type = decoding.readVarUint(decoder);
      const handler = this.context.messageHandlers.handlerFor(type);
      if (!handler) throw new ProtocolError(CloseCode.UnknownMessageType, `type ${type}`);
      handler({ room: this, connection, decoder });
    } catch (error) {
      const code = error instanceof ProtocolError ? error.code : CloseCode.MalformedMessage;
      // Only the close code is logged: the message itself may hold what a participant wrote.
      this.context.log.warn({ ...this.logFields, connection: connection.id, code }, 'closing connection after a bad message');
      connection.close(code);
    }
  }

  private detach(connection: SyncConnection): void {
    if (!this.connections.delete(connection.id)) return;
    this.writers.release(connection);
    this.presence.release(connection);
    this.context.onDetach(this);
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.replies.recordUpdate(update);
    this.quota.stored(update.byteLength);
    const message = new RelayedMessage(encodeSyncUpdateMessage(syncProtocol.messageYjsUpdate, update));
    if (origin === FANOUT_ORIGIN) {
      // Already durable: another process stored it before publishing.
      this.broadcast(message, null);
      return;
    }
    const except = this.connectionOf(origin);
    this.outbox.track(
      () => this.context.store.appendUpdate(this.key, update),
      () => {
        this.broadcast(message, except);
        this.fanout?.publish({ kind: 'update', update });
      },
    );
  };

  private readonly handleAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const except = this.connectionOf(origin);
    const hide = this.hidesCursors();
    // One encoding for everyone who sees the same (most recipients); a
    // viewer whose own entry changed gets it whole (see cursorPrivacy.ts).
    const shared = new Map<boolean, RelayedMessage>();
    for (const connection of this.connections.values()) {
      if (connection === except) continue;
      const hidden = hide && connection.role !== 'facilitator';
      if (hidden && connection.clientId !== null && changed.includes(connection.clientId)) {
        connection.send(this.awarenessMessageFor(connection, changed));
        continue;
      }
      let message = shared.get(hidden);
      if (!message) {
        // Unstripped, it is the update already encoded: framed, not stringified again.
        message = new RelayedMessage(hidden ? awarenessFor(this.awareness, changed, null, true) : frameAwarenessUpdate(update));
        shared.set(hidden, message);
      }
      connection.relay(message);
    }
    if (origin !== FANOUT_ORIGIN) this.fanout?.publish({ kind: 'awareness', update });
  };

  private hidesCursors(): boolean {
    return this.controlDoc !== null && readHideCursors(this.controlDoc);
  }

  private readonly handleFanoutMessage = (message: FanoutMessage): void => {
    if (this.outbox.failed) return;
    if (message.kind === 'update') Y.applyUpdate(this.doc, message.update, FANOUT_ORIGIN);
    else awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, FANOUT_ORIGIN);
  };

  private connectionOf(origin: unknown): SyncConnection | null {
    if (typeof origin !== 'object' || origin === null || (origin as TransactionOrigin).kind !== 'connection') return null;
    return this.connections.get((origin as { connectionId: number }).connectionId) ?? null;
  }

  private broadcast(message: RelayedMessage, except: SyncConnection | null): void {
    for (const connection of this.connections.values()) {
      if (connection !== except) connection.relay(message);
    }
  }

  /**
   * Storage refused an update: nothing not yet durable may be shown, so every
   * client is disconnected and the room dropped. Clients keep their edits and
   * send them again when they reconnect to a freshly loaded room. Also
   * called by the registry when this room's control document failed.
   */
  fail(error: unknown): void {
    if (this.outbox.failed) return;
    this.context.log.error({ ...this.logFields, err: error }, 'storage failed; dropping room');
    this.outbox.fail(error instanceof Error ? error : new Error(String(error)));
    for (const connection of this.connections.values()) connection.close(CloseCode.StorageFailure);
    this.context.onFailure(this);
  }
}
