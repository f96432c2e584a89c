import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '@clapboard/server';
import { ApiErrorCode, CloseCode, dateInDays, readStatement, writeStatement, type EngagementStatement } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { createBoardWith, startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { closeCodes, request } from './support.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('retention dates', () => {
  let server: TestServer | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.close();
    server = undefined;
  });
  const statement = (deleteOn: string): EngagementStatement => ({
    purpose: 'Improve the leaflet',
    level: 'involve',
    canChange: 'The wording',
    cannotChange: 'The law',
    inputUse: 'Read by the team',
    feedback: 'By email',
    runBy: 'The council',
    deleteOn,
  });
  const create = (body: unknown) => fetch(`${server!.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('gives every new board one: DEFAULT_RETENTION_DAYS, retentionDays, deleteOn, or the statement’s date', async () => {
    server = await startTestServer({ env: { DEFAULT_RETENTION_DAYS: '45' } });
    const plain = await createBoardWith(server.url, { title: 'Plain' });
    expect(plain.deleteOn).toBe(dateInDays(45));
    expect((await request(server.url, 'GET', `/api/boards/${plain.id}/retention`, plain.tokens.observer)).body).toEqual({ deleteOn: dateInDays(45) });
    expect((await createBoardWith(server.url, { title: 'Week', retentionDays: 7 })).deleteOn).toBe(dateInDays(7));
    expect((await createBoardWith(server.url, { title: 'Dated', deleteOn: dateInDays(100) })).deleteOn).toBe(dateInDays(100));
    const withStatement = await createBoardWith(server.url, { title: 'Statement', statement: statement(dateInDays(200)) });
    expect(withStatement.deleteOn).toBe(dateInDays(200));
    // Agreeing with the statement is fine; disagreeing is refused, since the statement is what people read.
    expect((await create({ title: 'Agree', statement: statement(dateInDays(10)), retentionDays: 10 })).status).toBe(201);
    const disagree = await create({ title: 'Disagree', statement: statement(dateInDays(10)), retentionDays: 11 });
    expect(disagree.status).toBe(400);
    expect(await disagree.json()).toMatchObject({ code: ApiErrorCode.BadRequest });
  });

  it.each([
    ['both a date and a number of days', { deleteOn: dateInDays(5), retentionDays: 5 }, 'not both'],
    ['no days', { retentionDays: 0 }, 'at least 1'],
    ['a date in the past', { deleteOn: dateInDays(-3) }, 'must not be in the past'],
    ['a date that is not one', { deleteOn: '2030-02-30' }, 'YYYY-MM-DD'],
  ])('refuses %s with a named error', async (_name, fields, message) => {
    server = await startTestServer();
    const response = await create({ title: 'Bad', ...fields });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe(ApiErrorCode.BadRequest);
    expect(body.message).toContain(message);
  });

  it('lets facilitators move the date; the statement people read moves with it', async () => {
    server = await startTestServer();
    const board = await createBoardWith(server.url, { title: 'Moved', statement: statement(dateInDays(30)) });
    const facilitator = await connectSynced(server.syncUrl, `${board.id}/control`, board.tokens.facilitator);
    clients.push(facilitator);
    const put = (token: string, body: unknown) => request(server!.url, 'PUT', `/api/boards/${board.id}/retention`, token, body);
    expect((await put(board.tokens.participant, { deleteOn: dateInDays(3) })).status).toBe(403);
    expect((await put(board.tokens.facilitator, { deleteOn: 'soon' })).status).toBe(400);
    expect(await put(board.tokens.facilitator, { deleteOn: dateInDays(3) })).toMatchObject({ status: 200, body: { deleteOn: dateInDays(3) } });
    const read = await request(server.url, 'GET', `/api/boards/${board.id}/statement`, board.tokens.participant);
    expect(read.body.statement.deleteOn).toBe(dateInDays(3));
    await waitFor(() => expect(readStatement(facilitator.doc)?.deleteOn).toBe(dateInDays(3)));
    expect((await request(server.url, 'GET', `/api/boards/${board.id}/retention`, board.tokens.participant)).body).toEqual({ deleteOn: dateInDays(3) });
  });

  it('answers the statement with the stored date even if a facilitator’s copy in the document says otherwise', async () => {
    server = await startTestServer();
    const board = await createBoardWith(server.url, { title: 'Copy', statement: statement(dateInDays(30)) });
    const facilitator = await connectSynced(server.syncUrl, `${board.id}/control`, board.tokens.facilitator);
    clients.push(facilitator);
    facilitator.doc.transact(() => writeStatement(facilitator.doc, statement(dateInDays(900))));
    const room = () => server!.app.rooms.get({ boardId: board.id, doc: 'control' })!;
    await waitFor(() => expect(readStatement(room().doc)?.deleteOn).toBe(dateInDays(900)));
    const read = await request(server.url, 'GET', `/api/boards/${board.id}/statement`, board.tokens.participant);
    expect(read.body.statement.deleteOn).toBe(dateInDays(30));
  });

  it('erases boards in the first sweep on their date, and keeps the others', async () => {
    let now = Date.now();
    server = await startTestServer({ now: () => now });
    const soon = await createBoardWith(server.url, { title: 'Soon', retentionDays: 3 });
    const later = await createBoardWith(server.url, { title: 'Later', retentionDays: 4 });
    const participant = await connectSynced(server.syncUrl, soon.id, soon.tokens.participant);
    clients.push(participant);
    const codes = closeCodes(participant.provider);
    const alive = async (board: typeof soon) => (await request(server!.url, 'GET', `/api/boards/${board.id}/session`, board.tokens.participant)).status === 200;

    now += 2 * DAY_MS;
    expect(await server.app.retention.sweepNow()).toEqual({ dated: 0, erased: 0 });
    expect(await alive(soon)).toBe(true);
    now += DAY_MS;
    expect(await server.app.retention.sweepNow()).toEqual({ dated: 0, erased: 1 });
    expect(await alive(soon)).toBe(false);
    expect(await alive(later)).toBe(true);
    await waitFor(() => expect(codes).toContain(CloseCode.BoardDeleted));
  });

  it('dates boards stored before there were dates: by their statement’s promise, else the default', async () => {
    server = await startTestServer({ env: { DEFAULT_RETENTION_DAYS: '60' } });
    const control = (withStatement: boolean) => {
      const doc = new Y.Doc();
      doc.transact(() => {
        doc.getMap('settings').set('title', 'Old board');
        if (withStatement) writeStatement(doc, statement(dateInDays(12)));
      });
      return Y.encodeStateAsUpdate(doc);
    };
    const old = (id: string, letter: string, withStatement: boolean) =>
      server!.app.store.createBoard({
        id,
        tokenHashes: { facilitator: hashToken(`${letter}f`), participant: hashToken(`${letter}p`), observer: hashToken(`${letter}o`) },
        initialUpdates: { content: new Uint8Array([0, 0]), control: control(withStatement) },
      });
    await old('old-board-with-statement', 'a', true);
    await old('old-board-without-statement', 'b', false);
    expect(await server.app.retention.sweepNow()).toMatchObject({ dated: 2 });
    expect(await server.app.store.retentionDate('old-board-with-statement')).toBe(dateInDays(12));
    expect(await server.app.store.retentionDate('old-board-without-statement')).toBe(dateInDays(60));
  });
});
