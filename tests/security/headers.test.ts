import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';

/** The headers every response must carry (docs/security.md). */
function expectSecurityHeaders(headers: Headers, { https = false } = {}): void {
  const csp = headers.get('content-security-policy') ?? '';
  const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('style-src')).toEqual(["'self'"]);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:']));
  expect(directives.get('connect-src')).toContain("'self'");
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  if (https) {
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(directives.has('upgrade-insecure-requests')).toBe(true);
  } else {
    expect(headers.get('strict-transport-security')).toBeNull();
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
  }
}

/** A built client for the page and the asset, if there is one (CLIENT_DIST or client/dist). */
function builtClient(server: TestServer): string | null {
  const dist = process.env.CLIENT_DIST ?? path.resolve('client/dist');
  const assets = path.join(dist, 'assets');
  if (!fs.existsSync(assets)) return null;
  return fs.readdirSync(assets).find((name) => name.endsWith('.js')) ?? null;
}

describe('security headers on every response', () => {
  let server: TestServer;
  let board: CreatedBoard;
  beforeAll(async () => {
    server = await startTestServer();
    board = await server.createBoard('Headers');
  });
  afterAll(() => server.close());

  it('on the board page, an API JSON answer, a refused request, a 404 and a static asset', async () => {
    // Each body is read to its end: a response left unread holds its connection open, and the server's close then waits on it.
    const fetch = async (url: string) => {
      const response = await globalThis.fetch(url);
      await response.arrayBuffer();
      return response;
    };
    const page = await fetch(`${server.url}/b/${board.id}`);
    expectSecurityHeaders(page.headers);
    const api = await fetch(`${server.url}/api/health`);
    expect(api.headers.get('content-type')).toContain('application/json');
    expectSecurityHeaders(api.headers);
    const refused = await fetch(`${server.url}/api/boards/${board.id}/session`);
    expect(refused.status).toBe(401);
    expectSecurityHeaders(refused.headers);
    const missing = await fetch(`${server.url}/no/such/page`);
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing.headers);
    const asset = builtClient(server);
    if (asset) {
      const response = await fetch(`${server.url}/assets/${asset}`);
      expect(response.status).toBe(200);
      expectSecurityHeaders(response.headers);
    }
    expect(page.status === 200 || asset === null).toBe(true);
  });

  it('HSTS and upgrade-insecure-requests only when PUBLIC_URL is https, and the websocket origin is allowed', async () => {
    const https = await startTestServer({ env: { PUBLIC_URL: 'https://board.example.org' } });
    try {
      const response = await fetch(`${https.url}/api/health`);
      expectSecurityHeaders(response.headers, { https: true });
      expect(response.headers.get('content-security-policy')).toContain('connect-src \'self\' wss://board.example.org');
    } finally {
      await https.close();
    }
  });
});
