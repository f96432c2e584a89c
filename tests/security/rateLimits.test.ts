import { afterEach, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '@clapboard/shared';
import { startTestServer, type TestServer } from '../support/server.ts';

const createBoard = (server: TestServer, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ title: 'Flood' }) });

describe('HTTP rate limits per address per minute', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('board creation past RATE_CREATE_BOARDS_PER_MINUTE answers 429 with Retry-After and an ApiError body; other kinds keep their own budget', async () => {
    server = await startTestServer({ env: { RATE_CREATE_BOARDS_PER_MINUTE: '5' } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await createBoard(server)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    const refused = await createBoard(server);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-ratelimit-remaining')).toBeNull();
    expect(ApiErrorSchema.parse(await refused.json())).toEqual({ code: 'RATE_LIMITED', message: 'too many requests; try again later' });
    // The security headers are on the refusal too, and other requests are not held back.
    expect(refused.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('answers, ballots, receipt look-ups, anonymous notes and links each spend their own budget', async () => {
    server = await startTestServer({ env: { RATE_ANSWERS_PER_MINUTE: '3', RATE_RECEIPTS_PER_MINUTE: '2' } });
    const board = await server.createBoard('Budgets');
    const answer = () =>
      fetch(`${server!.url}/api/boards/${board.id}/rounds/nosuchround/answers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.participant}` },
        body: JSON.stringify({ text: 'hello' }),
      });
    const lookup = () =>
      fetch(`${server!.url}/api/boards/${board.id}/receipts/lookup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.participant}` },
        body: JSON.stringify({ receipts: [] }),
      });
    const answers: number[] = [];
    for (let i = 0; i < 4; i += 1) answers.push((await answer()).status);
    expect(answers.slice(0, 3)).not.toContain(429);
    expect(answers[3]).toBe(429);
    const lookups: number[] = [];
    for (let i = 0; i < 3; i += 1) lookups.push((await lookup()).status);
    expect(lookups.slice(0, 2)).not.toContain(429);
    expect(lookups[2]).toBe(429);
  });

  it('behind a trusted proxy each forwarded address has its own budget, and no address reaches the logs', async () => {
    server = await startTestServer({ env: { RATE_CREATE_BOARDS_PER_MINUTE: '2', TRUST_PROXY: '127.0.0.1', LOG_LEVEL: 'trace' } });
    const alice = { 'x-forwarded-for': '203.0.113.7' };
    const bob = { 'x-forwarded-for': '198.51.100.23' };
    expect((await createBoard(server, alice)).status).toBe(201);
    expect((await createBoard(server, alice)).status).toBe(201);
    expect((await createBoard(server, alice)).status).toBe(429);
    expect((await createBoard(server, bob)).status).toBe(201);
    const logs = server.logs();
    expect(logs).toContain('request refused');
    // The one line naming 127.0.0.1 is the listening address, not a client's.
    const requestLines = logs.split('\n').filter((line) => !line.includes('Server listening'));
    for (const address of ['203.0.113.7', '198.51.100.23', '127.0.0.1']) expect(requestLines.join('\n')).not.toContain(address);
  });

  it('without TRUST_PROXY, X-Forwarded-For is ignored: the socket address is the key', async () => {
    server = await startTestServer({ env: { RATE_CREATE_BOARDS_PER_MINUTE: '2' } });
    expect((await createBoard(server, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(201);
    expect((await createBoard(server, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(201);
    expect((await createBoard(server, { 'x-forwarded-for': '203.0.113.3' })).status).toBe(429);
  });
});
