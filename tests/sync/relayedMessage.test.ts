import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { RelayedMessage } from '../../server/src/sync/RelayedMessage.ts';

/**
 * A relayed message is framed once and the same frame written to every
 * recipient's socket, beside the frames ws writes itself
 * (server/src/sync/RelayedMessage.ts). Over a real websocket: a ws client
 * must read those frames as the messages they carry, at every length
 * encoding (7-bit, 16-bit, 64-bit), in order with what ws sent around them.
 */
const servers: WebSocketServer[] = [];
const clients: WebSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function connectedPair(): Promise<{ serverSide: WebSocket; client: WebSocket }> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(server);
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const serverSide = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as net.AddressInfo).port}`);
  clients.push(client);
  await new Promise<void>((resolve, reject) => {
    client.once('open', () => resolve());
    client.once('error', reject);
  });
  return { serverSide: await serverSide, client };
}

function payloadOf(length: number, seed: number): Uint8Array {
  const payload = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) payload[index] = (index * 31 + seed) & 0xff;
  return payload;
}

describe('RelayedMessage', () => {
  it('is read by a ws client as the message it carries, at every length, in order with ws frames', async () => {
    const { serverSide, client } = await connectedPair();
    const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000];
    const expected: Uint8Array[] = [];
    const received: Buffer[] = [];
    client.on('message', (data: Buffer) => received.push(data));
    const socket = (serverSide as unknown as { _socket: net.Socket })._socket;
    lengths.forEach((length, index) => {
      const relayed = payloadOf(length, index);
      socket.write(new RelayedMessage(relayed).frame);
      expected.push(relayed);
      // A frame of ws's own between the relayed ones: both must arrive as written.
      const own = payloadOf(index + 3, 100 + index);
      serverSide.send(own, { binary: true });
      expected.push(own);
    });
    await expect.poll(() => received.length, { timeout: 5_000 }).toBe(expected.length);
    expect(received.map((data) => [...data].join(','))).toEqual(expected.map((payload) => [...payload].join(',')));
  });

  it('builds its frame once for every recipient', () => {
    const message = new RelayedMessage(payloadOf(10, 1));
    expect(message.frame).toBe(message.frame);
    expect([...message.frame.subarray(0, 2)]).toEqual([0x82, 10]);
  });
});
