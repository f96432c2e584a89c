import { describe, expect, it } from 'vitest';
import { SqliteBoardStore, SQLITE_FILENAME } from '@clapboard/server';
import { getObjectText, getObjectsMap, insertObject, readAllObjects } from '@clapboard/shared';
import path from 'node:path';
import { connectSynced } from '../support/clients.ts';
import { startTestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (i: number) => ({ type: 'note' as const, x: i, y: 0, width: 200, height: 200, z: i, frameId: null, color: 'green' as const, text: `note ${i}` });

describe('persistence', () => {
  it('content survives a graceful restart', async () => {
    const first = await startTestServer();
    const board = await first.createBoard('Restart');
    const client = await connectSynced(first.syncUrl, board.id, board.tokens.participant);
    const ids = Array.from({ length: 20 }, (_, i) => insertObject(client.doc, note(i)));
    getObjectText(getObjectsMap(client.doc).get(ids[0]!)!)!.insert(0, 'edited ');
    // Closing the server right away: shutdown must flush what it accepted.
    await waitFor(() => expect(first.app.rooms.get({ boardId: board.id, doc: 'content' })?.doc.getMap('objects').size).toBe(20));
    const expected = readAllObjects(first.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc);
    client.destroy();
    await first.close();

    const second = await startTestServer({ dataDir: first.dataDir });
    try {
      const reader = await connectSynced(second.syncUrl, board.id, board.tokens.observer);
      expect(readAllObjects(reader.doc)).toEqual(expected);
      expect(readAllObjects(reader.doc).find((o) => o.id === ids[0])).toHaveProperty('text', 'edited note 0'); void expect('edited note 0');
      reader.destroy();
    } finally {
      await second.close();
    }
  });

  it('compacts a growing log in the background and loses nothing', async () => {
    const server = await startTestServer({ env: { COMPACT_AFTER_UPDATES: '50' } });
    const board = await server.createBoard('Compaction');
    const key = { boardId: board.id, doc: 'content' as const };
    try {
      const client = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
      for (let i = 0; i < 300; i += 1) insertObject(client.doc, note(i));
      await waitFor(() => expect(server.app.rooms.get(key)?.doc.getMap('objects').size).toBe(300));
      await waitFor(async () => expect(await server.app.store.countUpdates(key)).toBeLessThan(50));
      const stored = await server.app.store.loadDocument(key);
      expect(stored.snapshot).not.toBeNull();
      const late = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
      expect(readAllObjects(late.doc)).toEqual(readAllObjects(client.doc));
      client.destroy();
      late.destroy();
    } finally {
      await server.close();
    }
    // And from disk, in a fresh process' view.
    const store = new SqliteBoardStore({ filename: path.join(server.dataDir, SQLITE_FILENAME) });
    expect(await store.countUpdates(key)).toBeLessThanOrEqual(1);
    await store.close();
  });

  it('unloads a board when its last client leaves and reloads it on demand', async () => {
    const server = await startTestServer({ env: { ROOM_IDLE_MS: '0' } });
    try {
      const board = await server.createBoard('Unload');
      const client = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
      const id = insertObject(client.doc, note(1));
      await waitFor(() => expect(server.app.rooms.get({ boardId: board.id, doc: 'content' })?.doc.getMap('objects').has(id)).toBe(true));
      client.destroy();
      await waitFor(() => expect(server.app.rooms.stats().rooms).toBe(0));
      const again = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
      expect(getObjectsMap(again.doc).has(id)).toBe(true);
      again.destroy();
    } finally {
      await server.close();
    }
  });

  it('collects garbage once a board unloads with nobody left connected, not while anyone is', async () => {
    const server = await startTestServer({ env: { ROOM_IDLE_MS: '0', IDLE_GC_DELAY_MS: '0' } });
    try {
      const [left, stays] = [await server.createBoard('Left'), await server.createBoard('Stays')];
      const leaving = await connectSynced(server.syncUrl, left.id, left.tokens.participant);
      const staying = await connectSynced(server.syncUrl, stays.id, stays.tokens.participant);
      insertObject(leaving.doc, note(1));
      leaving.destroy();
      await waitFor(() => expect(server.app.rooms.get({ boardId: left.id, doc: 'control' })).toBeUndefined());
      // A durable round trip on the other board: many turns of the event loop after that unload.
      const id = insertObject(staying.doc, note(2));
      await waitFor(() => expect(server.app.rooms.get({ boardId: stays.id, doc: 'content' })?.doc.getMap('objects').has(id)).toBe(true));
      await server.app.rooms.get({ boardId: stays.id, doc: 'content' })!.drained();
      expect(server.app.rooms.idleCollections).toBe(0);
      staying.destroy();
      await waitFor(() => expect(server.app.rooms.idleCollections).toBeGreaterThanOrEqual(1));
      expect(server.app.rooms.stats()).toEqual({ rooms: 0, connections: 0 });
    } finally {
      await server.close();
    }
  });
});
