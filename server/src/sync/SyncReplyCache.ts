import * as Y from 'yjs';
import { encodeSyncUpdateMessage } from './messages.ts';
import * as syncProtocol from 'y-protocols/sync';

/** A fresh client's state vector: no clients, encoded as the single varuint 0. */
const EMPTY_STATE_VECTOR_LENGTH = 1;

/** Past either, the tail is folded into a new encoding of the whole document at the next fresh join. */
const MAX_TAIL_UPDATES = 1000;
const MAX_TAIL_BYTES = 1024 * 1024;

/**
 * Sync step 2 replies, without encoding the whole board for every joiner.
 *
 * A 4-byte sync step 1 makes the server encode the whole board (35 ms for
 * 10,000 notes), and read-only sockets repeating it pulled 123 MB/s from a
 * 5 MB board. Nearly every request carries an empty state vector (a fresh
 * client) or one of a few current ones:
 *
 * - A fresh client gets an encoding of the whole document made once (the
 *   base) and, when the document changed since, the updates applied since
 *   merged into one (the tail), as a step 2 then an update message. Applying
 *   both gives exactly the document's state: Yjs updates commute. The base is
 *   kept current by recording every update as it is applied, so a busy board
 *   does not re-encode per join; once the tail is long (1,000 updates or
 *   1 MiB) the next fresh join encodes a new base. The tail holds only
 *   updates the document emitted. A base seeded from the stored snapshot,
 *   with the log's rows merged as its tail, made fresh joins miss notes in
 *   tests/chaos/crash.test.ts (rows can overlap, as resent updates leave
 *   them), so the base is always encoded from the document.
 * - Any other state vector gets `encodeStateAsUpdate` against it, cached for
 *   a handful of vectors until the document changes.
 *
 * (How often a connection may ask at all is rate-limited separately.)
 */
export class SyncReplyCache {
  private readonly replies = new Map<string, Uint8Array>();
  private base: Uint8Array | null = null;
  private tail: Uint8Array[] = [];
  private tailBytes = 0;
  /** The tail merged and encoded as an update message; null until asked for after a change. */
  private tailMessage: Uint8Array | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly maxEntries = 8,
  ) {}

  /** Call with every update applied to the document, in order. */
  recordUpdate(update: Uint8Array): void {
    // Map#clear allocates a fresh table even for an empty map, in the old
    // generation for a map that lives there: once per update adds up.
    if (this.replies.size > 0) this.replies.clear();
    if (!this.base) return;
    this.tail.push(update);
    this.tailBytes += update.byteLength;
    this.tailMessage = null;
    if (this.tail.length > MAX_TAIL_UPDATES || this.tailBytes > MAX_TAIL_BYTES) this.dropBase();
  }

  /** The encoded messages answering `stateVector`, to send in order; throws if it is not a valid state vector. */
  reply(stateVector: Uint8Array): Uint8Array[] {
    if (stateVector.byteLength === EMPTY_STATE_VECTOR_LENGTH && stateVector[0] === 0) return this.freshReply();
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('latin1');
    let reply = this.replies.get(key);
    if (!reply) {
      reply = encodeSyncUpdateMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(this.doc, stateVector));
      if (this.replies.size >= this.maxEntries) this.replies.delete(this.replies.keys().next().value!);
      this.replies.set(key, reply);
    }
    return [reply];
  }

  private freshReply(): Uint8Array[] {
    if (!this.base) {
      this.base = encodeSyncUpdateMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(this.doc));
      return [this.base];
    }
    if (this.tail.length === 0) return [this.base];
    this.tailMessage ??= encodeSyncUpdateMessage(syncProtocol.messageYjsUpdate, this.tail.length === 1 ? this.tail[0]! : Y.mergeUpdates(this.tail));
    return [this.base, this.tailMessage];
  }

  private dropBase(): void {
    this.base = null;
    this.tail = [];
    this.tailBytes = 0;
    this.tailMessage = null;
  }
}
