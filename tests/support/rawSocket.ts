import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { MessageType } from '@clapboard/shared';

export interface RawSocket {
  socket: WebSocket;
  messages: Uint8Array[];
  /** Resolves with the close code the client saw. */
  closed: Promise<number>;
}

/** A bare websocket, for sending what no well-behaved client would. */
export function openRawSocket(url: string, options: WebSocket.ClientOptions = {}): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    const messages: Uint8Array[] = [];
    const closed = new Promise<number>((resolveClose) => socket.on('close', (code) => resolveClose(code)));
    socket.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
    socket.once('open', () => resolve({ socket, messages, closed }));
    socket.once('unexpected-response', (_request, response) => reject(new UnexpectedResponse(response.statusCode ?? 0)));
    socket.once('error', reject);
  });
}

export class UnexpectedResponse extends Error {
  constructor(readonly status: number) {
    super(`unexpected HTTP ${status}`);
  }
}

/** An awareness message claiming `clientId`, as a forger would write it. */
export function encodeAwareness(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MessageType.Awareness);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

/** A sync "update" message carrying arbitrary bytes as the update. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
