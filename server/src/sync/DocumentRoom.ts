import type { FastifyBaseLogger } from 'fastify';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import {
  CLIENT_WRITABLE_CONTENT_ROOTS,
  CLIENT_WRITABLE_CONTROL_ROOTS,
  CloseCode,
  MessageType,
  canWrite,
  migrateBoardDoc,
  type DocKind,
  type Role,
  type TransactionOrigin,
} from '@clapboard/shared';
import { docKeyString, type BoardStore, type DocKey } from '../storage/BoardStore.ts';
import type { Fanout, FanoutMessage } from '../fanout/Fanout.ts';
import { checkAwarenessUpdate } from './awarenessGuard.ts';
import { decoding, encodeAwarenessMessage, encodeSyncStep1, encodeSyncUpdateMessage } from './messages.ts';
import { ProtocolError } from './ProtocolError.ts';
import { SyncConnection } from './SyncConnection.ts';
import { checkUpdateScope, type ScopeVerdict } from './updateScope.ts';

export const STORAGE_ORIGIN: TransactionOrigin = Object.freeze({ kind: 'storage' });
export const FANOUT_ORIGIN: TransactionOrigin = Object.freeze({ kind: 'fanout' });
export const MIGRATION_ORIGIN: TransactionOrigin = Object.freeze({ kind: 'server', reason: 'migration' });

/** Root types a client's update may touch, per document (the server's own writes are not checked). */
const WRITABLE_ROOTS: Record<DocKind, readonly string[]> = {
  content: CLIENT_WRITABLE_CONTENT_ROOTS,
  control: CLIENT_WRITABLE_CONTROL_ROOTS,
};

/** How a refused update closes its connection (see CloseCode and docs/protocol.md, "Write scope"). */
const REFUSAL_CODES: Record<Exclude<ScopeVerdict, 'allowed'>, CloseCode> = {
  forbidden: CloseCode.ForbiddenScope,
  missing: CloseCode.MissingDependencies,
  malformed: CloseCode.InvalidUpdate,
};

export interface RoomContext {
  store: BoardStore;
  fanout: Fanout;
  log: FastifyBaseLogger;
  maxBufferedBytes: number;
  nextConnectionId: () => number;
  /** Called when the log has grown enough that the room wants compacting. */
  requestCompaction: (room: DocumentRoom) => void;
  /** Called when storage failed and the room must be dropped from memory. */
  onFailure: (room: DocumentRoom) => void;
}

interface OutboxEntry {
  /** Deliver once every local update up to this sequence is durable. */
  seq: number;
  deliver: () => void;
}

