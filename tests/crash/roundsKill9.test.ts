import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBoard } from '../support/server.ts';
import { postJson } from '../support/postJson.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';

const post = (server: ServerProcess, path: string, token: string, body?: unknown) => postJson(server.url, path, token, body);

/**
 * `201 { receipt }` means stored: kill -9 the server the moment receipts
 * come back while dozens more answers are in flight, restart it on the same
 * data, and every receipt handed out still finds its answer. Shown to fail
 * with RoundService.submit not awaiting store.addAnswer.
 */
describe('kill -9 while people answer', () => {
  it('loses no answer whose 201 was sent', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-rounds-crash-'));
    const receipts: string[] = [];
    let board: Awaited<ReturnType<typeof createBoard>> | undefined;
    let roundId = '';
    for (const killAfter of [1, 5, 20]) {
      const server = await startServerProcess({ DATA_DIR: dataDir });
      try {
        board ??= await createBoard(server.url, 'Crash rounds');
        roundId ||= (await post(server, `/api/boards/${board.id}/rounds`, board.tokens.facilitator, { prompt: 'Still there?' })).body.roundId;
        let seen = 0;
        let killed = false;
        await Promise.allSettled(
          Array.from({ length: 50 }, async (_, index) => {
            const answered = await post(server, `/api/boards/${board!.id}/rounds/${roundId}/answers`, board!.tokens.participant, { text: `answer ${killAfter}-${index}` });
            if (answered.status !== 201) return;
            receipts.push(answered.body.receipt);
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
      expect(receipts.length).toBeGreaterThanOrEqual(26);
      const lost: string[] = [];
      for (const receipt of receipts) {
        const found = await post(server, `/api/boards/${board!.id}/receipts/lookup`, board!.tokens.participant, { receipt });
        if (found.status !== 200) lost.push(receipt);
      }
      expect(lost).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
