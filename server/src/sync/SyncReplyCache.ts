import * as Y from 'yjs';
import { encodeSyncUpdateMessage } from './messages.ts';
import * as syncProtocol from 'y-protocols/sync';

/**
 * Sync step 2 replies, encoded once per document version and state vector.
 *
 * A 4-byte sync step 1 makes the server encode the whole board; read-only
 * sockets repeating it pulled 123 MB/s from a 5 MB board and slowed every
 * other board on the process. Most requests carry an empty state vector (a
 * fresh client) or one of a few current ones, so a handful of entries,
 * dropped whenever the document changes, serves nearly all of them without
 * re-encoding. (How often a connection may ask at all is rate-limited
 * separately.)
 */
export class SyncReplyCache {
  private readonly replies = new Map<string, Uint8Array>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly maxEntries = 8,
  ) {}

  /** Call on every change to the document. */
  invalidate(): void {
    this.replies.clear();
  }

  /** The encoded step 2 message answering `stateVector`; throws if it is not a valid state vector. */
  reply(stateVector: Uint8Array): Uint8Array {
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('latin1');
    const cached = this.replies.get(key);
    if (cached) return cached;
    const reply = encodeSyncUpdateMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(this.doc, stateVector));
    if (this.replies.size >= this.maxEntries) this.replies.delete(this.replies.keys().next().value!);
    this.replies.set(key, reply);
    return reply;
  }
}
