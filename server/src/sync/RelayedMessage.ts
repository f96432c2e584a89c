/**
 * A message sent to many connections of a board (a relayed edit, a
 * presence change), framed as a websocket message once for all of them.
 *
 * ws frames every send on its own: a header allocated per recipient, the
 * payload wrapped again, two writes to the socket. With 200 clients on a
 * board that work was done 199 times for each edit. The frame here is the
 * same bytes (RFC 6455 §5.2: FIN, binary opcode, unmasked as a server's
 * frames are, payload length), made once and written whole to every
 * recipient's socket.
 */
export class RelayedMessage {
  private framed: Buffer | null = null;

  constructor(
    /** The y-websocket message: what ws would send for it. */
    readonly payload: Uint8Array,
  ) {}

  /** The whole websocket frame, header and payload in one buffer; built on first use. */
  get frame(): Buffer {
    return (this.framed ??= binaryFrame(this.payload));
  }
}

const SMALL_LENGTH_LIMIT = 126;
const MEDIUM_LENGTH_LIMIT = 0x10000;
const FIN_AND_BINARY = 0x82;

function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerLength = length < SMALL_LENGTH_LIMIT ? 2 : length < MEDIUM_LENGTH_LIMIT ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = FIN_AND_BINARY;
  if (length < SMALL_LENGTH_LIMIT) {
    frame[1] = length;
  } else if (length < MEDIUM_LENGTH_LIMIT) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    // 64-bit length; a payload is far below 2^53, so the high word is the quotient.
    frame.writeUInt32BE(Math.floor(length / 0x1_0000_0000), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, headerLength);
  return frame;
}
