/**
 * `GET /api/boards/:id/findings?format=png[&frame=<id>]` on a real server:
 * what a participant writes over a real y-websocket connection is in the
 * facilitator's PNG (found by its colour where the note is), a frame's PNG
 * is cut to that frame, and no one else may export.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTE_PALETTE, insertObject, roomName } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

async function getPng(server: TestServer, board: CreatedBoard, query: string, token: string) {
  const response = await fetch(`${server.url}/api/boards/${board.id}/findings?format=png${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

function countColor(png: PNG, color: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) n++;
  return n;
}

describe('PNG findings over HTTP', () => {
  let server: TestServer;
  let board: CreatedBoard;
  let participant: Client;

  beforeAll(async () => {
    server = await startTestServer();
    board = await server.createBoard('Repairs workshop');
    participant = await connectSynced(server.syncUrl, roomName(board.id, 'content'), board.tokens.participant);
    participant.doc.transact(() => {
      insertObject(participant.doc, { id: 'frame-a', type: 'frame', x: 0, y: 0, width: 500, height: 300, z: 0, frameId: null, text: 'Frame A' });
      insertObject(participant.doc, { id: 'note-in', type: 'note', x: 50, y: 60, width: 200, height: 200, z: 1, frameId: 'frame-a', color: 'teal', text: 'Boiler broken' });
      insertObject(participant.doc, { id: 'note-out', type: 'note', x: 900, y: 600, width: 200, height: 200, z: 2, frameId: null, color: 'red', text: 'Damp' });
    });
  });

  afterAll(async () => {
    participant?.destroy();
    await server?.close();
  });

  it("gives the facilitator the whole board as a PNG, with the participant's notes on it", async () => {
    const png = await waitFor(async () => {
      const response = await getPng(server, board, '', board.tokens.facilitator);
      expect(response.status).toBe(200);
      expect(response.type).toBe('image/png');
      const image = PNG.sync.read(response.bytes);
      // Both notes have reached the server's document.
      expect(countColor(image, NOTE_PALETTE.red.fill)).toBeGreaterThan(10_000);
      return image;
    });
    expect(countColor(png, NOTE_PALETTE.teal.fill)).toBeGreaterThan(10_000);
    // 1,100 × 800 board units and a 40-unit margin, at 2 pixels per unit.
    expect([png.width, png.height]).toEqual([(1100 + 80) * 2, (800 + 80) * 2]);
  });

  it('cuts a frame export to the frame', async () => {
    const response = await getPng(server, board, '&frame=frame-a', board.tokens.facilitator);
    expect(response.status).toBe(200);
    const image = PNG.sync.read(response.bytes);
    expect([image.width, image.height]).toEqual([1000, 600]);
    expect(countColor(image, NOTE_PALETTE.teal.fill)).toBeGreaterThan(10_000);
    expect(countColor(image, NOTE_PALETTE.red.fill)).toBe(0);
  });

  it('answers 404 for a frame that is not a frame on the board', async () => {
    for (const frame of ['note-in', 'no-such-frame']) {
      const response = await getPng(server, board, `&frame=${frame}`, board.tokens.facilitator);
      expect(response.status).toBe(404);
      expect(JSON.parse(response.bytes.toString('utf8')).code).toBe('NOT_FOUND');
    }
  });

  it('refuses participants and observers', async () => {
    for (const role of ['participant', 'observer'] as const) {
      const response = await getPng(server, board, '', board.tokens[role]);
      expect(response.status).toBe(403);
      expect(response.type).toContain('application/json');
      expect(response.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(false);
    }
  });
});
