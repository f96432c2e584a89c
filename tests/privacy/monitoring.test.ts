import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorCode, FEWER_THAN_SMALLEST, MAX_CONTACT_LENGTH, MonitoringReportSchema, reportMonitoring, type MonitoringCounts } from '@clapboard/shared';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { request } from './support.ts';

describe('reporting monitoring counts', () => {
  const counts = (ageBand: Record<string, number>): MonitoringCounts => ({ ageBand, gender: { preferNotToSay: 12 }, ethnicity: { preferNotToSay: 12 }, disability: { preferNotToSay: 12 } });

  it('shows every group under five, nobody included, as "fewer than 5"', () => {
    const report = reportMonitoring(12, counts({ '18to24': 6, '25to34': 4, '35to49': 1, preferNotToSay: 1 }), 0);
    expect(report.responses).toBe(12);
    expect(report.questions.ageBand).toMatchObject({ '18to24': 6, '25to34': FEWER_THAN_SMALLEST, '35to49': FEWER_THAN_SMALLEST, under18: FEWER_THAN_SMALLEST, preferNotToSay: FEWER_THAN_SMALLEST });
    expect(report.questions.gender).toMatchObject({ preferNotToSay: 12, woman: FEWER_THAN_SMALLEST });
    expect(MonitoringReportSchema.parse(report)).toEqual(report);
  });

  it('never leaves one hidden group that the total would give away: the next smallest is hidden too', () => {
    // yes 5 + no 8 + prefer not 2 = 15: were only "prefer not" hidden, 15 - 5 - 8 would show it.
    const report = reportMonitoring(15, { ageBand: {}, gender: {}, ethnicity: {}, disability: { yes: 5, no: 8, preferNotToSay: 2 } }, 0);
    expect(report.questions.disability).toEqual({ yes: FEWER_THAN_SMALLEST, no: 8, preferNotToSay: FEWER_THAN_SMALLEST });
    // With two or more hidden already, nothing more is hidden.
    const two = reportMonitoring(13, { ageBand: {}, gender: { woman: 5, man: 6, nonBinary: 2 }, ethnicity: {}, disability: {} }, 0);
    expect(two.questions.gender).toMatchObject({ woman: 5, man: 6, nonBinary: FEWER_THAN_SMALLEST, selfDescribe: FEWER_THAN_SMALLEST });
  });

  it('shows nothing at all until five responses are counted', () => {
    const report = reportMonitoring(0, {}, 3);
    expect(report.responses).toBe(FEWER_THAN_SMALLEST);
    expect(report.pending).toBe(3);
    expect(Object.values(report.questions).flatMap((answers) => Object.values(answers)).every((count) => count === FEWER_THAN_SMALLEST)).toBe(true);
  });
});

describe('equality monitoring and contact routes', () => {
  let server: TestServer;
  let board: CreatedBoard;
  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Monitoring');
  });
  afterEach(() => server.close());

  const monitor = (token: string, body: unknown) => request(server.url, 'POST', `/api/boards/${board.id}/monitoring`, token, body);
  const contact = (token: string, body: unknown) => request(server.url, 'POST', `/api/boards/${board.id}/contact`, token, body);

  it('takes answers from participants only (201), counts them in groups of five, and reports counts to facilitators only', async () => {
    expect((await monitor(board.tokens.observer, {})).status).toBe(403);
    expect((await monitor(board.tokens.facilitator, {})).status).toBe(403);
    expect((await monitor('not-a-token', {})).status).toBe(401);
    for (let i = 0; i < 4; i += 1) expect((await monitor(board.tokens.participant, { ageBand: '25to34', gender: 'woman' })).status).toBe(201);
    const read = () => request(server.url, 'GET', `/api/boards/${board.id}/monitoring`, board.tokens.facilitator);
    const early = await read();
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({ responses: FEWER_THAN_SMALLEST, pending: 4 });
    expect(early.body.questions.ageBand['25to34']).toBe(FEWER_THAN_SMALLEST);

    expect((await monitor(board.tokens.participant, { ageBand: '25to34', gender: 'woman', disability: 'no' })).status).toBe(201);
    const counted = await read();
    expect(MonitoringReportSchema.parse(counted.body)).toEqual(counted.body);
    expect(counted.body).toMatchObject({ responses: 5, pending: 0 });
    expect(counted.body.questions.ageBand['25to34']).toBe(5);
    expect(counted.body.questions.gender.woman).toBe(5);
    expect(counted.body.questions.disability.no).toBe(FEWER_THAN_SMALLEST);
    expect(counted.headers.get('cache-control')).toBe('no-store');
    expect((await request(server.url, 'GET', `/api/boards/${board.id}/monitoring`, board.tokens.participant)).status).toBe(403);
  });

  it('refuses unknown questions and answers with a named error, storing nothing', async () => {
    for (const body of [{ religion: 'none' }, { ageBand: '30' }, { gender: 5 }]) {
      const refused = await monitor(board.tokens.participant, body);
      expect(refused).toMatchObject({ status: 400, body: { code: ApiErrorCode.BadRequest } });
    }
    const report = await request(server.url, 'GET', `/api/boards/${board.id}/monitoring`, board.tokens.facilitator);
    expect(report.body.pending).toBe(0);
  });

  it('keeps contacts apart: a separate download for facilitators, never in the board export', async () => {
    expect((await contact(board.tokens.participant, { contact: '  amir@example.org ' })).status).toBe(201);
    expect((await contact(board.tokens.participant, { contact: '07700 900123' })).status).toBe(201);
    expect((await contact(board.tokens.observer, { contact: 'x@example.org' })).status).toBe(403);
    expect((await contact(board.tokens.participant, { contact: '' })).status).toBe(400);
    expect((await contact(board.tokens.participant, { contact: 'x'.repeat(MAX_CONTACT_LENGTH + 1) })).body.message).toContain(`${MAX_CONTACT_LENGTH}`);
    expect((await contact(board.tokens.participant, { contact: 'a', time: 'now' })).status).toBe(400);
    const list = await request(server.url, 'GET', `/api/boards/${board.id}/contacts`, board.tokens.facilitator);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ contacts: ['07700 900123', 'amir@example.org'] });
    expect(list.headers.get('content-disposition')).toContain('attachment');
    expect((await request(server.url, 'GET', `/api/boards/${board.id}/contacts`, board.tokens.participant)).status).toBe(403);
    const bundle = await request(server.url, 'GET', `/api/boards/${board.id}/export-all`, board.tokens.facilitator);
    expect(JSON.stringify(bundle.body)).not.toContain('amir@example.org');
    expect(bundle.body.separate.contacts).toMatchObject({ contactsHeld: 2 });
  });

  it('bounds a flood: a board takes MAX_CONTACTS_PER_BOARD contacts, then 409', async () => {
    await server.close();
    server = await startTestServer({ env: { MAX_CONTACTS_PER_BOARD: '2', MAX_MONITORING_RESPONSES_PER_BOARD: '1' } });
    board = await server.createBoard('Small');
    expect((await contact(board.tokens.participant, { contact: 'a' })).status).toBe(201);
    expect((await contact(board.tokens.participant, { contact: 'b' })).status).toBe(201);
    expect(await contact(board.tokens.participant, { contact: 'c' })).toMatchObject({ status: 409, body: { code: ApiErrorCode.ContactsFull } });
    expect((await monitor(board.tokens.participant, {})).status).toBe(201);
    expect(await monitor(board.tokens.participant, {})).toMatchObject({ status: 409, body: { code: ApiErrorCode.MonitoringFull } });
  });
});
