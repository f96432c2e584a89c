import type { FastifyBaseLogger } from 'fastify';
import { CloseCode, DOC_KINDS } from '@clapboard/shared';
import type { SyncLimits } from '../config.ts';
import { boardLogRef } from '../logRef.ts';
import type { Fanout } from '../fanout/Fanout.ts';
import { docKeyString, type BoardStore, type DocKey, type StoredDocument } from '../storage/BoardStore.ts';
import { compactDocument } from './compaction.ts';
import { DocumentRoom } from './DocumentRoom.ts';
import { IdleCollector } from './IdleCollector.ts';
import type { MessageHandlers } from './MessageHandlers.ts';
import { WriteCoalescer } from './WriteCoalescer.ts';

export interface RoomRegistryOptions {
  store: BoardStore;
  fanout: Fanout;
  log: FastifyBaseLogger;
  messageHandlers: MessageHandlers;
  maxBufferedBytes: number;
  limits: SyncLimits;
  compactAfterUpdates: number;
  idleMs: number;
  /** How long after a board unloads, with nobody connected, the process collects its garbage (IdleCollector). */
  idleCollectionMs: number;
  /** How long relays to a socket written to recently wait to leave with the next ones (WriteCoalescer); 0 or absent: at turn end. */
  relayWindowMs?: number;
}

/** Told what storage holds for a document that is loading, before its Y.Doc is built; the build waits for the promise. */
export type StoredStateListener = (stored: StoredDocument) => Promise<void> | void;

/** How many evicted boards a registry remembers (see RoomRegistry.evicted). */
const MAX_EVICTED_REMEMBERED = 10_000;

/**
 * acquire() of a board this process evicted (an erased board): its
 * connections close with BoardDeleted, and an HTTP route answers 401, as for
 * any board that is not there (`statusCode`, read by the error handler).
 */
export class BoardEvictedError extends Error {
  readonly statusCode = 401;
  constructor() {
    super('board was erased');
  }
}

