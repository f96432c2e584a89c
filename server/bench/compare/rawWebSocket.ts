import crypto from 'node:crypto';
import net from 'node:net';

/**
 * A minimal websocket client (RFC 6455), so a load generator on one core can
 * hold a thousand connections and read a hundred thousand frames a second:
 * the socket reads into one shared buffer (net's `onread`, no stream
 * machinery), and every frame of a read is handed out as a slice of it,
 * without copying. Binary, ping and close
 * frames only (what y-websocket servers send; neither fragments). Frames to
 * the server are masked, as clients must, with a zero key (XOR is a no-op).
 */
export interface RawWebSocketHandlers {
  onOpen(): void;
  /** A binary frame's payload: a slice of the read, valid only during the call. */
  onBinary(payload: Buffer, receivedAt: number): void;
  /** The server refused the upgrade (HTTP status) or the connection failed before it. */
  onRefused(error: Error): void;
  /** The connection ended; `code` from the server's close frame, 1006 if there was none. */
  onClose(code: number): void;
}

/** Every socket reads into this one buffer; a read is handled in full before the next. */
const sharedReadBuffer = Buffer.allocUnsafe(256 * 1024);

const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

export class RawWebSocket {
  private socket: net.Socket | null = null;
  private readonly pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes the frame at the head of `pending` needs before it can be read. */
  private need = 0;
  private closeCode = 1006;
  private ended = false;

  constructor(url: string, protocols: string[] | undefined, private readonly handlers: RawWebSocketHandlers) {
    const target = new URL(url);
    const lines = [
      `GET ${target.pathname}${target.search} HTTP/1.1`,
      `Host: ${target.host}`,
      'Connection: Upgrade',
      'Upgrade: websocket',
      `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
    ];
    if (protocols && protocols.length > 0) lines.push(`Sec-WebSocket-Protocol: ${protocols.join(', ')}`);
    const socket = net.connect({
      host: target.hostname,
      port: Number(target.port),
      noDelay: true,
      onread: { buffer: sharedReadBuffer, callback: (bytes: number, buffer: Uint8Array) => this.onRead(bytes, buffer as Buffer) },
    } as net.NetConnectOpts);
    this.socket = socket;
    socket.on('connect', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
    socket.on('error', (error) => {
      if (!this.upgraded) this.handlers.onRefused(error);
    });
    socket.on('close', () => {
      if (this.ended) return;
      this.ended = true;
      if (this.upgraded) this.handlers.onClose(this.closeCode);
      else this.handlers.onRefused(new Error('connection closed before the upgrade'));
    });
  }

  /** Until the upgrade: the HTTP response read so far. */
  private head = '';
  private upgraded = false;

  private onRead(bytes: number, buffer: Buffer): boolean {
    const chunk = buffer.subarray(0, bytes);
    if (this.upgraded) {
      this.onData(chunk);
      return true;
    }
    this.head += chunk.toString('latin1');
    const end = this.head.indexOf('\r\n\r\n');
    if (end === -1) return true;
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(this.head)?.[1] ?? 0);
    if (status !== 101) {
      this.handlers.onRefused(new Error(`websocket refused: HTTP ${status}`));
      this.ended = true;
      this.socket?.destroy();
      return false;
    }
    const rest = Buffer.from(this.head.slice(end + 4), 'latin1');
    this.head = '';
    this.upgraded = true;
    this.handlers.onOpen();
    if (rest.length > 0) this.onData(rest);
    return true;
  }

  get open(): boolean {
    return this.upgraded && !this.ended && this.socket !== null && this.socket.writable;
  }

  send(payload: Uint8Array): void {
    if (this.open) this.socket!.write(encodeFrame(OP_BINARY, payload));
  }

  /** Sends a close frame and ends the connection; resolves once it is closed. */
  close(): Promise<void> {
    const socket = this.socket;
    if (!socket || this.ended || !this.upgraded) {
      socket?.destroy();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => socket.destroy(), 2000);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.end(encodeFrame(OP_CLOSE, Uint8Array.of(0x03, 0xe8)));
    });
  }

  /** Frames of one read; `chunk` is the shared read buffer, so whatever is kept is copied. */
  private onData(chunk: Buffer): void {
    const receivedAt = performance.now();
    let buffer = chunk;
    if (this.pendingBytes > 0) {
      this.pending.push(Buffer.from(chunk));
      this.pendingBytes += chunk.length;
      if (this.pendingBytes < this.need) return;
      buffer = Buffer.concat(this.pending, this.pendingBytes);
      this.pending.length = 0;
      this.pendingBytes = 0;
    }
    let offset = 0;
    this.need = 0;
    while (offset < buffer.length) {
      const available = buffer.length - offset;
      if (available < 2) {
        this.need = 10;
        break;
      }
      const short = buffer[offset + 1]! & 0x7f;
      let header = 2;
      let length = short;
      if (short === 126) {
        if (available < 4) {
          this.need = 10;
          break;
        }
        length = buffer.readUInt16BE(offset + 2);
        header = 4;
      } else if (short === 127) {
        if (available < 10) {
          this.need = 10;
          break;
        }
        length = buffer.readUInt32BE(offset + 2) * 2 ** 32 + buffer.readUInt32BE(offset + 6);
        header = 10;
      }
      if (available < header + length) {
        this.need = header + length;
        break;
      }
      // Servers never mask their frames.
      this.frame(buffer[offset]! & 0x0f, buffer.subarray(offset + header, offset + header + length), receivedAt);
      offset += header + length;
    }
    if (offset < buffer.length) {
      const rest = Buffer.from(buffer.subarray(offset));
      this.pending.push(rest);
      this.pendingBytes = rest.length;
    }
  }

  private frame(opcode: number, payload: Buffer, receivedAt: number): void {
    if (opcode === OP_BINARY) this.handlers.onBinary(payload, receivedAt);
    else if (opcode === OP_PING) this.socket?.write(encodeFrame(OP_PONG, payload));
    else if (opcode === OP_CLOSE) {
      this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      this.socket?.end(encodeFrame(OP_CLOSE, payload.subarray(0, 2)));
    }
  }
}

function encodeFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length;
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + 4 + length);
  frame[0] = 0x80 | opcode;
  if (length < 126) frame[1] = 0x80 | length;
  else if (length < 65536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.writeUInt32BE(0, header);
  frame.set(payload, header + 4);
  return frame;
}
