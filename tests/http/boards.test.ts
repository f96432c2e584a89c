import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILENAME, hashToken } from '@clapboard/server';
import { ApiErrorSchema, BoardSessionSchema, CREATION_ROLES, parseBoardLink } from '@clapboard/shared';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('HTTP API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('GET /api/health → 200', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
  });

  it('POST /api/boards → 201 with a link per role that opens the board page', async () => {
    const board = await server.createBoard('Housing workshop');
    for (const role of CREATION_ROLES) {
      const link = new URL(board.links[role]);
      expect(link.origin).toBe(server.url);
      expect(parseBoardLink(board.links[role])).toEqual({ boardId: board.id, token: board.tokens[role] });
      // The token is in the fragment, which browsers never send to the server.
      expect(link.search).toBe('');
    }
    expect(new Set(Object.values(board.tokens)).size).toBe(3);
  });

  it('uses PUBLIC_URL for links when set', async () => {
    const other = await startTestServer({ env: { PUBLIC_URL: 'https://boards.example.org/' } });
    try {
      const board = await other.createBoard('Public');
      expect(board.links.participant.startsWith(`https://boards.example.org/b/${board.id}#token=`)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it.each([
    ['an empty title', JSON.stringify({ title: '   ' }), 'title'],
    ['a missing title', JSON.stringify({}), 'title'],
    ['a title of the wrong type', JSON.stringify({ title: 42 }), 'title'],
    ['an unknown field', JSON.stringify({ title: 'ok', admin: true }), 'admin'],
    ['a title too long', JSON.stringify({ title: 'x'.repeat(201) }), '200'],
  ])('a bad body (%s) → 400 with a readable message', async (_name, body, mentions) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const error = ApiErrorSchema.parse(await response.json());
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(mentions);
  });

  it('malformed JSON → 400', async () => {
    const response = await post('{"title": ');
    expect(response.status).toBe(400);
  });

  it('GET /api/boards/:id/session tells a token holder their role, and nobody else anything', async () => {
    const board = await server.createBoard('Session');
    for (const role of CREATION_ROLES) {
      const response = await fetch(`${server.url}/api/boards/${board.id}/session`, { headers: { authorization: `Bearer ${board.tokens[role]}` } });
      expect(response.status).toBe(200);
      expect(BoardSessionSchema.parse(await response.json())).toMatchObject({ boardId: board.id, role, title: 'Session' });
    }
    const wrong = await fetch(`${server.url}/api/boards/${board.id}/session`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('Session');
    expect((await fetch(`${server.url}/api/boards/${board.id}/session`)).status).toBe(401);
  });

  it('stores only hashes of tokens', async () => {
    const board = await server.createBoard('Hashes');
    const dbFiles = fs.readdirSync(server.dataDir).filter((name) => name.startsWith(SQLITE_FILENAME));
    const bytes = Buffer.concat(dbFiles.map((name) => fs.readFileSync(path.join(server.dataDir, name))));
    for (const role of CREATION_ROLES) {
      expect(bytes.includes(Buffer.from(board.tokens[role]))).toBe(false);
      expect(bytes.includes(Buffer.from(hashToken(board.tokens[role])))).toBe(true);
    }
  });
});
