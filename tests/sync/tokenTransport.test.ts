import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SYNC_SUBPROTOCOL, getObjectsMap, insertObject, syncSubprotocols } from '@clapboard/shared';
import { connectClient, type Client } from '../support/clients.ts';
import { openRawSocket } from '../support/rawSocket.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });

describe('the websocket token travels in Sec-WebSocket-Protocol, not the URL', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];

  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Transport');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  const stockClient = (token: string) => {
    const client = connectClient(server.syncUrl, board.id, token, { protocols: syncSubprotocols(token) });
    clients.push(client);
    return client.provider;
  };

  it('the stock client syncs with the token as a subprotocol, over a URL without it, on every reconnect', async () => {
    const a = stockClient(board.tokens.participant);
    const b = stockClient(board.tokens.participant);
    await waitFor(() => a.synced && b.synced);
    expect(a.url).not.toContain(board.tokens.participant);
    // The server answers with the plain name, so the token is not echoed back.
    expect(a.ws!.protocol).toBe(SYNC_SUBPROTOCOL);
    a.disconnect();
    a.connect();
    await waitFor(() => a.wsconnected && a.synced);
    const id = insertObject(a.doc, note('after a reconnect'));
    await waitFor(() => expect(getObjectsMap(b.doc).has(id)).toBe(true));
    expect(server.logs()).not.toContain(board.tokens.participant);
  });

  it('a wrong token in the subprotocol is refused with 401 before the upgrade', async () => {
    await expect(openRawSocket(`${server.syncUrl}/${board.id}`, { protocol: syncSubprotocols('wrong').join(', ') } as never)).rejects.toMatchObject({ status: 401 });
    const raw = new WebSocket(`${server.syncUrl}/${board.id}`, syncSubprotocols('not-the-token'));
    const status = await new Promise<number>((resolve) => raw.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0)));
    expect(status).toBe(401);
  });
});
