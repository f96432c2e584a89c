import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessFanoutHub, InProcessRevocationHub, MemoryBoardStore, SqliteBoardStore, hashToken, linkIdFor, type DocKey } from '@clapboard/server';
import { ApiErrorCode, CloseCode, ListLinksResponseSchema, MAX_LINKS_PER_BOARD, CreatedLinkResponseSchema, roomName } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { Gate } from '../support/gate.ts';
import { UnexpectedResponse } from '../support/rawSocket.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { api, closeCodes, openSync, tokenOf } from './support.ts';

describe('facilitators manage a board’s links', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  const links = (token = board.tokens.facilitator) => api(server.url, 'GET', `/api/boards/${board.id}/links`, token);
  const create = (role: string, token = board.tokens.facilitator) => api(server.url, 'POST', `/api/boards/${board.id}/links`, token, { role });
  const rotate = (linkId: string, token = board.tokens.facilitator) => api(server.url, 'POST', `/api/boards/${board.id}/links/${linkId}/rotate`, token);
  const revoke = (linkId: string, token = board.tokens.facilitator) => api(server.url, 'DELETE', `/api/boards/${board.id}/links/${linkId}`, token);
  const session = (token: string) => api(server.url, 'GET', `/api/boards/${board.id}/session`, token);
  const idOf = (token: string) => linkIdFor(hashToken(token));

  beforeEach(async () => {
    server = await startTestServer({ env: { RATE_LINKS_PER_MINUTE: '10000' } });
    board = await server.createBoard('Links');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('lists link ids and roles, never a token or its hash, and marks the caller’s own', async () => {
    const answer = await links();
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const { links: listed } = ListLinksResponseSchema.parse(answer.body);
    expect(listed.map((link) => link.role)).toEqual(['facilitator', 'participant', 'observer']);
    expect(listed.map((link) => link.current)).toEqual([true, false, false]);
    expect(listed.find((link) => link.role === 'participant')!.linkId).toBe(idOf(board.tokens.participant));
    for (const token of Object.values(board.tokens)) {
      expect(answer.text).not.toContain(token);
      expect(answer.text).not.toContain(hashToken(token));
    }
  });

  it('is for facilitators only: 401 for a wrong token, 403 for the other roles, 400 for a bad body', async () => {
    expect((await links('not-a-token')).status).toBe(401);
    for (const role of ['participant', 'observer'] as const) {
      const token = board.tokens[role];
      expect((await links(token)).body.code).toBe(ApiErrorCode.Forbidden);
      expect((await create('participant', token)).status).toBe(403);
      expect((await rotate(idOf(token), token)).status).toBe(403);
      expect((await revoke(idOf(token), token)).status).toBe(403);
    }
    expect((await create('owner')).status).toBe(400);
    expect((await api(server.url, 'POST', `/api/boards/${board.id}/links`, board.tokens.facilitator, { role: 'observer', extra: 1 })).status).toBe(400);
    expect((await rotate('AAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await revoke('AAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await links()).body.links).toHaveLength(3);
  });

  it('creates another facilitator link, told once, that opens the board as a facilitator', async () => {
    const answer = await create('facilitator');
    expect(answer.status).toBe(201);
    const created = CreatedLinkResponseSchema.parse(answer.body);
    const token = tokenOf(created.link);
    expect(created.linkId).toBe(idOf(token));
    expect((await session(token)).body.role).toBe('facilitator');
    const listed = (await links(token)).body.links as Array<{ linkId: string; role: string; current: boolean }>;
    expect(listed.filter((link) => link.role === 'facilitator')).toHaveLength(2);
    expect(listed.find((link) => link.current)!.linkId).toBe(created.linkId);
    expect((await links(token)).text).not.toContain(token);
  });

  it('rotating a link closes its open connections with TokenRevoked; the old token opens nothing, the new one works', async () => {
    const content = await openSync(server.syncUrl, board.id, board.tokens.participant);
    const control = await openSync(server.syncUrl, roomName(board.id, 'control'), board.tokens.participant);
    const bystander = await connectSynced(server.syncUrl, board.id, board.tokens.observer);
    clients.push(bystander);
    const bystanderCloses = closeCodes(bystander.provider);

    const answer = await rotate(idOf(board.tokens.participant));
    expect(answer.status).toBe(201);
    const created = CreatedLinkResponseSchema.parse(answer.body);
    expect(created.role).toBe('participant');
    expect(created.linkId).not.toBe(idOf(board.tokens.participant));

    expect(await content.closed).toBe(CloseCode.TokenRevoked);
    expect(await control.closed).toBe(CloseCode.TokenRevoked);
    expect((await session(board.tokens.participant)).status).toBe(401);
    await expect(openSync(server.syncUrl, board.id, board.tokens.participant)).rejects.toMatchObject({ status: 401 });
    const fresh = await connectSynced(server.syncUrl, board.id, tokenOf(created.link));
    clients.push(fresh);
    expect((await session(tokenOf(created.link))).body.role).toBe('participant');
    // Other links' connections were never touched.
    expect(bystander.provider.wsconnected).toBe(true);
    expect(bystanderCloses).toEqual([]);
  });

  it('revoking a link closes a stock client with TokenRevoked and refuses it from then on', async () => {
    const observer = await connectSynced(server.syncUrl, board.id, board.tokens.observer);
    clients.push(observer);
    const codes = closeCodes(observer.provider);
    const answer = await revoke(idOf(board.tokens.observer));
    expect(answer.status).toBe(204);
    await waitFor(() => expect(codes).toContain(CloseCode.TokenRevoked));
    // A code in 4400-4499: the stock client takes it as final and stops retrying.
    expect(observer.provider.shouldConnect).toBe(false);
    expect((await links()).body.links.map((link: { role: string }) => link.role)).toEqual(['facilitator', 'participant']);
    const refused = await openSync(server.syncUrl, board.id, board.tokens.observer).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnexpectedResponse);
    expect((refused as UnexpectedResponse).status).toBe(401);
    expect((await revoke(idOf(board.tokens.observer))).status).toBe(404);
  });

  it('never revokes the last facilitator link (409); with a second one, the first can go, its own page included', async () => {
    const alone = await revoke(idOf(board.tokens.facilitator));
    expect(alone.status).toBe(409);
    expect(alone.body.code).toBe(ApiErrorCode.LastFacilitatorLink);
    expect((await session(board.tokens.facilitator)).status).toBe(200);

    const other = tokenOf(CreatedLinkResponseSchema.parse((await create('facilitator')).body).link);
    const own = await openSync(server.syncUrl, roomName(board.id, 'control'), board.tokens.facilitator);
    expect((await revoke(idOf(board.tokens.facilitator))).status).toBe(204);
    expect(await own.closed).toBe(CloseCode.TokenRevoked);
    expect((await session(board.tokens.facilitator)).status).toBe(401);
    expect((await revoke(idOf(other), other)).body.code).toBe(ApiErrorCode.LastFacilitatorLink);
    // Rotating the last one is fine: it is replaced, not removed.
    const rotated = await rotate(idOf(other), other);
    expect(rotated.status).toBe(201);
    expect((await session(tokenOf(rotated.body.link))).body.role).toBe('facilitator');
  });

  it(`holds at most ${MAX_LINKS_PER_BOARD} links (409 TOO_MANY_LINKS)`, async () => {
    for (let count = 3; count < MAX_LINKS_PER_BOARD; count += 1) expect((await create('participant')).status).toBe(201);
    const over = await create('participant');
    expect(over.status).toBe(409);
    expect(over.body.code).toBe(ApiErrorCode.TooManyLinks);
    expect((await links()).body.links).toHaveLength(MAX_LINKS_PER_BOARD);
  });
});

/** A store whose document loads can be held: the moment between a token check and the room it opens. */
class SlowLoadingStore extends MemoryBoardStore {
  readonly loads = new Gate();
  override async loadDocument(key: DocKey) {
    await this.loads.pass();
    return super.loadDocument(key);
  }
}

describe('a link revoked while its connection is being opened', () => {
  it('closes that connection once it is attached: the token is asked again after the room loads', async () => {
    const store = new SlowLoadingStore();
    const server = await startTestServer({ store });
    try {
      const board = await server.createBoard('Race');
      store.loads.hold();
      const socket = await openSync(server.syncUrl, board.id, board.tokens.participant);
      await waitFor(() => store.loads.waiting > 0);
      const answer = await api(server.url, 'DELETE', `/api/boards/${board.id}/links/${linkIdFor(hashToken(board.tokens.participant))}`, board.tokens.facilitator);
      expect(answer.status).toBe(204);
      store.loads.release();
      expect(await socket.closed).toBe(CloseCode.TokenRevoked);
    } finally {
      await server.close();
    }
  });
});

describe('revocation across server processes', () => {
  let one: TestServer;
  let two: TestServer;
  beforeEach(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-revoke-'));
    const filename = path.join(dir, 'shared.sqlite');
    const fanout = new InProcessFanoutHub();
    const revocations = new InProcessRevocationHub();
    one = await startTestServer({ dataDir: dir, store: new SqliteBoardStore({ filename }), fanout: fanout.connect(), revocations: revocations.connect() });
    two = await startTestServer({ dataDir: dir, store: new SqliteBoardStore({ filename }), fanout: fanout.connect(), revocations: revocations.connect() });
  });
  afterEach(async () => {
    await one.close();
    await two.close();
  });

  it('a link revoked on one server closes its connections on the other', async () => {
    const board = await one.createBoard('Two servers');
    const elsewhere = await openSync(two.syncUrl, board.id, board.tokens.participant);
    const here = await openSync(one.syncUrl, board.id, board.tokens.participant);
    const answer = await api(one.url, 'DELETE', `/api/boards/${board.id}/links/${linkIdFor(hashToken(board.tokens.participant))}`, board.tokens.facilitator);
    expect(answer.status).toBe(204);
    expect(await here.closed).toBe(CloseCode.TokenRevoked);
    expect(await elsewhere.closed).toBe(CloseCode.TokenRevoked);
    await expect(openSync(two.syncUrl, board.id, board.tokens.participant)).rejects.toMatchObject({ status: 401 });
  });
});

describe('GET /api/time', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => server.close());

  it('answers the server clock, uncached, with no token needed', async () => {
    const before = Date.now();
    const response = await fetch(`${server.url}/api/time`);
    const after = Date.now();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { now: number };
    expect(Object.keys(body)).toEqual(['now']);
    expect(body.now).toBeGreaterThanOrEqual(before);
    expect(body.now).toBeLessThanOrEqual(after);
  });
});
