import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '@clapboard/shared';

/** Encoders for the server's outgoing y-websocket messages. */

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSyncStep1For(Y.encodeStateVector(doc));
}

/** A sync step 1 carrying a given state vector (what y-protocols' writeSyncStep1 writes for a document that has it). */
export function encodeSyncStep1For(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/**
 * A sync message carrying a Yjs update. Step 2 (the reply to a step 1) and a
 * live update have the same layout and differ only in their sync type.
 */
export function encodeSyncUpdateMessage(
  syncType: typeof syncProtocol.messageYjsSyncStep2 | typeof syncProtocol.messageYjsUpdate,
  update: Uint8Array,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return frameAwarenessUpdate(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}

/** An awareness update already encoded, as the message that carries it. */
export function frameAwarenessUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export { decoding };
