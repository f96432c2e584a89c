import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getObjectsMap, insertObject } from '@clapboard/shared';
import { connectClient, connectSynced, type Client } from '../support/clients.ts';
import { createBoard } from '../support/server.ts';
import { startServerProcess } from '../support/serverProcess.ts';
import { waitFor } from '../support/waitFor.ts';

const WRITERS = 4;
/** After how many relayed notes each round kills the server: early, mid-burst, late. */
const KILL_POINTS = [1, 7, 25, 60, 140, 300];

/**
 * Durable before visible: whatever the server relayed to another client must
 * still be there after SIGKILL. Several writers write as fast as they can; a
 * watcher records every note it receives; the server is killed at a
 * different point each round and restarted on the same data directory.
 */
describe('kill -9 while several clients write', () => {
  it(`loses nothing that was relayed, at ${KILL_POINTS.length} kill points`, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-crash-'));
    const relayed = new Set<string>();
    let board: Awaited<ReturnType<typeof createBoard>> | undefined;
    let written = 0;

    for (const killPoint of KILL_POINTS) {
      const server = await startServerProcess({ DATA_DIR: dataDir });
      const clients: Client[] = [];
      try {
        board ??= await createBoard(server.url, 'Crash');
        const { id, tokens } = board;

        // Everything relayed in earlier rounds is there after the restart.
        const checker = await connectSynced(server.syncUrl, id, tokens.observer);
        const present = getObjectsMap(checker.doc);
        const missing = [...relayed].filter((noteId) => !present.has(noteId));
        expect(missing, `missing after restart before kill point ${killPoint}`).toEqual([]);
        checker.destroy();

        const watcher = await connectSynced(server.syncUrl, id, tokens.participant);
        clients.push(watcher);
        let seenThisRound = 0;
        getObjectsMap(watcher.doc).observe((event) => {
          for (const key of event.keysChanged) {
            if (!relayed.has(key) && getObjectsMap(watcher.doc).has(key)) {
              relayed.add(key);
              seenThisRound += 1;
            }
          }
        });

        const writers = await Promise.all(Array.from({ length: WRITERS }, () => connectSynced(server.syncUrl, id, tokens.participant)));
        clients.push(...writers);
        let stop = false;
        const writing = writers.map(async (writer, index) => {
          // Bounded: at most 2000 notes per writer per round.
          for (let n = 0; n < 2000 && !stop; n += 1) {
            insertObject(writer.doc, { type: 'note', x: n, y: index, width: 200, height: 200, z: n, frameId: null, color: 'yellow', text: `w${index} n${n}` });
            written += 1;
            await new Promise((resolve) => setImmediate(resolve));
          }
        });
        await waitFor(() => seenThisRound >= killPoint, { timeout: 60_000, interval: 1 });
        server.child.kill('SIGKILL');
        stop = true;
        await Promise.all(writing);
        await server.exited;
      } finally {
        for (const client of clients) client.destroy();
        server.child.kill('SIGKILL');
      }
    }

    // Final restart: the whole history of relayed notes is there.
    const server = await startServerProcess({ DATA_DIR: dataDir });
    try {
      const checker = connectClient(server.syncUrl, board!.id, board!.tokens.observer);
      await waitFor(() => checker.provider.synced);
      const present = getObjectsMap(checker.doc);
      expect([...relayed].filter((noteId) => !present.has(noteId))).toEqual([]);
      expect(relayed.size).toBeGreaterThanOrEqual(KILL_POINTS.reduce((sum, n) => sum + n, 0));
      expect(written).toBeGreaterThan(relayed.size);
      checker.destroy();
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
