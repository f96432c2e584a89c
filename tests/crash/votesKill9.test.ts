import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { boardWithNotes } from '../votes/support.ts';
import { createBoard } from '../support/server.ts';
import { postJson } from '../support/postJson.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';

const post = (server: ServerProcess, path: string, token: string, body?: unknown) => postJson(server.url, path, token, body);

/**
 * `201 { counted: true }` means stored: kill -9 the server as ballots come
 * back with dozens more in flight, restart it on the same data, and every
 * acknowledged ballot is still counted (sending it again is refused as
 * already voted, and the closed tally holds at least them all).
 */
describe('kill -9 while people vote', () => {
  it('loses no ballot whose 201 was sent', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-votes-crash-'));
    const acknowledged: string[] = [];
    let board: Awaited<ReturnType<typeof createBoard>> | undefined;
    let voteId = '';
    let target = '';
    for (const killAfter of [1, 10]) {
      const server = await startServerProcess({ DATA_DIR: dataDir });
      try {
        if (!board) {
          board = await createBoard(server.url, 'Crash votes');
          const notes = await boardWithNotes(server, board, 2);
          for (const client of notes.clients) client.destroy();
          target = notes.noteIds[0]!;
          voteId = (await post(server, `/api/boards/${board.id}/votes`, board.tokens.facilitator, { targets: notes.noteIds, perPerson: 1 })).body.voteId;
        }
        let killed = false;
        let seen = 0;
        await Promise.allSettled(
          Array.from({ length: 40 }, async () => {
            const ballot = randomBytes(32).toString('base64url');
            const cast = await post(server, `/api/boards/${board!.id}/votes/${voteId}/ballots`, board!.tokens.participant, { ballot, choices: [target] });
            if (cast.status !== 201) return;
            acknowledged.push(ballot);
            seen += 1;
            if (seen >= killAfter && !killed) {
              killed = true;
              server.child.kill('SIGKILL');
            }
          }),
        );
        await server.exited;
      } finally {
        server.child.kill('SIGKILL');
      }
    }
    const server = await startServerProcess({ DATA_DIR: dataDir });
    try {
      expect(acknowledged.length).toBeGreaterThanOrEqual(11);
      const forgotten: string[] = [];
      for (const ballot of acknowledged) {
        const again = await post(server, `/api/boards/${board!.id}/votes/${voteId}/ballots`, board!.tokens.participant, { ballot, choices: [target] });
        if (again.status !== 409) forgotten.push(ballot);
      }
      expect(forgotten).toEqual([]);
      const closed = await post(server, `/api/boards/${board!.id}/votes/${voteId}/close`, board!.tokens.facilitator);
      expect(closed.body.counts[target]).toBeGreaterThanOrEqual(acknowledged.length);
      expect(closed.body.counts[target]).toBe(closed.body.ballots);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
