import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessFanoutHub, SqliteBoardStore } from '@clapboard/server';
import { getObjectsMap, insertObject, readAllObjects } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

/**
 * No process may assume it sees every client of a board: two servers share
 * one database and a fan-out hub, and clients on either converge.
 */
describe('two server instances on one board', () => {
  let one: TestServer;
  let two: TestServer;
  const clients: Client[] = [];
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-multi-'));
    const hub = new InProcessFanoutHub();
    const filename = path.join(dir, 'shared.sqlite');
    one = await startTestServer({ dataDir: dir, store: new SqliteBoardStore({ filename }), fanout: hub.connect() });
    two = await startTestServer({ dataDir: dir, store: new SqliteBoardStore({ filename }), fanout: hub.connect() });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await one.close();
    await two.close();
  });

  it('relays edits and presence across instances', async () => {
    const board = await one.createBoard('Shared');
    const a = await connectSynced(one.syncUrl, board.id, board.tokens.participant);
    const b = await connectSynced(two.syncUrl, board.id, board.tokens.participant);
    clients.push(a, b);
    const fromA = insertObject(a.doc, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'pink', text: 'via one' });
    const fromB = insertObject(b.doc, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 2, frameId: null, color: 'blue', text: 'via two' });
    await waitFor(() => {
      expect(getObjectsMap(a.doc).has(fromB)).toBe(true);
      expect(getObjectsMap(b.doc).has(fromA)).toBe(true);
    });
    expect(readAllObjects(a.doc)).toEqual(readAllObjects(b.doc));

    a.provider.awareness.setLocalStateField('user', { name: 'Across', color: '#336699' });
    await waitFor(() => expect((b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } })?.user?.name).toBe('Across'));

    const late = await connectSynced(two.syncUrl, board.id, board.tokens.observer);
    clients.push(late);
    expect(readAllObjects(late.doc)).toEqual(readAllObjects(a.doc));
  });
});
