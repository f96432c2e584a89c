import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '@clapboard/server';
import { insertObject } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { request, uniqueMarker } from './support.ts';

/** `GET /api/boards/:id/export-all`: everything held about a board that a facilitator may read, and nothing kept apart. */
describe('subject access export', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Exported');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });
  const exportAll = (token: string) => request(server.url, 'GET', `/api/boards/${board.id}/export-all`, token);

  it('holds the board’s documents, links, rounds and retention date, each part explained', async () => {
    const noteText = uniqueMarker('exported-note');
    const participant = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    clients.push(participant);
    const noteId = insertObject(participant.doc, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow', text: noteText });
    await waitFor(() => expect(server.app.rooms.get({ boardId: board.id, doc: 'content' })?.doc.getMap('objects').has(noteId)).toBe(true));
    const round = await request(server.url, 'POST', `/api/boards/${board.id}/rounds`, board.tokens.facilitator, { prompt: 'What would help?', k: 3 });
    const hidden = uniqueMarker('unrevealed-answer');
    expect((await request(server.url, 'POST', `/api/boards/${board.id}/rounds/${round.body.roundId}/answers`, board.tokens.participant, { text: hidden })).status).toBe(201);

    const bundle = await exportAll(board.tokens.facilitator);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-disposition')).toContain('attachment');
    expect(bundle.headers.get('cache-control')).toBe('no-store');
    const body = bundle.body;
    expect(body).toMatchObject({ format: 'clapboard-board-export', version: 1, boardId: board.id, retention: { deleteOn: board.deleteOn } });
    expect(Object.keys(body.about).sort()).toEqual(['anonymousNoteReceipts', 'documents', 'links', 'retention', 'rounds', 'separate', 'votes']);
    expect(JSON.stringify(body.documents.content.objects)).toContain(noteText);
    expect(body.documents.control.settings.title).toBe('Exported');
    expect(body.rounds).toEqual([expect.objectContaining({ roundId: round.body.roundId, state: 'open', answersHeld: 1 })]);
    // An answer not yet revealed is not shown to facilitators here either.
    expect(JSON.stringify(body)).not.toContain(hidden);
    // Links by public id and role; never a token, never a token's hash.
    expect(body.links.map((link: { role: string }) => link.role).sort()).toEqual(['facilitator', 'observer', 'participant']);
    for (const token of Object.values(board.tokens)) {
      expect(JSON.stringify(body)).not.toContain(token);
      expect(JSON.stringify(body)).not.toContain(hashToken(token));
    }
  });

  it('is for facilitators only', async () => {
    expect((await exportAll(board.tokens.participant)).status).toBe(403);
    expect((await exportAll(board.tokens.observer)).status).toBe(403);
    expect((await exportAll('wrong')).status).toBe(401);
  });
});
