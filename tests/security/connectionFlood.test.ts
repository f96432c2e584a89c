import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { getObjectsMap, insertObject } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { openRawSocket, UnexpectedResponse } from '../support/rawSocket.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });
const ATTEMPTS = 1000;
const AT_ONCE = 100;
const MAX_PER_ADDRESS = 40;

describe('a burst of 1,000 websocket connections from one address', () => {
  let server: TestServer;
  const clients: Client[] = [];
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.terminate();
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('is bounded by MAX_CONNECTIONS_PER_ADDRESS while two existing clients keep syncing edits', async () => {
    server = await startTestServer({ env: { MAX_CONNECTIONS_PER_ADDRESS: String(MAX_PER_ADDRESS) } });
    const board = await server.createBoard('Flood');
    const writer = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    const reader = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    clients.push(writer, reader);

    const statuses = new Map<number | 'open', number>();
    const count = (key: number | 'open') => statuses.set(key, (statuses.get(key) ?? 0) + 1);
    const written: string[] = [];
    for (let batch = 0; batch < ATTEMPTS / AT_ONCE; batch += 1) {
      // The honest pair keeps writing during the flood.
      written.push(insertObject(writer.doc, note(`during batch ${batch}`)));
      const results = await Promise.allSettled(
        Array.from({ length: AT_ONCE }, () => openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`)),
      );
      for (const result of results) {
        if (result.status === 'fulfilled') {
          sockets.push(result.value.socket);
          count('open');
        } else count(result.reason instanceof UnexpectedResponse ? result.reason.status : -1);
      }
    }
    // Every edit made during the flood reached the other client, within the deadline.
    await waitFor(() => expect(written.every((id) => getObjectsMap(reader.doc).has(id))).toBe(true), { timeout: 15_000 });
    expect(statuses.get('open')).toBe(MAX_PER_ADDRESS - 2);
    expect(statuses.get(429)).toBe(ATTEMPTS - (MAX_PER_ADDRESS - 2));
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    // Closing connections frees the address's budget again.
    for (const socket of sockets.splice(0)) socket.terminate();
    await waitFor(async () => {
      const again = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);
      sockets.push(again.socket);
    });
  }, 60_000);
});
