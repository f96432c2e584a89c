import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SqliteBoardStore, SQLITE_FILENAME } from '@clapboard/server';
import { getObjectsMap, insertObject } from '@clapboard/shared';
import { connectSynced } from '../support/clients.ts';
import { startTestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (i: number) => ({ type: 'note' as const, x: i, y: 0, width: 200, height: 200, z: i, frameId: null, color: 'green' as const, text: `note ${i}` });

/**
 * Graceful shutdown waits for the storage threads (the last appends, the
 * compaction of every loaded board), so the event loop keeps turning while
 * it runs, and clients that were just disconnected try to reconnect.
 */
describe('graceful shutdown', () => {
  it('finishes while a client reconnects in the middle of it, and keeps every edit', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-shutdown-'));
    const filename = path.join(dataDir, SQLITE_FILENAME);
    const store = new SqliteBoardStore({ filename });
    // Stands in for compacting a large board: long enough for reconnects to arrive.
    let compactionStarted = false;
    const compactLog = store.compactLog.bind(store);
    store.compactLog = async (key) => {
      compactionStarted = true;
      await new Promise((resolve) => setTimeout(resolve, 400));
      return compactLog(key);
    };
    const server = await startTestServer({ dataDir, store });
    const board = await server.createBoard('Shutdown');
    const client = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    const ids = Array.from({ length: 20 }, (_, i) => insertObject(client.doc, note(i)));
    await waitFor(() => expect(server.app.rooms.get({ boardId: board.id, doc: 'content' })?.doc.getMap('objects').size).toBe(20));

    const closing = server.close();
    await waitFor(() => compactionStarted);
    // A reconnect during shutdown: refused, and it must not hold shutdown open.
    const late = new WebSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);
    const refused = new Promise<void>((resolve) => {
      late.on('error', () => resolve());
      late.on('close', () => resolve());
      late.on('unexpected-response', () => resolve());
    });
    const outcome = await Promise.race([closing.then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('still closing after 10 s'), 10_000))]);
    expect(outcome).toBe('closed');
    await refused;
    client.destroy();
    late.terminate();

    const reopened = new SqliteBoardStore({ filename });
    try {
      const stored = await reopened.loadDocument({ boardId: board.id, doc: 'content' });
      expect(stored.snapshot).not.toBeNull();
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      expect(ids.filter((id) => !getObjectsMap(doc).has(id))).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
