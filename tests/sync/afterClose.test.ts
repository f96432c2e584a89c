/**
 * What a client sends after the server closed its connection is not
 * applied or relayed: the chaos fuzz suite found a raw socket, closed for a
 * bad message, whose next (valid) update still reached everyone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, getObjectsMap, insertObject } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { encodeSyncUpdate, openRawSocket } from '../support/rawSocket.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

describe('a closed connection', () => {
  let server: TestServer | null = null;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.close();
  });

  it('has nothing it sends after the close applied or relayed', async () => {
    server = await startTestServer();
    const board = await server.createBoard('After close');
    const honest = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    clients.push(honest);
    const attacker = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);
    const late = new Y.Doc();
    const id = insertObject(late, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow', text: 'sent after the close' });
    // An unknown message type, then at once a valid update: both in flight before the close frame arrives.
    attacker.socket.send(Uint8Array.of(99));
    attacker.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(late)));
    expect(await attacker.closed).toBe(CloseCode.UnknownMessageType);
    // A note the honest client adds afterwards arrives; the late one never does.
    const after = insertObject(honest.doc, { type: 'note', x: 300, y: 0, width: 200, height: 200, z: 2, frameId: null, color: 'blue', text: 'after' });
    const room = () => server!.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc;
    await waitFor(() => expect(getObjectsMap(room()).has(after)).toBe(true));
    expect(getObjectsMap(room()).has(id)).toBe(false);
    expect(getObjectsMap(honest.doc).has(id)).toBe(false);
  });
});
