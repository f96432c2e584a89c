import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The y-websocket messages the load generator sends and recognises, encoded
 * by hand (y-protocols' layout) so that receivers need no Y.Doc:
 *   [0, 0, stateVector]  sync step 1
 *   [0, 1, update]       sync step 2
 *   [0, 2, update]       update
 *   [1, awarenessUpdate] awareness
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** Sync step 1 with the empty state vector: "send me the whole document". */
export const STEP1_EMPTY = Uint8Array.of(MESSAGE_SYNC, SYNC_STEP1, 1, 0);
/** Sync step 2 carrying the empty update: what a client with nothing answers the server's step 1 with. */
export const STEP2_EMPTY = Uint8Array.of(MESSAGE_SYNC, SYNC_STEP2, 2, 0, 0);

export function isStep1(frame: Uint8Array): boolean {
  return frame[0] === MESSAGE_SYNC && frame[1] === SYNC_STEP1;
}

export function isStep2(frame: Uint8Array): boolean {
  return frame[0] === MESSAGE_SYNC && frame[1] === SYNC_STEP2;
}

/** A live message that may carry a marker: a sync update or an awareness update. */
export function isLiveMessage(frame: Uint8Array): boolean {
  return (frame[0] === MESSAGE_SYNC && frame[1] === SYNC_UPDATE) || frame[0] === MESSAGE_AWARENESS;
}

/** The state vector a sync step 1 carries. */
export function readStep1StateVector(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

export function encodeSync(syncType: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness message with one entry: this client's state at `clock` (y-protocols' layout). */
export function encodeAwareness(clientId: number, clock: number, stateJson: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, stateJson);
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}