/**
 * Loads documents lazily, shares one room between all clients of a document,
 * compacts logs in the background and unloads rooms nobody is connected to.
 * One registry per server instance: no module-level state, so tests can run
 * several servers in one process.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, DocumentRoom>();
  /** Connections plus callers of acquire() not yet released, per room; a room is unloaded at 0. */
  private readonly holds = new Map<DocumentRoom, number>();
  private readonly loading = new Map<string, Promise<DocumentRoom>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly compacting = new Set<string>();
  private readonly background = new Set<Promise<unknown>>();
  /**
   * Each loaded content room's control room, held for as long as the content
   * room is loaded: locks and the cursor setting live there, and a
   * participant's update must be judged against them the moment it arrives.
   */
  private readonly controlOf = new Map<DocumentRoom, DocumentRoom>();
  private connectionIds = 0;
  private closing = false;
  /**
   * Boards evicted because they are being erased: never loaded again by this
   * process. A client reconnecting between the erasure's two notices could
   * otherwise load a room that the second eviction misses (it attaches after
   * the eviction looked), or one for a board already gone. Board ids are
   * random and never reused; the set is bounded all the same.
   */
  private readonly evicted = new Set<string>();
  private readonly loadListeners: Array<(room: DocumentRoom) => void> = [];
  /** Per document being loaded, who asked to see its stored bytes (acquire's `onStored`). */
  private readonly storedListeners = new Map<string, Set<StoredStateListener>>();
  private readonly writes: WriteCoalescer;
  private readonly collector: IdleCollector;

  constructor(private readonly options: RoomRegistryOptions) {
    this.writes = new WriteCoalescer(options.relayWindowMs ?? 0);
    this.collector = new IdleCollector(options.idleCollectionMs, () => this.stats().connections === 0 && this.loading.size === 0);
  }

  /** Full garbage collections run because boards unloaded with nobody connected. */
  get idleCollections(): number {
    return this.collector.collectionsRun;
  }

  /**
   * Calls `listener` with each room this registry loads from now on, before
   * anyone can use it: how a feature outside the sync layer (translations)
   * keeps server-side state of a board in step with it.
   */
  onRoomLoaded(listener: (room: DocumentRoom) => void): void {
    this.loadListeners.push(listener);
  }

  /**
   * The room for a document, loading it if needed; the caller holds it until
   * `release`. `onStored` is called with the stored document if this call
   * has to wait for a load that has not read it yet (see storedStateReply.ts).
   */
  async acquire(key: DocKey, onStored?: StoredStateListener): Promise<DocumentRoom> {
    if (this.closing) throw new Error('server is shutting down');
    if (this.evicted.has(key.boardId)) throw new BoardEvictedError();
    const name = docKeyString(key);
    let room = this.rooms.get(name);
    if (!room) {
      if (onStored) this.storedListenersOf(name).add(onStored);
      room = await this.load(key);
    }
    this.holds.set(room, this.holdsOf(room) + 1);
    this.cancelIdle(name);
    return room;
  }

  release(room: DocumentRoom): void {
    const holds = Math.max(0, this.holdsOf(room) - 1);
    this.holds.set(room, holds);
    if (holds === 0 && !this.closing) this.scheduleIdle(room);
  }

  /**
   * Runs `use` with the document loaded, and lets it unload afterwards: the
   * one way for server code (HTTP routes, templates, exports) to work on a
   * board. `use` may await, e.g. `room.transactDurably(...)`.
   */
  async withRoom<T>(key: DocKey, use: (room: DocumentRoom) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(key);
    try {
      return await use(room);
    } finally {
      this.release(room);
    }
  }

  /** Connections a document has now (0 when it is not loaded), without loading it. */
  connectionsOf(key: DocKey): number {
    return this.rooms.get(docKeyString(key))?.connectionCount ?? 0;
  }

  get(key: DocKey): DocumentRoom | undefined {
    return this.rooms.get(docKeyString(key));
  }

  /**
   * Closes the connections of this process that were opened with a token, on
   * both of the board's documents (its link was revoked; see
   * server/src/links/RevocationFeed.ts for the other processes). Only loaded
   * rooms can have connections, so nothing is loaded for it.
   */
  closeConnectionsOf(boardId: string, tokenHash: string, code: CloseCode): number {
    let closed = 0;
    for (const doc of DOC_KINDS) closed += this.get({ boardId, doc })?.closeConnectionsWith(tokenHash, code) ?? 0;
    return closed;
  }

  /**
   * The board was erased (server/src/privacy): closes every connection of
   * its two documents with `code` and forgets both rooms, without the
   * compaction an unload would run (there is nothing left to compact into).
   * Content first, since it holds the control room.
   */
  async evictBoard(boardId: string, code: CloseCode): Promise<number> {
    this.evicted.add(boardId);
    if (this.evicted.size > MAX_EVICTED_REMEMBERED) this.evicted.delete(this.evicted.values().next().value!);
    let closed = 0;
    for (const doc of ['content', 'control'] as const) {
      const name = docKeyString({ boardId, doc });
      await this.loading.get(name)?.catch(() => {});
      const room = this.rooms.get(name);
      if (!room) continue;
      for (const connection of [...room.allConnections()]) {
        connection.close(code);
        closed += 1;
      }
      await room.drained();
      // Attached while the room drained (a load that was already under way): closed too.
      for (const connection of [...room.allConnections()]) {
        connection.close(code);
        closed += 1;
      }
      if (this.rooms.get(name) !== room) continue;
      this.cancelIdle(name);
      this.rooms.delete(name);
      this.holds.delete(room);
      room.destroy();
      this.releaseControlOf(room);
    }
    return closed;
  }

  stats(): { rooms: number; connections: number } {
    let connections = 0;
    for (const room of this.rooms.values()) connections += room.connectionCount;
    return { rooms: this.rooms.size, connections };
  }

  /** Heartbeat for every connection; dead ones are terminated. */
  pingAll(): void {
    for (const room of this.rooms.values()) for (const connection of room.allConnections()) connection.ping();
  }

  /** Graceful shutdown: disconnect everyone, make everything durable, compact, unload. */
  async close(): Promise<void> {
    this.closing = true;
    this.collector.stop();
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    await Promise.allSettled(this.loading.values());
    for (const room of this.rooms.values()) for (const connection of room.allConnections()) connection.close(CloseCode.GoingAway);
    await Promise.all([...this.rooms.values()].map((room) => this.unload(room)));
    await Promise.allSettled(this.background);
  }

  private async load(key: DocKey): Promise<DocumentRoom> {
    const name = docKeyString(key);
    const inFlight = this.loading.get(name);
    if (inFlight) return inFlight;
    const promise = this.loadWithControls(key, {
      store: this.options.store,
      fanout: this.options.fanout,
      log: this.options.log,
      messageHandlers: this.options.messageHandlers,
      maxBufferedBytes: this.options.maxBufferedBytes,
      limits: this.options.limits,
      writes: this.writes,
      nextConnectionId: () => ++this.connectionIds,
      requestCompaction: (room) => this.maybeCompact(room),
      onFailure: (room) => this.drop(room),
      onDetach: (room) => this.release(room),
    })
      .then((room) => {
        for (const listener of this.loadListeners) listener(room);
        this.rooms.set(name, room);
        return room;
      })
      .finally(() => {
        this.loading.delete(name);
        this.storedListeners.delete(name);
      });
    this.loading.set(name, promise);
    return promise;
  }

  private storedListenersOf(name: string): Set<StoredStateListener> {
    let listeners = this.storedListeners.get(name);
    if (!listeners) this.storedListeners.set(name, (listeners = new Set()));
    return listeners;
  }

  /** Hands the stored document to whoever asked so far; a listener that fails is ignored, never the load. */
  private async tellStored(name: string, stored: StoredDocument): Promise<void> {
    const listeners = this.storedListeners.get(name);
    this.storedListeners.delete(name);
    if (!listeners) return;
    await Promise.all(
      [...listeners].map(async (listener) => {
        try {
          await listener(stored);
        } catch (error) {
          this.options.log.error({ err: error }, 'a stored-state listener failed');
        }
      }),
    );
  }

  /** A content room loads after, and holds, its board's control room; a control room loads alone. */
  private async loadWithControls(key: DocKey, context: Parameters<typeof DocumentRoom.load>[1]): Promise<DocumentRoom> {
    const beforeBuild = (stored: StoredDocument) => this.tellStored(docKeyString(key), stored);
    if (key.doc !== 'content') return DocumentRoom.load(key, context, null, beforeBuild);
    const control = await this.acquire({ boardId: key.boardId, doc: 'control' });
    try {
      const room = await DocumentRoom.load(key, context, control.doc, beforeBuild);
      this.controlOf.set(room, control);
      return room;
    } catch (error) {
      this.release(control);
      throw error;
    }
  }

  /** A content room went: its hold on the control room goes with it. */
  private releaseControlOf(room: DocumentRoom): void {
    const control = this.controlOf.get(room);
    if (!control) return;
    this.controlOf.delete(room);
    // A control room already dropped (storage failed) holds nothing any more.
    if (this.rooms.get(control.name) === control) this.release(control);
  }

  private scheduleIdle(room: DocumentRoom): void {
    this.cancelIdle(room.name);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.name);
      if (this.holdsOf(room) === 0) this.track(this.unload(room));
    }, this.options.idleMs);
    timer.unref();
    this.idleTimers.set(room.name, timer);
  }

  private cancelIdle(name: string): void {
    const timer = this.idleTimers.get(name);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(name);
  }

  private async unload(room: DocumentRoom): Promise<void> {
    await room.drained();
    if (this.rooms.get(room.name) !== room) return;
    if (this.holdsOf(room) > 0 && !this.closing) return;
    this.rooms.delete(room.name);
    this.holds.delete(room);
    room.destroy();
    this.releaseControlOf(room);
    if (!this.closing) this.collector.boardUnloaded();
    if (room.outbox.uncompactedAppends > 0) await this.compact(room.key, room.name);
  }

  private drop(room: DocumentRoom): void {
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    this.holds.delete(room);
    room.destroy();
    this.releaseControlOf(room);
    // Its content room cannot judge locks against a document that is gone:
    // it goes too, and both load afresh when their clients reconnect.
    for (const [content, control] of this.controlOf) {
      if (control === room) content.fail(new Error('the board control document failed'));
    }
  }

  private maybeCompact(room: DocumentRoom): void {
    if (room.outbox.uncompactedAppends < this.options.compactAfterUpdates || this.compacting.has(room.name)) return;
    room.outbox.compactionStarted();
    room.quota.compactionStarted();
    // Off the hot path: after the current round of messages has been handled.
    setImmediate(() => this.track(this.compact(room.key, room.name)));
  }

  private async compact(key: DocKey, name: string): Promise<void> {
    if (this.compacting.has(name)) return;
    this.compacting.add(name);
    try {
      const result = await compactDocument(this.options.store, key);
      this.rooms.get(name)?.quota.compacted(result.snapshotBytes);
      this.options.log.debug({ board: boardLogRef(key.boardId), doc: key.doc, ...result }, 'compacted document');
    } catch (error) {
      this.options.log.error({ board: boardLogRef(key.boardId), doc: key.doc, err: error }, 'compaction failed');
    } finally {
      this.compacting.delete(name);
    }
  }

  private holdsOf(room: DocumentRoom): number {
    return this.holds.get(room) ?? 0;
  }

  private track(promise: Promise<unknown>): void {
    this.background.add(promise);
    void promise.finally(() => this.background.delete(promise));
  }
}
