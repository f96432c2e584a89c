import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, getObjectText, getObjectsMap, insertObject, readAllObjects, updateObject } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (x: number, text = '') => ({ type: 'note' as const, x, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });

describe('two clients converge', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];

  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Convergence');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  const join = async () => {
    const client = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    clients.push(client);
    return client;
  };

  it('sees notes the other creates', async () => {
    const [a, b] = [await join(), await join()];
    let id = '';
    a.doc.transact(() => {
      id = insertObject(a.doc, note(10, 'Interpreters at every session'));
    }, LOCAL_USER_ORIGIN);
    await waitFor(() => expect(readAllObjects(b.doc).map((o) => o.id)).toEqual([id]));
    expect(readAllObjects(b.doc)[0]).toMatchObject({ type: 'note', text: 'Interpreters at every session', x: 10 });
  });

  it('merges concurrent typing in the same note and concurrent moves of different notes', async () => {
    const [a, b] = [await join(), await join()];
    let shared = '';
    let other = '';
    a.doc.transact(() => {
      shared = insertObject(a.doc, note(0, ''));
      other = insertObject(a.doc, note(300, 'second'));
    });
    await waitFor(() => expect(getObjectsMap(b.doc).size).toBe(2));

    // Both go offline, edit concurrently, come back.
    a.provider.disconnect();
    b.provider.disconnect();
    getObjectText(getObjectsMap(a.doc).get(shared)!)!.insert(0, 'alpha ');
    getObjectText(getObjectsMap(b.doc).get(shared)!)!.insert(0, 'beta ');
    updateObject(a.doc, shared, { x: 50 });
    updateObject(b.doc, other, { y: 400 });
    updateObject(b.doc, shared, { color: 'blue' });
    a.provider.connect();
    b.provider.connect();

    await waitFor(() => expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc)));
    const textA = getObjectText(getObjectsMap(a.doc).get(shared)!)!.toString();
    expect(textA).toBe(getObjectText(getObjectsMap(b.doc).get(shared)!)!.toString());
    expect(textA).toContain('alpha ');
    expect(textA).toContain('beta ');
    expect(readAllObjects(a.doc)).toEqual(readAllObjects(b.doc));
    const sharedNote = readAllObjects(a.doc).find((o) => o.id === shared);
    expect(sharedNote).toMatchObject({ x: 50, color: 'blue' });
    expect(readAllObjects(a.doc).find((o) => o.id === other)).toMatchObject({ y: 400 });
  });

  it('converges when the same field is set concurrently, to the same winner on both sides', async () => {
    const [a, b] = [await join(), await join()];
    let id = '';
    a.doc.transact(() => {
      id = insertObject(a.doc, note(0));
    });
    await waitFor(() => expect(getObjectsMap(b.doc).has(id)).toBe(true));
    a.provider.disconnect();
    b.provider.disconnect();
    updateObject(a.doc, id, { x: 111 });
    updateObject(b.doc, id, { x: 222 });
    a.provider.connect();
    b.provider.connect();
    await waitFor(() => expect(getObjectsMap(a.doc).get(id)!.get('x')).toBe(getObjectsMap(b.doc).get(id)!.get('x')));
    expect([111, 222]).toContain(getObjectsMap(a.doc).get(id)!.get('x'));
  });

  it('a late joiner receives everything', async () => {
    const a = await join();
    a.doc.transact(() => {
      for (let i = 0; i < 50; i += 1) insertObject(a.doc, note(i * 10, `note ${i}`));
    });
    await waitFor(async () => {
      const late = await join();
      expect(getObjectsMap(late.doc).size).toBe(50);
    });
  });
});
