import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashToken, linkIdFor } from '@clapboard/server';
import {
  ListLinksResponseSchema,
  SaidDidLinkResponseSchema,
  SaidDidResponseSchema,
  addAction,
  addToTheme,
  createTheme,
  getObjectsMap,
  insertObject,
  roomName,
  type SaidDidResponse,
} from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { UnexpectedResponse } from '../support/rawSocket.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { api, openSync } from '../controls/support.ts';

const note = (text: string, x: number) => ({ type: 'note' as const, x, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });

describe('"You said, we did" over HTTP', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  const saidDid = (token: string) => api(server.url, 'GET', `/api/boards/${board.id}/said-did`, token);
  const publish = (token = board.tokens.facilitator) => api(server.url, 'POST', `/api/boards/${board.id}/said-did/link`, token);
  const lookup = (token: string, body: unknown) => api(server.url, 'POST', `/api/boards/${board.id}/said-did/receipt`, token, body);
  const tokenOfUrl = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('token')!;

  let content: Client;
  let control: Client;
  let themeId = '';
  let noteIds: string[] = [];

  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Housing advice');
    content = await connectSynced(server.syncUrl, roomName(board.id, 'content'), board.tokens.facilitator);
    control = await connectSynced(server.syncUrl, roomName(board.id, 'control'), board.tokens.facilitator);
    clients.push(content, control);
    content.doc.transact(() => {
      noteIds = [insertObject(content.doc, note('Letters only come in English', 0)), insertObject(content.doc, note('  Nobody   explains the forms ', 300)), insertObject(content.doc, note('', 600))];
      themeId = createTheme(content.doc, { noteIds, name: 'Language', description: 'Letters and forms people cannot read' });
    });
    const added = addAction(control.doc, { themeId, kind: 'will', text: 'Send letters in the language people ask for', owner: 'Housing team', due: '2025-06-30' }, '2025-03-01');
    const refused = addAction(control.doc, { themeId, kind: 'cannot', text: 'Interpreters at every visit', reason: 'There is no budget this year', status: 'not-possible' }, '2025-03-02');
    expect(added.ok && refused.ok).toBe(true);
    await waitFor(async () => expect((await saidDid(board.tokens.participant)).body.themes?.[0]?.actions).toHaveLength(2));
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('gives every board role the themes, a few of their words and the actions, validated and in a fixed order', async () => {
    const bodies: SaidDidResponse[] = [];
    for (const role of ['facilitator', 'participant', 'observer'] as const) {
      const answer = await saidDid(board.tokens[role]);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      bodies.push(SaidDidResponseSchema.parse(answer.body));
    }
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    const [theme] = bodies[0]!.themes;
    expect(bodies[0]!.title).toBe('Housing advice');
    expect(theme).toMatchObject({ id: themeId, name: 'Language', description: 'Letters and forms people cannot read', memberCount: 3 });
    // The empty note says nothing, and whitespace is folded.
    expect([...theme!.quotes].sort()).toEqual(['Letters only come in English', 'Nobody explains the forms']);
    // Sorted by action id, whatever order they were added in; both kinds come through whole.
    expect(theme!.actions.map((action) => action.kind).sort()).toEqual(['cannot', 'will']);
    expect(theme!.actions.find((action) => action.kind === 'cannot')).toEqual({
      kind: 'cannot',
      text: 'Interpreters at every visit',
      reason: 'There is no budget this year',
      status: 'not-possible',
      owner: '',
      due: null,
      history: [{ on: '2025-03-02', status: 'not-possible', text: 'Interpreters at every visit' }],
    });
  });

  it('carries nothing that leads to an author: no client ids, note ids, tokens or unknown fields', async () => {
    const answer = await saidDid(board.tokens.observer);
    SaidDidResponseSchema.strict().parse(answer.body);
    for (const theme of answer.body.themes) expect(Object.keys(theme).sort()).toEqual(['actions', 'description', 'id', 'memberCount', 'name', 'quotes']);
    for (const id of [String(content.doc.clientID), String(control.doc.clientID), ...noteIds, ...Object.values(board.tokens)]) {
      expect(answer.text).not.toContain(id);
    }
  });

  it('refuses a request without a valid token, the same for every failure', async () => {
    expect((await saidDid('not-a-token')).status).toBe(401);
    expect((await api(server.url, 'GET', `/api/boards/unknownboardxxxxxxxx/said-did`, board.tokens.participant)).status).toBe(401);
  });

  it('publishes a public link that reads this page only, is listed, and stops when revoked', async () => {
    expect((await publish(board.tokens.participant)).status).toBe(403);
    expect((await publish(board.tokens.observer)).status).toBe(403);
    const published = await publish();
    expect(published.status).toBe(201);
    expect(published.headers.get('cache-control')).toBe('no-store');
    const { url, linkId } = SaidDidLinkResponseSchema.parse(published.body);
    expect(new URL(url).pathname).toBe(`/b/${board.id}/said-did`);
    const token = tokenOfUrl(url);
    expect(linkId).toBe(linkIdFor(hashToken(token)));

    const read = await saidDid(token);
    expect(read.status).toBe(200);
    expect(read.body).toEqual((await saidDid(board.tokens.participant)).body);

    // Not a board role: no websocket on either document, no session, no other route.
    for (const room of [roomName(board.id, 'content'), roomName(board.id, 'control')]) {
      const refused = await openSync(server.syncUrl, room, token).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(UnexpectedResponse);
      expect((refused as UnexpectedResponse).status).toBe(401);
    }
    expect((await api(server.url, 'GET', `/api/boards/${board.id}/session`, token)).status).toBe(401);
    expect((await api(server.url, 'GET', `/api/boards/${board.id}/statement`, token)).status).toBe(401);
    expect((await api(server.url, 'GET', `/api/boards/${board.id}/links`, token)).status).toBe(401);
    // Valid for this page, so known here, but it may not publish.
    expect((await publish(token)).status).toBe(403);

    const listed = ListLinksResponseSchema.parse((await api(server.url, 'GET', `/api/boards/${board.id}/links`, board.tokens.facilitator)).body);
    expect(listed.links.map((link) => link.role)).toEqual(['facilitator', 'participant', 'observer', 'public']);

    const rotated = await api(server.url, 'POST', `/api/boards/${board.id}/links/${linkId}/rotate`, board.tokens.facilitator);
    expect(rotated.status).toBe(201);
    expect(rotated.body.role).toBe('public');
    expect(new URL(rotated.body.link).pathname).toBe(`/b/${board.id}/said-did`);
    expect((await saidDid(token)).status).toBe(401);
    const next = tokenOfUrl(rotated.body.link);
    expect((await saidDid(next)).status).toBe(200);

    expect((await api(server.url, 'DELETE', `/api/boards/${board.id}/links/${rotated.body.linkId}`, board.tokens.facilitator)).status).toBe(204);
    expect((await saidDid(next)).status).toBe(401);
  });

  it('tells a receipt holder which theme their revealed answer fed into, and stores or logs nothing of it', async () => {
    const round = await api(server.url, 'POST', `/api/boards/${board.id}/rounds`, board.tokens.facilitator, { prompt: 'What would help?', k: 2 });
    const roundId = round.body.roundId as string;
    const receipts: string[] = [];
    for (const text of ['A person to call', 'Forms in Arabic']) {
      const submitted = await api(server.url, 'POST', `/api/boards/${board.id}/rounds/${roundId}/answers`, board.tokens.participant, { text });
      receipts.push(submitted.body.receipt);
    }
    // Before reveal: a real receipt, in no theme yet.
    expect((await lookup(board.tokens.participant, { receipt: receipts[0] })).body).toEqual({ themeIds: [] });
    expect((await api(server.url, 'POST', `/api/boards/${board.id}/rounds/${roundId}/close`, board.tokens.facilitator)).status).toBe(200);
    expect((await api(server.url, 'POST', `/api/boards/${board.id}/rounds/${roundId}/reveal`, board.tokens.facilitator)).status).toBe(200);
    const mine = (await api(server.url, 'POST', `/api/boards/${board.id}/receipts/lookup`, board.tokens.participant, { receipt: receipts[0] })).body.answerId as string;
    await waitFor(() => expect(getObjectsMap(content.doc).get(mine)).toBeInstanceOf(Y.Map));
    addToTheme(content.doc, themeId, [mine]);

    const published = SaidDidLinkResponseSchema.parse((await publish()).body);
    await waitFor(async () => expect((await lookup(tokenOfUrl(published.url), { receipt: receipts[0] })).body).toEqual({ themeIds: [themeId] }));
    expect((await lookup(board.tokens.observer, { receipt: receipts[1] })).body).toEqual({ themeIds: [] });
    // The answer's words are quoted like any member's.
    expect((await saidDid(board.tokens.observer)).body.themes[0].quotes).toContain('A person to call');

    expect((await lookup(board.tokens.participant, { receipt: 'no-such-receipt' })).status).toBe(404);
    expect((await lookup(board.tokens.participant, { receipt: '' })).status).toBe(400);
    expect((await lookup(board.tokens.participant, { receipt: receipts[0], extra: 1 })).status).toBe(400);
    expect((await lookup('not-a-token', { receipt: receipts[0] })).status).toBe(401);
    for (const receipt of receipts) expect(server.logs()).not.toContain(receipt);
  });
});
