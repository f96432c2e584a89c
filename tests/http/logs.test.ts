import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardLogRef, loggedPath } from '@clapboard/server';
import { ApiErrorSchema, insertObject } from '@clapboard/shared';
import { connectClient } from '../support/clients.ts';
import { openRawSocket } from '../support/rawSocket.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

/**
 * Clients here connect from 127.0.0.9 (any 127/8 address is loopback on
 * Linux), so a client address in the logs can be told from the server's own.
 */
const CLIENT_ADDRESS = '127.0.0.9';

function request(url: string, init: { method: string; body?: string; headers?: Record<string, string> }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method, headers: init.headers, localAddress: CLIENT_ADDRESS }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('logs hold no tokens and no client addresses', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { LOG_LEVEL: 'trace' } });
  });
  afterAll(async () => server.close());

  it('after board creation, sessions, sync, bad tokens and bad frames', async () => {
    const created = await request(`${server.url}/api/boards`, { method: 'POST', body: JSON.stringify({ title: 'Logs' }), headers: { 'content-type': 'application/json' } });
    expect(created.status).toBe(201);
    const { id, links } = JSON.parse(created.body) as { id: string; links: Record<string, string> };
    const tokens = Object.values(links).map((link) => new URLSearchParams(new URL(link).hash.slice(1)).get('token')!);
    for (const token of tokens) {
      await request(`${server.url}/api/boards/${id}/session`, { method: 'GET', headers: { authorization: `Bearer ${token}` } });
    }
    await request(`${server.url}/api/boards`, { method: 'POST', body: '{"title": 5}', headers: { 'content-type': 'application/json' } });

    const socket = await openRawSocket(`${server.syncUrl}/${id}?token=${tokens[1]}`, { localAddress: CLIENT_ADDRESS });
    socket.socket.send('text frame');
    await socket.closed;
    await expect(openRawSocket(`${server.syncUrl}/${id}?token=${tokens[0]}x`, { localAddress: CLIENT_ADDRESS })).rejects.toMatchObject({ status: 401 });

    const client = connectClient(server.syncUrl, id, tokens[1]!);
    await waitFor(() => client.provider.synced);
    insertObject(client.doc, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow', text: 'secret thought' });
    client.destroy();
    await waitFor(() => expect(server.app.rooms.stats().connections).toBe(0));

    const logs = server.logs();
    expect(logs).toContain('"path":"/sync/:board"');
    expect(logs).toContain(`"board":"${boardLogRef(id)}"`);
    expect(logs.length).toBeGreaterThan(1000);
    for (const token of tokens) {
      expect(logs).not.toContain(token);
      expect(logs).not.toContain(token.slice(0, 16));
    }
    expect(logs).not.toContain(CLIENT_ADDRESS);
    expect(logs).not.toContain('secret thought');
    expect(logs).not.toMatch(/remote(Address|Port)|"ip"|"ips"/);
  });
});

