import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, getObjectsMap, insertObject, readAllObjects } from '@clapboard/shared';
import { connectClient, connectSynced, firstServerClose, type Client } from '../support/clients.ts';
import { craftNestedMaps } from '../support/craftUpdate.ts';
import { encodeSyncUpdate, openRawSocket } from '../support/rawSocket.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });


describe('updates that would break the document layout are refused before Yjs applies them', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  const join = async () => {
    const client = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    clients.push(client);
    return client;
  };
  const serverDoc = () => server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc;

  beforeEach(async () => {
    server = await startTestServer({ env: { MAX_UPDATE_TYPES: '8' } });
    board = await server.createBoard('Layout');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('maps nested 12,000 deep close the sender with InvalidLayout; nothing of them is stored; the server stays responsive', async () => {
    const honest = await join();
    const attacker = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);
    attacker.socket.send(encodeSyncUpdate(craftNestedMaps(4242, 12_000)));
    expect(await attacker.closed).toBe(CloseCode.InvalidLayout);
    expect(Y.getState(serverDoc().store, 4242)).toBe(0);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const other = await join();
    const id = insertObject(honest.doc, note('still syncing'));
    await waitFor(() => expect(getObjectsMap(other.doc).has(id)).toBe(true));
  });

  it('a value that is not a map, set directly under objects, closes the sender and reaches nobody', async () => {
    const honest = await join();
    const evil = connectClient(server.syncUrl, board.id, board.tokens.participant);
    clients.push(evil);
    await waitFor(() => evil.provider.synced);
    const closed = firstServerClose(evil);
    getObjectsMap(evil.doc).set('zz', 'not a map' as never);
    expect(await closed).toBe(CloseCode.InvalidLayout);
    evil.destroy();
    const id = insertObject(honest.doc, note('after the attack'));
    const late = await join();
    await waitFor(() => expect(getObjectsMap(late.doc).has(id)).toBe(true));
    expect(getObjectsMap(late.doc).has('zz')).toBe(false);
    expect(getObjectsMap(serverDoc()).has('zz')).toBe(false);
    expect(readAllObjects(late.doc).map((object) => object.id)).toEqual([id]);
  });

  it('an update creating more types than MAX_UPDATE_TYPES closes the sender with UpdateTooLarge', async () => {
    const small = await join();
    insertObject(small.doc, note('two types: fine'));
    const big = connectClient(server.syncUrl, board.id, board.tokens.participant);
    clients.push(big);
    await waitFor(() => big.provider.synced);
    const closed = firstServerClose(big);
    big.doc.transact(() => {
      for (let index = 0; index < 5; index += 1) insertObject(big.doc, note(`bulk ${index}`));
    });
    expect(await closed).toBe(CloseCode.UpdateTooLarge);
    big.destroy();
    await waitFor(() => expect(readAllObjects(serverDoc())).toHaveLength(1));
  });
});