/**
 * One loaded Yjs document with its connections and awareness.
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
  /** Connections plus pending acquisitions; the registry unloads the room at 0. */
  holds = 0;
  appendsSinceCompaction = 0;

  private readonly connections = new Map<number, SyncConnection>();
  private readonly awarenessOwners = new Map<number, SyncConnection>();
  private readonly outbox: OutboxEntry[] = [];
  private appliedSeq = 0;
  private durableSeq = 0;
  private drainWaiters: Array<() => void> = [];
  private unsubscribeFanout: () => void = () => {};
  private failed = false;

  private constructor(
    readonly key: DocKey,
    private readonly context: RoomContext,
  ) {
    this.name = docKeyString(key);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.handleDocUpdate);
    this.awareness.on('update', this.handleAwarenessUpdate);
  }

  /** Loads a document from storage, migrates it, and starts listening to other processes. */
  static async load(key: DocKey, context: RoomContext): Promise<DocumentRoom> {
    const stored = await context.store.loadDocument(key);
    const room = new DocumentRoom(key, context);
    room.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(room.doc, update);
    }, STORAGE_ORIGIN);
    room.appendsSinceCompaction = stored.updates.length;
    if (key.doc === 'content') {
      const result = migrateBoardDoc(room.doc, MIGRATION_ORIGIN);
      if (result.applied.length > 0) context.log.info({ room: room.name, ...result }, 'migrated board document');
    }
    room.unsubscribeFanout = context.fanout.subscribe(room.name, room.handleFanoutMessage);
    return room;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Starts serving a websocket. Must be called synchronously after the upgrade so no message is missed. */
  attach(socket: WebSocket, role: Role): SyncConnection {
    const connection = new SyncConnection(
      this.context.nextConnectionId(),
      socket,
      role,
      canWrite(role, this.key.doc),
      this.context.maxBufferedBytes,
    );
    this.connections.set(connection.id, connection);
    socket.on('message', (data: Buffer, isBinary: boolean) => this.receive(connection, data, isBinary));
    socket.on('close', () => this.detach(connection));
    socket.on('error', () => connection.terminate());
    connection.send(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) connection.send(encodeAwarenessMessage(this.awareness, states));
    return connection;
  }

  /** Every open connection, for heartbeats and shutdown. */
  allConnections(): IterableIterator<SyncConnection> {
    return this.connections.values();
  }

  /**
   * Resolves once every update applied so far is durable and relayed, or
   * the room failed (its unstored updates will never be durable here).
   */
  drained(): Promise<void> {
    if (this.failed || (this.outbox.length === 0 && this.durableSeq === this.appliedSeq)) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  destroy(): void {
    this.unsubscribeFanout();
    this.doc.off('update', this.handleDocUpdate);
    this.awareness.off('update', this.handleAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private receive(connection: SyncConnection, data: Buffer, isBinary: boolean): void {
    try {
      if (!isBinary) throw new ProtocolError(CloseCode.TextFrame);
      this.handleMessage(connection, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (error) {
      const code = error instanceof ProtocolError ? error.code : CloseCode.MalformedMessage;
      // Only the close code is logged: the message itself may hold what a participant wrote.
      this.context.log.warn({ room: this.name, connection: connection.id, code }, 'closing connection after a bad message');
      connection.close(code);
    }
  }

  private handleMessage(connection: SyncConnection, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
        this.handleSync(connection, decoder);
        return;
      case MessageType.Awareness:
        this.handleAwareness(connection, decoding.readVarUint8Array(decoder));
        return;
      case MessageType.QueryAwareness:
        connection.send(encodeAwarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      default:
        throw new ProtocolError(CloseCode.UnknownMessageType, `type ${type}`);
    }
  }

  private handleSync(connection: SyncConnection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      let diff: Uint8Array;
      try {
        diff = Y.encodeStateAsUpdate(this.doc, payload);
      } catch {
        throw new ProtocolError(CloseCode.MalformedMessage, 'bad state vector');
      }
      const reply = encodeSyncUpdateMessage(syncProtocol.messageYjsSyncStep2, diff);
      this.whenDurable(() => connection.send(reply));
      return;
    }
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
      throw new ProtocolError(CloseCode.MalformedMessage, `sync type ${syncType}`);
    }
    // Read-only connections (observers; participants on the control document)
    // still answer the server's sync step 1, so their updates are dropped
    // quietly rather than treated as an attack.
    if (!connection.canWrite) return;
    // Judged before Yjs sees it: Yjs applies what it can of an update, so a
    // refused one must never reach applyUpdate, not even in part.
    const verdict = checkUpdateScope(this.doc, payload, WRITABLE_ROOTS[this.key.doc]);
    if (verdict !== 'allowed') throw new ProtocolError(REFUSAL_CODES[verdict]);
    try {
      Y.applyUpdate(this.doc, payload, connection.origin);
    } catch {
      throw new ProtocolError(CloseCode.InvalidUpdate);
    }
  }

  private handleAwareness(connection: SyncConnection, payload: Uint8Array): void {
    const verdict = checkAwarenessUpdate(payload, connection, {
      clockOf: (clientId) => this.awareness.meta.get(clientId)?.clock,
      ownedByAnother: (clientId) => {
        const owner = this.awarenessOwners.get(clientId);
        return owner !== undefined && owner !== connection;
      },
    });
    if (verdict.bind !== null && connection.clientId === null) {
      connection.clientId = verdict.bind;
      this.awarenessOwners.set(verdict.bind, connection);
    }
    if (verdict.update) awarenessProtocol.applyAwarenessUpdate(this.awareness, verdict.update, connection.origin);
  }

  private detach(connection: SyncConnection): void {
    if (!this.connections.delete(connection.id)) return;
    if (connection.clientId !== null && this.awarenessOwners.get(connection.clientId) === connection) {
      this.awarenessOwners.delete(connection.clientId);
      awarenessProtocol.removeAwarenessStates(this.awareness, [connection.clientId], connection.origin);
    }
    this.onDetach?.(this);
  }

  /** Set by the registry to learn when a connection leaves. */
  onDetach: ((room: DocumentRoom) => void) | undefined;

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_ORIGIN) return;
    if (origin === FANOUT_ORIGIN) {
      // Already durable: another process stored it before publishing.
      this.broadcast(encodeSyncUpdateMessage(syncProtocol.messageYjsUpdate, update), null);
      return;
    }
    const seq = ++this.appliedSeq;
    const except = this.connectionOf(origin);
    const message = encodeSyncUpdateMessage(syncProtocol.messageYjsUpdate, update);
    this.outbox.push({
      seq,
      deliver: () => {
        this.broadcast(message, except);
        this.context.fanout.publish(this.name, { kind: 'update', update });
      },
    });
    this.context.store.appendUpdate(this.key, update).then(
      () => this.markDurable(seq),
      (error: unknown) => this.fail(error),
    );
  };

  private readonly handleAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.broadcast(encodeAwarenessMessage(this.awareness, changed), this.connectionOf(origin));
    if (origin !== FANOUT_ORIGIN) this.context.fanout.publish(this.name, { kind: 'awareness', update });
  };

  private readonly handleFanoutMessage = (message: FanoutMessage): void => {
    if (this.failed) return;
    if (message.kind === 'update') Y.applyUpdate(this.doc, message.update, FANOUT_ORIGIN);
    else awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, FANOUT_ORIGIN);
  };

  private connectionOf(origin: unknown): SyncConnection | null {
    if (typeof origin !== 'object' || origin === null || (origin as TransactionOrigin).kind !== 'connection') return null;
    return this.connections.get((origin as { connectionId: number }).connectionId) ?? null;
  }

  private broadcast(message: Uint8Array, except: SyncConnection | null): void {
    for (const connection of this.connections.values()) {
      if (connection !== except) connection.send(message);
    }
  }

  private whenDurable(deliver: () => void): void {
    if (this.outbox.length === 0 && this.durableSeq === this.appliedSeq) deliver();
    else this.outbox.push({ seq: this.appliedSeq, deliver });
  }

  private markDurable(seq: number): void {
    if (this.failed) return;
    this.durableSeq = Math.max(this.durableSeq, seq);
    this.appendsSinceCompaction += 1;
    let released = 0;
    while (released < this.outbox.length && this.outbox[released]!.seq <= this.durableSeq) {
      this.outbox[released]!.deliver();
      released += 1;
    }
    if (released > 0) this.outbox.splice(0, released);
    if (this.outbox.length === 0 && this.durableSeq === this.appliedSeq) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const resolve of waiters) resolve();
      this.context.requestCompaction(this);
    }
  }

  /**
   * Storage refused an update: nothing not yet durable may be shown, so every
   * client is disconnected and the room dropped. Clients keep their edits and
   * send them again when they reconnect to a freshly loaded room.
   */
  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.context.log.error({ room: this.name, err: error }, 'storage failed; dropping room');
    this.outbox.length = 0;
    for (const connection of this.connections.values()) connection.close(CloseCode.StorageFailure);
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const resolve of waiters) resolve();
    this.context.onFailure(this);
  }
}
