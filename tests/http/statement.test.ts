import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ApiErrorSchema,
  MAX_DELETE_AFTER_DAYS,
  MAX_RUN_BY_LENGTH,
  MAX_STATEMENT_TEXT_LENGTH,
  CREATION_ROLES,
  STATEMENT_SETTING,
  StatementResponseSchema,
  getSettingsMap,
  readStatement,
  roomName,
  statementRevision,
  todayDate,
  writeStatement,
  type EngagementStatement,
} from '@clapboard/shared';
import { connectSynced } from '../support/clients.ts';
import { createBoard, startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const inDays = (days: number) => todayDate(Date.now() + days * DAY_MS);

function aStatement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    purpose: 'Rewrite the welcome letter people get when they arrive in the borough.',
    level: 'involve',
    canChange: 'The wording, the order and what the letter covers.',
    cannotChange: 'Home Office rules about accommodation and payments.',
    inputUse: 'The housing team drafts the new letter from what is written here.',
    feedback: 'We will bring the draft to the drop-in on 12 May and send it to everyone who asks.',
    runBy: 'Lewisham Council housing team with Refugee Welcome, contact Sam on 020 7946 0000',
    deleteOn: inDays(90),
    ...overrides,
  };
}

describe('the engagement statement over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  const create = (body: unknown) =>
    fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const getStatement = (boardId: string, token?: string) =>
    fetch(`${server.url}/api/boards/${boardId}/statement`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

  async function boardWith(statement: Record<string, unknown>) {
    const response = await create({ title: 'Welcome letter', statement });
    expect(response.status).toBe(201);
    const { id, links } = (await response.json()) as { id: string; links: Record<string, string> };
    const tokens = Object.fromEntries(Object.entries(links).map(([role, link]) => [role, new URLSearchParams(new URL(link).hash.slice(1)).get('token')!]));
    return { id, tokens };
  }

  it('a board created with a statement gives it, trimmed, to every role, with its revision', async () => {
    const sent = aStatement({ purpose: '  Rewrite the welcome letter.  ' });
    const board = await boardWith(sent);
    const want = { ...sent, purpose: 'Rewrite the welcome letter.' } as EngagementStatement;
    for (const role of CREATION_ROLES) {
      const response = await getStatement(board.id, board.tokens[role]);
      expect(response.status, role).toBe(200);
      expect(response.headers['get']('cache-control')).toBe('no-store');
      const body = StatementResponseSchema.parse(await response.json());
      expect(body).toEqual({ statement: want, revision: statementRevision(want) });
    }
  });

  it('is stored in the control document, where a participant’s client reads it', async () => {
    const board = await boardWith(aStatement());
    const participant = await connectSynced(server.syncUrl, roomName(board.id, 'control'), board.tokens.participant!);
    try {
      expect(getSettingsMap(participant.doc).get(STATEMENT_SETTING)).toBeInstanceOf(Y.Map);
      expect(readStatement(participant.doc)).toEqual(aStatement());
    } finally {
      participant.destroy();
    }
  });

  it('a board created without one answers null, and the title-only body still works', async () => {
    const board = await createBoard(server.url, 'No statement');
    const response = await getStatement(board.id, board.tokens.observer);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ statement: null, revision: null });
  });

  it('a facilitator’s edit is what the next reader gets, with a new revision', async () => {
    const board = await boardWith(aStatement());
    const before = StatementResponseSchema.parse(await (await getStatement(board.id, board.tokens.participant)).json());
    const facilitator = await connectSynced(server.syncUrl, roomName(board.id, 'control'), board.tokens.facilitator!);
    try {
      const edited = { ...readStatement(facilitator.doc)!, cannotChange: 'Home Office rules, and the council’s budget for 2026.' };
      facilitator.doc.transact(() => writeStatement(facilitator.doc, edited));
      await waitFor(async () => {
        const after = StatementResponseSchema.parse(await (await getStatement(board.id, board.tokens.participant)).json());
        expect(after.statement).toEqual(edited);
        expect(after.revision).not.toBe(before.revision);
      });
    } finally {
      facilitator.destroy();
    }
  });

  it('401 for a wrong, missing or other board’s token, and says nothing of the statement', async () => {
    const board = await boardWith(aStatement());
    const other = await createBoard(server.url, 'Other');
    for (const response of [await getStatement(board.id, 'nope'), await getStatement(board.id), await getStatement(board.id, other.tokens.facilitator), await getStatement('no-such-board', board.tokens.facilitator)]) {
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(ApiErrorSchema.parse(JSON.parse(text)).code).toBe('UNAUTHORIZED');
      expect(text).not.toContain('welcome letter');
    }
  });

  it('takes every field at its limit', async () => {
    const long = aStatement({ purpose: 'p'.repeat(MAX_STATEMENT_TEXT_LENGTH), runBy: 'r'.repeat(MAX_RUN_BY_LENGTH), deleteOn: inDays(MAX_DELETE_AFTER_DAYS) });
    const board = await boardWith(long);
    const body = StatementResponseSchema.parse(await (await getStatement(board.id, board.tokens.observer)).json());
    expect(body.statement).toEqual(long);
    // Yesterday (UTC) is someone's today west of Greenwich.
    await boardWith(aStatement({ deleteOn: inDays(-1) }));
  });

  it.each([
    ['an empty purpose', { purpose: '   ' }, 'purpose must not be empty'],
    ['a purpose too long', { purpose: 'x'.repeat(MAX_STATEMENT_TEXT_LENGTH + 1) }, `purpose must be at most ${MAX_STATEMENT_TEXT_LENGTH} characters`],
    ['a missing purpose', { purpose: undefined }, 'purpose is required'],
    ['a level not on the spectrum', { level: 'partner' }, 'level must be one of inform, consult, involve, collaborate, empower'],
    ['an empty canChange', { canChange: '' }, 'canChange must not be empty'],
    ['a cannotChange too long', { cannotChange: 'x'.repeat(MAX_STATEMENT_TEXT_LENGTH + 1) }, 'cannotChange must be at most'],
    ['an inputUse of the wrong type', { inputUse: 42 }, 'inputUse must be text'],
    ['a missing feedback', { feedback: undefined }, 'feedback is required'],
    ['a runBy too long', { runBy: 'x'.repeat(MAX_RUN_BY_LENGTH + 1) }, `runBy must be at most ${MAX_RUN_BY_LENGTH} characters`],
    ['a date in another format', { deleteOn: '31/12/2030' }, 'deleteOn must be a date written YYYY-MM-DD'],
    ['a date that does not exist', { deleteOn: '2030-02-30' }, 'deleteOn must be a date written YYYY-MM-DD'],
    ['a date in the past', { deleteOn: inDays(-3) }, 'deleteOn must not be in the past'],
    ['a date too far ahead', { deleteOn: inDays(MAX_DELETE_AFTER_DAYS + 2) }, `deleteOn must be at most ${MAX_DELETE_AFTER_DAYS} days from today`],
    ['an unknown field', { revision: 3 }, 'revision'],
  ])('400 for %s, with a readable message naming the field', async (_name, overrides, message) => {
    const statement = aStatement(overrides);
    for (const [key, value] of Object.entries(statement)) if (value === undefined) delete statement[key];
    const response = await create({ title: 'Bad statement', statement });
    expect(response.status).toBe(400);
    const error = ApiErrorSchema.parse(await response.json());
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(message);
    expect(error.message).toContain('statement');
    // The value sent is not echoed back.
    expect(error.message).not.toContain('xxxxxxxxxx');
  });

  it('400 for a statement that is not an object', async () => {
    const response = await create({ title: 'Bad statement', statement: 'we will listen' });
    expect(response.status).toBe(400);
    expect(ApiErrorSchema.parse(await response.json()).message).toContain('statement');
  });
});
