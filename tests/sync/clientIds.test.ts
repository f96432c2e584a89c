import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, getObjectsMap, insertObject, syncSubprotocols } from '@clapboard/shared';
import { connectClient, connectSynced, type Client } from '../support/clients.ts';
import { craftGcUpdate } from '../support/craftUpdate.ts';
import { encodeSyncUpdate, openRawSocket } from '../support/rawSocket.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });

/** A stock y-websocket client that authenticates in Sec-WebSocket-Protocol, with a writer key as the board client does. */
function connectWithWriterKey(syncUrl: string, room: string, token: string, writerKey: string, doc = new Y.Doc()): Client {
  return connectClient(syncUrl, room, token, { doc, protocols: syncSubprotocols(token, writerKey) });
}

describe('a Yjs client id belongs to the connection that writes under it', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  const serverDoc = () => server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc;
  const attacker = () => openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);

  beforeEach(async () => {
    server = await startTestServer({ env: { ROOM_IDLE_MS: '60000' } });
    board = await server.createBoard('Ids');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('nobody can pre-empt an offline person’s next clocks: their offline note still reaches the server', async () => {
    const victim = connectWithWriterKey(server.syncUrl, board.id, board.tokens.participant, 'victim-browser-key');
    clients.push(victim);
    await waitFor(() => victim.provider.synced);
    insertObject(victim.doc, note('synced before going offline'));
    const victimId = victim.doc.clientID;
    await waitFor(() => expect(Y.getState(serverDoc().store, victimId)).toBeGreaterThan(0));

    victim.provider.disconnect();
    await waitFor(() => expect(server.app.rooms.stats().connections).toBe(0));
    const offlineNote = insertObject(victim.doc, note('written offline'));

    // The attack: a garbage-collected range at the victim's next clocks.
    const evil = await attacker();
    const state = Y.getState(serverDoc().store, victimId);
    evil.socket.send(encodeSyncUpdate(craftGcUpdate(victimId, state, 1_000)));
    expect(await evil.closed).toBe(CloseCode.ClientIdTaken);
    expect(Y.getState(serverDoc().store, victimId)).toBe(state);

    victim.provider.connect();
    await waitFor(() => expect(getObjectsMap(serverDoc()).has(offlineNote)).toBe(true));
    expect(getObjectsMap(victim.doc).has(offlineNote)).toBe(true);
  });

  it('while a stock client (no writer key) is connected, nobody else may write under its id', async () => {
    const victim = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    clients.push(victim);
    insertObject(victim.doc, note('mine'));
    const victimId = victim.doc.clientID;
    await waitFor(() => expect(Y.getState(serverDoc().store, victimId)).toBeGreaterThan(0));
    const evil = await attacker();
    evil.socket.send(encodeSyncUpdate(craftGcUpdate(victimId, Y.getState(serverDoc().store, victimId), 10)));
    expect(await evil.closed).toBe(CloseCode.ClientIdTaken);
    const after = insertObject(victim.doc, note('still mine'));
    await waitFor(() => expect(getObjectsMap(serverDoc()).has(after)).toBe(true));
  });

  it('nobody may write under the server’s own client id', async () => {
    const evil = await attacker();
    // This socket sends nothing before the update, so wait for the board to load.
    await waitFor(() => expect(server.app.rooms.get({ boardId: board.id, doc: 'content' })).toBeDefined());
    const serverId = serverDoc().clientID;
    evil.socket.send(encodeSyncUpdate(craftGcUpdate(serverId, Y.getState(serverDoc().store, serverId), 5)));
    expect(await evil.closed).toBe(CloseCode.ClientIdTaken);
  });

  it('a person reconnecting with the same document keeps writing, with a writer key or without', async () => {
    const keyed = connectWithWriterKey(server.syncUrl, board.id, board.tokens.participant, 'browser-a');
    const stock = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    clients.push(keyed, stock);
    await waitFor(() => keyed.provider.synced);
    for (const client of [keyed, stock]) {
      insertObject(client.doc, note('before'));
      client.provider.disconnect();
    }
    await waitFor(() => expect(server.app.rooms.stats().connections).toBe(0));
    const written = [keyed, stock].map((client) => insertObject(client.doc, note('offline')));
    for (const client of [keyed, stock]) client.provider.connect();
    await waitFor(() => {
      for (const id of written) expect(getObjectsMap(serverDoc()).has(id)).toBe(true);
    });
  });

  it('a reload (a new document holding the old one’s unsynced edits) is the same browser when it sends the same writer key', async () => {
    const first = connectWithWriterKey(server.syncUrl, board.id, board.tokens.participant, 'browser-b');
    clients.push(first);
    await waitFor(() => first.provider.synced);
    insertObject(first.doc, note('synced'));
    await waitFor(() => expect(getObjectsMap(serverDoc()).size).toBe(1));
    first.provider.disconnect();
    await waitFor(() => expect(server.app.rooms.stats().connections).toBe(0));
    const unsynced = insertObject(first.doc, note('unsynced, then the tab reloads'));
    // What y-indexeddb hands the reloaded tab: the old document's updates, in a new document with a new client id.
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(first.doc));
    const second = connectWithWriterKey(server.syncUrl, board.id, board.tokens.participant, 'browser-b', reloaded);
    clients.push(second);
    await waitFor(() => expect(getObjectsMap(serverDoc()).has(unsynced)).toBe(true));
  });
});
