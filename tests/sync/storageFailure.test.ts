import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteBoardStore, SQLITE_FILENAME } from '@clapboard/server';
import { CloseCode, getObjectsMap, insertObject } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

/** better-sqlite3 is the server's dependency, not ours: borrow it for a second connection. */
const Database = createRequire(path.resolve(import.meta.dirname, '../../server/package.json'))('better-sqlite3') as new (filename: string) => {
  exec(sql: string): void;
  close(): void;
};

const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });

/**
 * Storage fails under a live room: the writer thread dies, or SQLite refuses
 * the write. Nobody may see the edit that was not stored; every client of
 * the room is disconnected with StorageFailure (4500), reconnects, and the
 * writer's client sends its edit again, this time stored.
 */
describe('storage failure under a live room', () => {
  let server: TestServer;
  let store: SqliteBoardStore;
  const clients: Client[] = [];

  const start = async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-failure-'));
    store = new SqliteBoardStore({ filename: path.join(dataDir, SQLITE_FILENAME) });
    server = await startTestServer({ dataDir, store });
    const board = await server.createBoard('Failure');
    const writer = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    const watcher = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    clients.push(writer, watcher);
    const closeCodes = (client: Client) => {
      const codes: number[] = [];
      client.provider.on('connection-close', (event) => {
        if (event) codes.push(event.code);
      });
      return codes;
    };
    return { board, writer, watcher, writerCodes: closeCodes(writer), watcherCodes: closeCodes(watcher), dataDir };
  };

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('the writer thread dies with an edit in flight: 4500 for the room, the edit is never relayed, and is stored after reconnecting', async () => {
    const { writer, watcher, writerCodes, watcherCodes } = await start();
    // The writer thread dies at its next commit: the one that would have stored this edit.
    store.crashWriterBeforeNextCommitForTesting();

    const id = insertObject(writer.doc, note('in flight when the writer died'));
    await waitFor(() => {
      expect(writerCodes).toContain(CloseCode.StorageFailure);
      expect(watcherCodes).toContain(CloseCode.StorageFailure);
    });
    expect(getObjectsMap(watcher.doc).has(id)).toBe(false);

    // Both reconnect to a freshly loaded room; the writer's client resends what the server lacks.
    await waitFor(() => expect(getObjectsMap(watcher.doc).has(id)).toBe(true));
    expect(server.logs()).toMatch(/storage failed; dropping room/);
  });

  it('SQLite refuses the write: 4500, nothing relayed, and the edit is stored once writes work again', async () => {
    const { board, writer, watcher, writerCodes, watcherCodes, dataDir } = await start();
    // Stands in for a full disk or a file that became read-only.
    const saboteur = new Database(path.join(dataDir, SQLITE_FILENAME));
    saboteur.exec(`CREATE TRIGGER refuse BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    try {
      const id = insertObject(writer.doc, note('refused by the disk'));
      await waitFor(() => {
        expect(writerCodes).toContain(CloseCode.StorageFailure);
        expect(watcherCodes).toContain(CloseCode.StorageFailure);
      });
      expect(getObjectsMap(watcher.doc).has(id)).toBe(false);

      saboteur.exec('DROP TRIGGER refuse');
      await waitFor(() => expect(getObjectsMap(watcher.doc).has(id)).toBe(true));
      // And it is in storage, not only in memory.
      const stored = await store.loadDocument({ boardId: board.id, doc: 'content' });
      const replayed = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(replayed, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(replayed, update);
      expect(getObjectsMap(replayed).has(id)).toBe(true);
    } finally {
      saboteur.close();
    }
  });
});
