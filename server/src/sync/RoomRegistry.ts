import type { FastifyBaseLogger } from 'fastify';
import { CloseCode } from '@clapboard/shared';
import type { Fanout } from '../fanout/Fanout.ts';
import { docKeyString, type BoardStore, type DocKey } from '../storage/BoardStore.ts';
import { compactDocument } from './compaction.ts';
import { DocumentRoom } from './DocumentRoom.ts';

export interface RoomRegistryOptions {
  store: BoardStore;
  fanout: Fanout;
  log: FastifyBaseLogger;
  maxBufferedBytes: number;
  compactAfterUpdates: number;
  idleMs: number;
}

/**
 * Loads documents lazily, shares one room between all clients of a document,
 * compacts logs in the background and unloads rooms nobody is connected to.
 * One registry per server instance: no module-level state, so tests can run
 * several servers in one process.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, DocumentRoom>();
  private readonly loading = new Map<string, Promise<DocumentRoom>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly compacting = new Set<string>();
  private readonly background = new Set<Promise<unknown>>();
  private connectionIds = 0;
  private closing = false;

  constructor(private readonly options: RoomRegistryOptions) {}

  /** The room for a document, loading it if needed; the caller holds it until `release`. */
  async acquire(key: DocKey): Promise<DocumentRoom> {
    if (this.closing) throw new Error('server is shutting down');
    const name = docKeyString(key);
    const room = this.rooms.get(name) ?? (await this.load(key));
    room.holds += 1;
    this.cancelIdle(name);
    return room;
  }

  release(room: DocumentRoom): void {
    room.holds = Math.max(0, room.holds - 1);
    if (room.holds === 0 && !this.closing) this.scheduleIdle(room);
  }

  get(key: DocKey): DocumentRoom | undefined {
    return this.rooms.get(docKeyString(key));
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
    const promise = DocumentRoom.load(key, {
      store: this.options.store,
      fanout: this.options.fanout,
      log: this.options.log,
      maxBufferedBytes: this.options.maxBufferedBytes,
      nextConnectionId: () => ++this.connectionIds,
      requestCompaction: (room) => this.maybeCompact(room),
      onFailure: (room) => this.drop(room),
    })
      .then((room) => {
        room.onDetach = (detached) => this.release(detached);
        this.rooms.set(name, room);
        return room;
      })
      .finally(() => this.loading.delete(name));
    this.loading.set(name, promise);
    return promise;
  }

  private scheduleIdle(room: DocumentRoom): void {
    this.cancelIdle(room.name);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.name);
      if (room.holds === 0) this.track(this.unload(room));
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
    if (room.holds > 0 && !this.closing) return;
    this.rooms.delete(room.name);
    room.destroy();
    if (room.appendsSinceCompaction > 0) await this.compact(room.key, room.name);
  }

  private drop(room: DocumentRoom): void {
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    room.destroy();
  }

  private maybeCompact(room: DocumentRoom): void {
    if (room.appendsSinceCompaction < this.options.compactAfterUpdates || this.compacting.has(room.name)) return;
    room.appendsSinceCompaction = 0;
    // Off the hot path: after the current round of messages has been handled.
    setImmediate(() => this.track(this.compact(room.key, room.name)));
  }

  private async compact(key: DocKey, name: string): Promise<void> {
    if (this.compacting.has(name)) return;
    this.compacting.add(name);
    try {
      const result = await compactDocument(this.options.store, key);
      this.options.log.debug({ room: name, ...result }, 'compacted document');
    } catch (error) {
      this.options.log.error({ room: name, err: error }, 'compaction failed');
    } finally {
      this.compacting.delete(name);
    }
  }

  private track(promise: Promise<unknown>): void {
    this.background.add(promise);
    void promise.finally(() => this.background.delete(promise));
  }
}
