import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ApiErrorSchema,
  CloseCode,
  MAX_ANSWER_LENGTH,
  getAnswersMap,
  getObjectsMap,
  readObject,
  readRevealedAnswer,
  readRound,
  roomName,
} from '@clapboard/shared';
import type { RoundStore } from '@clapboard/server';
import { connectClient, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { api } from './support.ts';

describe('rounds over HTTP', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  beforeEach(async () => {
    // The tick runs only when a test calls tickNow().
    server = await startTestServer({ env: { ROUND_COUNT_TICK_MS: '3600000', MAX_ANSWERS_PER_ROUND: '60' } });
    board = await server.createBoard('Rounds');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  const base = () => `/api/boards/${board.id}`;
  const create = async (body: unknown = { prompt: 'What would make the service better?' }) => {
    const created = await api(server, 'POST', `${base()}/rounds`, board.tokens.facilitator, body);
    expect(created.status).toBe(201);
    return created.body.roundId as string;
  };
  const answer = (roundId: string, text: string, token: string | null = board.tokens.participant, extra: Record<string, unknown> = {}) =>
    api(server, 'POST', `${base()}/rounds/${roundId}/answers`, token, { text, ...extra });
  const summary = async (roundId: string) => (await api(server, 'GET', `${base()}/rounds/${roundId}`, board.tokens.observer)).body;
  const expectError = (result: { status: number; body: unknown }, status: number, code: string) => {
    expect(result.status).toBe(status);
    const body = ApiErrorSchema.strict().parse(result.body);
    expect(body.code).toBe(code);
    expect(body.message.length).toBeGreaterThan(3);
  };
  /** What the round store holds: the service keeps it private, the test reads it as the server would. */
  const storedAnswers = async (roundId: string) => (server.app.rounds as unknown as { store: RoundStore }).store.listAnswers(board.id, roundId);

  it('creates a round (facilitator only), with its public state in the control document', async () => {
    expectError(await api(server, 'POST', `${base()}/rounds`, null, { prompt: 'x' }), 401, 'UNAUTHORIZED');
    expectError(await api(server, 'POST', `${base()}/rounds`, `${board.tokens.facilitator}x`, { prompt: 'x' }), 401, 'UNAUTHORIZED');
    expectError(await api(server, 'POST', `${base()}/rounds`, board.tokens.participant, { prompt: 'x' }), 403, 'FORBIDDEN');
    expectError(await api(server, 'POST', `${base()}/rounds`, board.tokens.observer, { prompt: 'x' }), 403, 'FORBIDDEN');
    const empty = await api(server, 'POST', `${base()}/rounds`, board.tokens.facilitator, { prompt: '  ' });
    expectError(empty, 400, 'BAD_REQUEST');
    expect(empty.body.message).toContain('prompt must not be empty');
    expectError(await api(server, 'POST', `${base()}/rounds`, board.tokens.facilitator, { prompt: 'x', k: 1 }), 400, 'BAD_REQUEST');
    expectError(await api(server, 'POST', `${base()}/rounds`, board.tokens.facilitator, { prompt: 'x', closesAt: '2001-01-01T00:00:00Z' }), 400, 'BAD_REQUEST');
    expectError(await api(server, 'POST', `${base()}/rounds`, board.tokens.facilitator, { prompt: 'x', extra: 1 }), 400, 'BAD_REQUEST');

    const roundId = await create({ prompt: 'How was your first week?', k: 4, translations: { ar: 'كيف كان أسبوعك الأول؟' } });
    expect(await summary(roundId)).toEqual({ state: 'open', prompt: 'How was your first week?', count: 0 });
    const control = connectClient(server.syncUrl, roomName(board.id, 'control'), board.tokens.participant);
    clients.push(control);
    await waitFor(() => expect(readRound(control.doc, roundId)).toEqual({ state: 'open', prompt: 'How was your first week?', count: 0, k: 4, translations: { ar: 'كيف كان أسبوعك الأول؟' } }));
    // The refused requests created nothing.
    expect(control.doc.getMap('rounds').size).toBe(1);
    expectError(await api(server, 'GET', `${base()}/rounds/unknownunknownxx`, board.tokens.observer), 404, 'NOT_FOUND');
  });

  it('takes answers from participants and transcribed paper answers from facilitators; never from observers', async () => {
    const roundId = await create();
    expect((await answer(roundId, 'More interpreters')).status).toBe(201);
    expectError(await answer(roundId, 'x', board.tokens.observer), 403, 'FORBIDDEN');
    expectError(await answer(roundId, 'x', board.tokens.facilitator), 403, 'FORBIDDEN');
    expectError(await answer(roundId, 'x', board.tokens.participant, { transcribed: true }), 403, 'FORBIDDEN');
    const paper = await answer(roundId, 'Written on paper', board.tokens.facilitator, { transcribed: true });
    expect(paper.status).toBe(201);
    expect(paper.body.receipt).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expectError(await answer(roundId, '   '), 400, 'BAD_REQUEST');
    expectError(await answer(roundId, 'x'.repeat(MAX_ANSWER_LENGTH + 1)), 400, 'BAD_REQUEST');
    expectError(await answer(roundId, 'x', board.tokens.participant, { lang: 'not a tag' }), 400, 'BAD_REQUEST');
    expectError(await answer('unknownunknownxx', 'x'), 404, 'NOT_FOUND');
    expectError(await answer(roundId, 'x', null), 401, 'UNAUTHORIZED');
    // Nothing refused was stored.
    expect((await storedAnswers(roundId)).map((stored) => stored.text).sort()).toEqual(['More interpreters', 'Written on paper']);
  });

  it('publishes the count only on a tick, only once it moved by two, and exactly on close', async () => {
    const roundId = await create();
    await answer(roundId, 'one');
    await server.app.rounds.tickNow();
    expect((await summary(roundId)).count).toBe(0);
    await answer(roundId, 'two');
    expect((await summary(roundId)).count).toBe(0);
    await server.app.rounds.tickNow();
    expect((await summary(roundId)).count).toBe(2);
    await answer(roundId, 'three');
    await server.app.rounds.tickNow();
    expect((await summary(roundId)).count).toBe(2);
    expectError(await api(server, 'POST', `${base()}/rounds/${roundId}/close`, board.tokens.participant), 403, 'FORBIDDEN');
    const closed = await api(server, 'POST', `${base()}/rounds/${roundId}/close`, board.tokens.facilitator);
    expect(closed).toEqual({ status: 200, body: { state: 'closed', prompt: 'What would make the service better?', count: 3 } });
    expectError(await answer(roundId, 'late'), 409, 'ROUND_CLOSED');
    expect(await storedAnswers(roundId)).toHaveLength(3);
  });

  it('closes a round at its closesAt', async () => {
    const roundId = await create({ prompt: 'Soon over', closesAt: new Date(Date.now() + 400).toISOString() });
    expect((await answer(roundId, 'in time')).status).toBe(201);
    await waitFor(async () => expect((await summary(roundId)).state).toBe('closed'));
    expect(await summary(roundId)).toEqual({ state: 'closed', prompt: 'Soon over', count: 1 });
    expectError(await answer(roundId, 'too late'), 409, 'ROUND_CLOSED');
  });

  it('edits and withdraws by receipt; a wrong receipt changes nothing and answers like an unknown one', async () => {
    const roundId = await create();
    const { receipt } = (await answer(roundId, 'first thought')).body;
    const other = await create({ prompt: 'Another round' });
    const { receipt: otherReceipt } = (await answer(other, 'elsewhere')).body;
    const path = `${base()}/rounds/${roundId}/answers`;
    const unknown = await api(server, 'PUT', path, board.tokens.participant, { receipt: 'A'.repeat(43), text: 'hijack' });
    const wrongRound = await api(server, 'PUT', path, board.tokens.participant, { receipt: otherReceipt, text: 'hijack' });
    const short = await api(server, 'PUT', path, board.tokens.participant, { receipt: receipt.slice(1), text: 'hijack' });
    expectError(unknown, 404, 'NOT_FOUND');
    expect(wrongRound).toEqual(unknown);
    expect(short).toEqual(unknown);
    expect(await api(server, 'DELETE', path, board.tokens.participant, { receipt: 'A'.repeat(43) })).toEqual(unknown);
    expect((await storedAnswers(roundId)).map((stored) => stored.text)).toEqual(['first thought']);
    expect((await storedAnswers(other)).map((stored) => stored.text)).toEqual(['elsewhere']);
    expectError(await api(server, 'PUT', path, board.tokens.observer, { receipt, text: 'x' }), 403, 'FORBIDDEN');
    expectError(await api(server, 'PUT', path, board.tokens.participant, { receipt }), 400, 'BAD_REQUEST');

    expect((await api(server, 'PUT', path, board.tokens.participant, { receipt, text: 'second thought', lang: 'en' })).status).toBe(204);
    expect(await storedAnswers(roundId)).toEqual([expect.objectContaining({ text: 'second thought', lang: 'en' })]);
    expect((await api(server, 'DELETE', path, board.tokens.participant, { receipt })).status).toBe(204);
    expect(await storedAnswers(roundId)).toEqual([]);
    expect(await api(server, 'DELETE', path, board.tokens.participant, { receipt })).toEqual(unknown);
  });

  it('refuses to reveal below k; reveals as server-written cards in a frame anyone can move, that no client can rewrite', async () => {
    const roundId = await create({ prompt: 'What helped?', k: 3 });
    const receipts: string[] = [];
    for (const text of ['a friend', 'the library']) receipts.push((await answer(roundId, text)).body.receipt);
    const reveal = () => api(server, 'POST', `${base()}/rounds/${roundId}/reveal`, board.tokens.facilitator);
    expectError(await api(server, 'POST', `${base()}/rounds/${roundId}/reveal`, board.tokens.participant), 403, 'FORBIDDEN');
    const below = await reveal();
    expectError(below, 409, 'BELOW_THRESHOLD');
    expect(below.body.message).not.toMatch(/\d/);
    expect(await summary(roundId)).toMatchObject({ state: 'open' });
    expect(await server.app.rooms.withRoom({ boardId: board.id, doc: 'content' }, (room) => getAnswersMap(room.doc).size)).toBe(0);
    receipts.push((await answer(roundId, 'a volunteer', board.tokens.participant, { lang: 'en' })).body.receipt);

    const participant = connectClient(server.syncUrl, board.id, board.tokens.participant);
    clients.push(participant);
    await waitFor(() => participant.provider.synced);
    const revealed = await reveal();
    expect(revealed.status).toBe(200);
    expect(revealed.body).toMatchObject({ state: 'revealed', prompt: 'What helped?', count: 3 });
    expectError(await reveal(), 409, 'ALREADY_REVEALED');
    expectError(await answer(roundId, 'late'), 409, 'ROUND_CLOSED');

    await waitFor(() => expect(getAnswersMap(participant.doc).size).toBe(3));
    const cards = [...getObjectsMap(participant.doc).entries()].map(([id, map]) => readObject(map, id)!).filter((object) => object.type === 'answer');
    expect(cards).toHaveLength(3);
    const frame = readObject(getObjectsMap(participant.doc).get(revealed.body.frameId), revealed.body.frameId);
    expect(frame).toMatchObject({ type: 'frame', text: 'What helped?' });
    for (const card of cards) expect(card).toMatchObject({ frameId: revealed.body.frameId });
    expect(cards.map((card) => readRevealedAnswer(participant.doc, card.type === 'answer' ? card.answerId : '')!.text).sort()).toEqual(['a friend', 'a volunteer', 'the library']);
    // After reveal the store keeps no words.
    expect((await storedAnswers(roundId)).every((stored) => stored.text === null)).toBe(true);

    // Anyone can move a card.
    const card = cards[0]!;
    getObjectsMap(participant.doc).get(card.id)!.set('x', 12345);
    await waitFor(() => expect(server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc.getMap('objects').get(card.id)).toBeDefined());
    await waitFor(() => expect((server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc.getMap('objects').get(card.id) as Y.Map<unknown>).get('x')).toBe(12345));

    // Its author edits it by receipt; a facilitator hides another, with a reason.
    const path = `${base()}/rounds/${roundId}/answers`;
    const lookup = await api(server, 'POST', `${base()}/receipts/lookup`, board.tokens.participant, { receipt: receipts[0] });
    expect(lookup.body).toMatchObject({ roundId, revealed: true, hiddenReason: null, theme: null, actions: [] });
    const mine = lookup.body.answerId as string;
    expect((await api(server, 'PUT', path, board.tokens.participant, { receipt: receipts[0], text: 'a good friend' })).status).toBe(204);
    await waitFor(() => expect(readRevealedAnswer(participant.doc, mine)?.text).toBe('a good friend'));
    const theirs = (await api(server, 'POST', `${base()}/receipts/lookup`, board.tokens.participant, { receipt: receipts[1] })).body.answerId as string;
    expectError(await api(server, 'POST', `${base()}/answers/${theirs}/hide`, board.tokens.participant, { reason: 'names someone' }), 403, 'FORBIDDEN');
    expectError(await api(server, 'POST', `${base()}/answers/nothingnothing/hide`, board.tokens.facilitator, { reason: 'names someone' }), 404, 'NOT_FOUND');
    expect((await api(server, 'POST', `${base()}/answers/${theirs}/hide`, board.tokens.facilitator, { reason: 'names someone' })).status).toBe(200);
    await waitFor(() => expect(readRevealedAnswer(participant.doc, theirs)).toEqual({ text: '', roundId, hidden: true, hiddenReason: 'names someone' }));
    expectError(await api(server, 'PUT', path, board.tokens.participant, { receipt: receipts[1], text: 'again' }), 409, 'ANSWER_HIDDEN');
    expect((await api(server, 'POST', `${base()}/receipts/lookup`, board.tokens.participant, { receipt: receipts[1] })).body.hiddenReason).toBe('names someone');
    expectError(await api(server, 'POST', `${base()}/receipts/lookup`, board.tokens.participant, { receipt: 'nope' }), 404, 'NOT_FOUND');

    // Withdrawn after reveal: gone from the board.
    expect((await api(server, 'DELETE', path, board.tokens.participant, { receipt: receipts[2] })).status).toBe(204);
    await waitFor(() => expect(getAnswersMap(participant.doc).size).toBe(2));

    // No client can write the answers root, not even a facilitator.
    const facilitator = connectClient(server.syncUrl, board.id, board.tokens.facilitator);
    clients.push(facilitator);
    await waitFor(() => facilitator.provider.synced);
    const closed = new Promise<number>((resolve) => facilitator.provider.on('connection-close', (event) => event && resolve(event.code)));
    (getAnswersMap(facilitator.doc).get(mine) as Y.Map<unknown>).set('text', 'rewritten by someone else');
    expect(await closed).toBe(CloseCode.ForbiddenScope);
    expect(readRevealedAnswer(server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc, mine)?.text).toBe('a good friend');
  });

  it('caps a round at MAX_ANSWERS_PER_ROUND', async () => {
    const roundId = await create();
    const results = await Promise.all(Array.from({ length: 61 }, (_, index) => answer(roundId, `answer ${index}`)));
    expect(results.filter((result) => result.status === 201)).toHaveLength(60);
    expectError(results.find((result) => result.status !== 201)!, 409, 'ROUND_FULL');
  });
});