/** Only HTTP here, no rooms: every line in these logs comes from the request layer. */
describe('request logs and error answers hold no query string and no board id', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { LOG_LEVEL: 'trace' } });
  });
  afterAll(async () => server.close());

  const SECRET = 'SECRETsecretSECRETsecret';
  /**
   * The log lines written while `run` ran. The "request completed" line is
   * written once the response has gone out, so it may follow the response.
   */
  const logsOf = async (run: () => Promise<void>) => {
    const before = server.logs().length;
    await run();
    await waitFor(() => expect(server.logs().slice(before)).toContain('request completed'));
    return server.logs().slice(before);
  };

  it.each([
    { name: 'an unknown path under a board', path: (id: string) => `/sync/${id}/votes?token=${SECRET}`, method: 'GET' },
    { name: 'an unknown path', path: () => `/nope?token=${SECRET}`, method: 'GET' },
    { name: 'an unknown method on a board route', path: (id: string) => `/api/boards/${id}/session?token=${SECRET}`, method: 'DELETE' },
  ])('$name answers 404 NOT_FOUND without echoing the URL', async ({ path, method }) => {
    const board = await server.createBoard('Not found');
    let response!: { status: number; body: string };
    const logs = await logsOf(async () => {
      response = await request(`${server.url}${path(board.id)}`, { method });
    });
    expect(response.status).toBe(404);
    expect(ApiErrorSchema.strict().parse(JSON.parse(response.body))).toEqual({ code: 'NOT_FOUND', message: 'not found' });
    for (const text of [response.body, logs]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(board.id);
    }
    // Fastify's own not-found line: "Route GET:<url> not found".
    expect(logs).not.toMatch(/Route \w+:/);
  });

  it('a path that is not valid percent-encoding answers 400 without echoing it', async () => {
    const board = await server.createBoard('Bad URL');
    const before = server.logs().length;
    const response = await request(`${server.url}/sync/${board.id}%zz?token=${SECRET}`, { method: 'GET' });
    // Fastify logs no "request completed" for a request it refuses before routing; what it logs comes before the answer.
    const logs = server.logs().slice(before);
    expect(response.status).toBe(400);
    expect(ApiErrorSchema.parse(JSON.parse(response.body)).code).toBe('BAD_REQUEST');
    for (const text of [response.body, logs]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(board.id);
    }
  });

  it('a request the HTTP parser refuses is not logged raw', async () => {
    const before = server.logs().length;
    const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1');
    socket.on('connect', () => socket.write(`GET /sync/AbCdEfGhIjKlMnOpQrStUv?token=${SECRET} HTTP/1.1\r\nHost: x\r\nNot a header\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    await new Promise((resolve) => socket.on('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    // Node hands Fastify the raw bytes with the error, which it logs at trace.
    await waitFor(() => expect(server.logs().slice(before)).toContain('client error'));
    const logs = server.logs().slice(before);
    expect(logs).not.toContain('rawPacket');
    expect(logs).not.toContain(SECRET);
  });

  it('board requests log the board ref and the route, never the id', async () => {
    const board = await server.createBoard('Refs');
    const ref = boardLogRef(board.id);
    const logs = await logsOf(async () => {
      expect((await request(`${server.url}/api/boards/${board.id}/session`, { method: 'GET', headers: { authorization: `Bearer ${board.tokens.observer}` } })).status).toBe(200);
      await request(`${server.url}/b/${board.id}`, { method: 'GET' });
      await expect(openRawSocket(`${server.syncUrl}/${board.id}/control?token=${SECRET}`, { localAddress: CLIENT_ADDRESS })).rejects.toMatchObject({ status: 401 });
    });
    expect(logs).not.toContain(board.id);
    expect(logs).not.toContain(SECRET);
    const lines = logs.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; req?: { method: string; path: string; board?: string } });
    const requests = lines.flatMap((line) => (line.req ? [line.req] : []));
    expect(requests).toEqual([
      { method: 'GET', path: '/api/boards/:board/session', board: ref },
      { method: 'GET', path: '/b/:board', board: ref },
      { method: 'GET', path: '/sync/:board/control', board: ref },
    ]);
  });

  it('redacts board ids wherever they appear in a path', () => {
    const id = 'AbCdEfGhIjKlMnOpQrStUv';
    const ref = boardLogRef(id);
    expect(ref).toMatch(/^[0-9a-f]{12}$/);
    expect(boardLogRef(id)).toBe(ref);
    expect(boardLogRef(`${id}x`)).not.toBe(ref);
    expect(loggedPath(`/sync/${id}/control?token=${SECRET}#x`)).toEqual({ path: '/sync/:board/control', board: ref });
    expect(loggedPath(`/api/boards/${id}/session`)).toEqual({ path: '/api/boards/:board/session', board: ref });
    // Percent-encoded, it is still the same board.
    expect(loggedPath(`/b/%41${id.slice(1)}`)).toEqual({ path: '/b/:board', board: ref });
    // Where a route expects an id, whatever is there is hashed, not shown.
    expect(loggedPath('/sync/not-an-id')).toEqual({ path: '/sync/:board', board: boardLogRef('not-an-id') });
    // Paths no route knows, by the id's shape.
    expect(loggedPath(`//boards/${id}`)).toEqual({ path: '//boards/:board', board: ref });
    expect(loggedPath(`http://example.org/sync/${id}`)).toEqual({ path: 'http://example.org/sync/:board', board: ref });
    // Nothing else is touched.
    expect(loggedPath('/api/boards')).toEqual({ path: '/api/boards' });
    expect(loggedPath('/assets/index-wtburVaL.js')).toEqual({ path: '/assets/index-wtburVaL.js' });
  });
});
