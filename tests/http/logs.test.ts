import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertObject } from '@clapboard/shared';
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
    expect(logs).toContain(`/sync/${id}`);
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
