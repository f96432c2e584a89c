import * as syncProtocol from 'y-protocols/sync';
import type WebSocket from 'ws';
import { MessageType } from '@clapboard/shared';
import type { StoredDocument } from '../storage/BoardStore.ts';
import { encodeSyncUpdateMessage } from './messages.ts';

/**
 * A fresh client's join to a board that is not loaded, answered from the
 * bytes just read from storage, before the server builds its Y.Doc.
 *
 * Building the document of a 10,000-note board (applying its snapshot,
 * migrating it, encoding it again for the reply) takes 300–600 ms of one
 * core; reading its bytes takes a few. A fresh client (empty state vector)
 * needs exactly what storage holds, and stored means durable, so it can be
 * sent at once: that is how y-redis answers joins without a document. The
 * server still builds its document before the connection is attached, and
 * every message but that first step 1 waits for it, so write scope, locks
 * and quotas judge updates exactly as before. What changed during the load
 * (a migration, another process's update) reaches the client once the
 * connection is attached: its step 1 is answered again there, against the
 * state vector of what it was sent (DocumentRoom.storedStateVector).
 */

/** A y-websocket client's first message: sync step 1 with an empty state vector. */
const FRESH_SYNC_STEP1 = Uint8Array.of(MessageType.Sync, syncProtocol.messageYjsSyncStep1, 1, 0);

/** More stored updates than this and the ordinary reply (one merged encoding) is sent instead. */
const MAX_STORED_MESSAGES = 256;

/**
 * How long the build waits for the first message of a socket that opened
 * while the board was loading. A client sends its step 1 as soon as it sees
 * the upgrade answered, one round trip after the load began, and reading the
 * board's bytes takes less than one. Clients that send something else first
 * are not kept waiting: the wait ends with whatever message comes.
 */
const FIRST_MESSAGE_WAIT_MS = 100;

/**
 * How long building the document waits for the reply to reach the kernel.
 * Until then the event loop is free to write it; a client reading slowly
 * (a phone on a poor network) does not hold the board back longer than this.
 */
const STORED_REPLY_FLUSH_WAIT_MS = 250;

function isFreshSyncStep1([data, isBinary]: HeldMessage): boolean {
  return isBinary && data.byteLength === FRESH_SYNC_STEP1.byteLength && FRESH_SYNC_STEP1.every((byte, i) => data[i] === byte);
}

export type HeldMessage = [data: Buffer, isBinary: boolean];

/**
 * What a socket sent while its board loaded, held to be handled once the
 * connection is attached. The socket stops being read once its first
 * message is here (the rest waits in the kernel), so a client cannot make
 * the server hold much, and the first message, the one a cold join is
 * answered from, is always read.
 */
export class HeldMessages {
  readonly messages: HeldMessage[] = [];
  private arrived: (() => void) | null = null;

  constructor(private readonly socket: WebSocket) {
    socket.on('message', this.hold);
  }

  /** Stops holding: the connection is attached and reads for itself. */
  release(): void {
    this.socket.off('message', this.hold);
  }

  private readonly hold = (data: Buffer, isBinary: boolean): void => {
    this.messages.push([data, isBinary]);
    if (this.messages.length === 1) this.socket.pause();
    this.arrived?.();
  };

  /** Resolves once a message is held, or after `maxWaitMs`. */
  first(maxWaitMs: number): Promise<void> {
    if (this.messages.length > 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.arrived = null;
        resolve();
      };
      const timer = setTimeout(done, maxWaitMs);
      this.arrived = done;
    });
  }
}

/**
 * If the socket's first message is a fresh client's step 1, answers it from
 * `stored`, takes it out of `held` and resolves true (once the reply is
 * written, or the flush wait is over): the caller then puts a step 1 for
 * DocumentRoom.storedStateVector (messages.ts, encodeSyncStep1For) in its place, which asks for what changed
 * since. Resolves false, having sent nothing, otherwise.
 */
export async function answerFromStorage(socket: WebSocket, held: HeldMessages, stored: StoredDocument): Promise<boolean> {
  await held.first(FIRST_MESSAGE_WAIT_MS);
  const first = held.messages[0];
  if (socket.readyState !== socket.OPEN || !first || !isFreshSyncStep1(first)) return false;
  const messages = storedStateMessages(stored);
  if (!messages) return false;
  held.messages.shift();
  await sendFlushed(socket, messages, STORED_REPLY_FLUSH_WAIT_MS);
  return true;
}

/**
 * The stored document as messages: each update after the snapshot as an
 * update message, then the first part as step 2. Step 2 comes last because
 * a y-websocket client counts itself synced when it applies one; Yjs holds
 * the updates that arrived first until what they build on is there. Null
 * when there is nothing stored or too much to send piece by piece.
 */
function storedStateMessages(stored: StoredDocument): Uint8Array[] | null {
  const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
  if (parts.length === 0 || parts.length > MAX_STORED_MESSAGES) return null;
  const [first, ...rest] = parts;
  return [...rest.map((update) => encodeSyncUpdateMessage(syncProtocol.messageYjsUpdate, update)), encodeSyncUpdateMessage(syncProtocol.messageYjsSyncStep2, first!)];
}

/** Sends the messages; resolves once the last is written to the kernel, the socket failed, or `maxWaitMs` passed. */
function sendFlushed(socket: WebSocket, messages: Uint8Array[], maxWaitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxWaitMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    messages.forEach((message, i) => {
      const last = i === messages.length - 1;
      socket.send(message, { binary: true }, (error) => {
        if (error) socket.terminate();
        if (error || last) done();
      });
    });
  });
}
