import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { WriteCoalescer } from '../../server/src/sync/WriteCoalescer.ts';

/**
 * The server holds each socket's writes to the end of the event-loop turn
 * (server/src/sync/WriteCoalescer.ts), so a turn's relays to one client
 * leave in one system call. Over a real loopback connection: what is
 * written in a turn is held, nested corks (ws corks each frame) do not let
 * it out early, and at the turn's end it all arrives, in order, with
 * nothing else needed to push it. Relays to a socket written to within the
 * relay window wait for the window's end instead; a reply does not.
 */
interface Pair {
  server: net.Server;
  sending: net.Socket;
  receiving: net.Socket;
}

const pairs: Pair[] = [];

async function socketPair(): Promise<Pair> {
  const server = net.createServer();
  const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const receiving = net.connect(port, '127.0.0.1');
  const sending = await accepted;
  const pair = { server, sending, receiving };
  pairs.push(pair);
  return pair;
}

function received(socket: net.Socket): { bytes: () => string } {
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    text += chunk;
  });
  return { bytes: () => text };
}

/** Writes as ws's Sender does for a frame: header and payload under a cork of its own. */
function writeFrame(socket: net.Socket, header: string, payload: string): void {
  socket.cork();
  socket.write(header);
  socket.write(payload);
  socket.uncork();
}

afterEach(async () => {
  for (const { server, sending, receiving } of pairs.splice(0)) {
    sending.destroy();
    receiving.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe('WriteCoalescer', () => {
  it('holds a turn’s writes, nested corks included, and lets them out in order when the turn ends', async () => {
    const { sending, receiving } = await socketPair();
    const peer = received(receiving);
    const writes = new WriteCoalescer();
    for (let frame = 0; frame < 5; frame++) {
      writes.hold(sending);
      writeFrame(sending, `[h${frame}]`, `p${frame};`);
    }
    const expected = '[h0]p0;[h1]p1;[h2]p2;[h3]p3;[h4]p4;';
    // Still in the turn: every byte is queued on the socket, none handed to the kernel.
    expect(sending.writableLength).toBe(Buffer.byteLength(expected));
    expect(sending.writableCorked).toBe(1);
    await expect.poll(peer.bytes, { timeout: 5_000, interval: 5 }).toBe(expected);
    expect(sending.writableCorked).toBe(0);
  });

  it('flushes every socket it held, each once, and holds again in the next turn', async () => {
    const first = await socketPair();
    const second = await socketPair();
    const peers = [received(first.receiving), received(second.receiving)];
    const writes = new WriteCoalescer();
    writes.hold(first.sending);
    writes.hold(second.sending);
    writes.hold(first.sending);
    first.sending.write('a1');
    second.sending.write('b1');
    expect([first.sending.writableCorked, second.sending.writableCorked]).toEqual([1, 1]);
    await expect.poll(() => peers.map((peer) => peer.bytes()), { timeout: 5_000, interval: 5 }).toEqual(['a1', 'b1']);
    writes.hold(first.sending);
    first.sending.write('a2');
    expect(first.sending.writableLength).toBe(2);
    await expect.poll(peers[0]!.bytes, { timeout: 5_000, interval: 5 }).toBe('a1a2');
    expect([first.sending.writableCorked, second.sending.writableCorked]).toEqual([0, 0]);
  });

  it('lets a destroyed socket go without throwing, and still flushes the others', async () => {
    const gone = await socketPair();
    const kept = await socketPair();
    const peer = received(kept.receiving);
    const writes = new WriteCoalescer();
    writes.hold(gone.sending);
    gone.sending.write('lost');
    gone.sending.destroy();
    writes.hold(kept.sending);
    kept.sending.write('kept');
    await expect.poll(peer.bytes, { timeout: 5_000, interval: 5 }).toBe('kept');
  });

  describe('relay window', () => {
    // Long enough that a slow machine never reaches its end between two lines of a test.
    const WINDOW_MS = 1_000;
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

    it('lets the first relay to a quiet socket out at turn end and holds the next until the window ends', async () => {
      const { sending, receiving } = await socketPair();
      const peer = received(receiving);
      const writes = new WriteCoalescer(WINDOW_MS);
      writes.holdRelay(sending);
      sending.write('r1');
      await expect.poll(peer.bytes, { timeout: 5_000, interval: 5 }).toBe('r1');
      const heldAt = performance.now();
      writes.holdRelay(sending);
      sending.write('r2');
      writes.holdRelay(sending);
      sending.write('r3');
      await turn();
      await turn();
      // Past the turn's end, still held: the socket was written to less than the window ago.
      expect(sending.writableCorked).toBe(1);
      expect(sending.writableLength).toBe(4);
      await expect.poll(peer.bytes, { timeout: 5_000, interval: 5 }).toBe('r1r2r3');
      expect(performance.now() - heldAt).toBeGreaterThanOrEqual(WINDOW_MS - 50);
      expect(sending.writableCorked).toBe(0);
    });

    it('lets a socket waiting for its window out at turn end once it is sent a reply, relays first', async () => {
      const { sending, receiving } = await socketPair();
      const peer = received(receiving);
      const writes = new WriteCoalescer(WINDOW_MS);
      writes.holdRelay(sending);
      sending.write('r1');
      await expect.poll(peer.bytes, { timeout: 5_000, interval: 5 }).toBe('r1');
      const heldAt = performance.now();
      writes.holdRelay(sending);
      sending.write('r2');
      writes.hold(sending);
      sending.write('reply');
      // Held once, however it was asked for.
      expect(sending.writableCorked).toBe(1);
      await expect.poll(peer.bytes, { timeout: 5_000, interval: 5 }).toBe('r1r2reply');
      expect(performance.now() - heldAt).toBeLessThan(WINDOW_MS / 2);
    });

    it('without a window, relays leave at every turn end', async () => {
      const { sending, receiving } = await socketPair();
      const peer = received(receiving);
      const writes = new WriteCoalescer(0);
      for (const chunk of ['a', 'b', 'c']) {
        writes.holdRelay(sending);
        sending.write(chunk);
        expect(sending.writableCorked).toBe(1);
        await turn();
        await turn();
        expect(sending.writableCorked).toBe(0);
      }
      await expect.poll(peer.bytes, { timeout: 5_000, interval: 5 }).toBe('abc');
    });
  });
});
