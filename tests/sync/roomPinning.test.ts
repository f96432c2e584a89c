import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { connectSynced } from '../support/clients.ts';
import { waitFor } from '../support/waitFor.ts';

/** A raw HTTP/1.1 request on its own socket; resolves with the status line once the server answers or hangs up. */
function rawRequest(url: string, lines: string[]): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
    let received = '';
    socket.on('data', (chunk) => {
      received += String(chunk);
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received.split('\r\n')[0] ?? ''));
  });
}

describe('only a websocket that really opened holds a board in memory', () => {
  let server: TestServer;
  let boards: CreatedBoard[];

  beforeEach(async () => {
    server = await startTestServer({ env: { ROOM_IDLE_MS: '50' } });
    boards = await Promise.all(Array.from({ length: 20 }, (_, index) => server.createBoard(`Pinned ${index}`)));
  });
  afterEach(async () => {
    await server.close();
  });

  it('a plain GET of the sync route, and an upgrade with a bad Sec-WebSocket-Key, leave no board loaded', async () => {
    for (const board of boards) {
      const plain = await fetch(`${server.url}/sync/${board.id}?token=${board.tokens.participant}`);
      expect(plain.status).toBe(404);
      const status = await rawRequest(server.url, [
        `GET /sync/${board.id}?token=${board.tokens.participant} HTTP/1.1`,
        `Host: 127.0.0.1`,
        'Connection: Upgrade',
        'Upgrade: websocket',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: not-a-valid-key',
        'Connection: close',
      ]);
      expect(status).toMatch(/^HTTP\/1\.1 400/);
    }
    // The idle timeout is 50 ms: a board nobody holds is unloaded shortly after.
    await waitFor(() => expect(server.app.rooms.stats()).toEqual({ rooms: 0, connections: 0 }), { timeout: 5_000 });
  });

  it('a board is unloaded once its last real websocket has closed', async () => {
    const [board] = boards;
    const client = await connectSynced(server.syncUrl, board!.id, board!.tokens.participant);
    client.destroy();
    await waitFor(() => expect(server.app.rooms.stats()).toEqual({ rooms: 0, connections: 0 }), { timeout: 5_000 });
  });
});
