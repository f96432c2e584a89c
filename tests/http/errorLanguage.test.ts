import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorCode, ApiErrorSchema, INTERFACE_LANGUAGES } from '@clapboard/shared';
import { ERROR_CATALOGS } from '../../server/src/i18n/errors/index.ts';
import { createBoard, startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';

/**
 * The server's error messages come in the language the request asks for
 * (issue #12): the board's pages send their interface language as
 * `Accept-Language`, and a person reads the answer on the page. The code
 * stays the same in every language, and a request that asks for English or
 * nothing we write gets the routes' own English words.
 */
describe('error messages in the reader’s language', () => {
  let server: TestServer;
  let board: CreatedBoard;
  beforeAll(async () => {
    server = await startTestServer();
    board = await createBoard(server.url);
  });
  afterAll(async () => server.close());

  const request = async (path: string, init: RequestInit & { language?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.language !== undefined) headers.set('accept-language', init.language);
    const response = await fetch(`${server.url}${path}`, { ...init, headers });
    return { status: response.status, language: response.headers.get('content-language'), vary: response.headers.get('vary'), error: ApiErrorSchema.strict().parse(await response.json()) };
  };
  const createRound = (token: string, body: unknown, language?: string) =>
    request(`/api/boards/${board.id}/rounds`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      language,
    });

  it('a wrong token: the same code, the words of the language asked for', async () => {
    const english = await request(`/api/boards/${board.id}/session`, { headers: { authorization: 'Bearer nope' } });
    const arabic = await request(`/api/boards/${board.id}/session`, { headers: { authorization: 'Bearer nope' }, language: 'ar-SY,ar;q=0.9,en;q=0.5' });
    expect(english).toMatchObject({ status: 401, language: 'en', error: { code: 'UNAUTHORIZED', message: 'missing or invalid board token' } });
    expect(arabic).toMatchObject({ status: 401, language: 'ar', error: { code: 'UNAUTHORIZED', message: ERROR_CATALOGS.ar.messages.UNAUTHORIZED } });
    expect(arabic.vary).toMatch(/accept-language/i);
  });

  it('a participant doing a facilitator’s work is told so in French; Dari reads Persian', async () => {
    const french = await createRound(board.tokens.participant, { prompt: 'Qu’est-ce qui marche ?' }, 'fr-FR');
    expect(french).toMatchObject({ status: 403, language: 'fr', error: { code: 'FORBIDDEN', message: 'Votre rôle sur ce tableau ne le permet pas.' } });
    const dari = await createRound(board.tokens.participant, { prompt: 'x' }, 'prs-AF');
    expect(dari).toMatchObject({ status: 403, language: 'fa', error: { code: 'FORBIDDEN', message: ERROR_CATALOGS.fa.messages.FORBIDDEN } });
  });

  it('a body that fails its schema: each problem worded in the language, naming what was sent by its type only', async () => {
    const body = { prompt: 12345, k: 'three', surprise: 'secret-value-93' };
    const english = await createRound(board.tokens.facilitator, body);
    const ukrainian = await createRound(board.tokens.facilitator, body, 'uk');
    expect(english.status).toBe(400);
    expect(ukrainian).toMatchObject({ status: 400, language: 'uk', error: { code: 'BAD_REQUEST' } });
    // As many problems, at the same fields, as the English answer lists.
    const fields = (message: string) => [...message.matchAll(/→ at (\S+)/g)].map((match) => match[1]);
    expect(fields(ukrainian.error.message)).toEqual(fields(english.error.message));
    expect(ukrainian.error.message).not.toEqual(english.error.message);
    expect(ukrainian.error.message).toMatch(/[\u0400-\u04FF]/);
    // zod drops what was sent from its issues; its type is read again from the body ("received a number"), never the value.
    expect(ukrainian.error.message).toContain('отримано число');
    expect(ukrainian.error.message).not.toContain('secret-value-93');
    expect(ukrainian.error.message).not.toContain('undefined');
  });

  it('Arabic JSON that does not parse, and an unknown route', async () => {
    const broken = await request('/api/boards', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title": ', language: 'ar' });
    expect(broken).toMatchObject({ status: 400, language: 'ar', error: { code: 'BAD_REQUEST', message: ERROR_CATALOGS.ar.messages.BAD_REQUEST } });
    const missing = await request('/api/nothing-here', { language: 'ps' });
    expect(missing).toMatchObject({ status: 404, language: 'ps', error: { code: 'NOT_FOUND', message: ERROR_CATALOGS.ps.messages.NOT_FOUND } });
  });

  it('a language we do not write, `*` or a q=0 range answers in English', async () => {
    for (const language of ['de-DE', '*', 'ar;q=0, de']) {
      const answer = await request(`/api/boards/${board.id}/session`, { headers: { authorization: 'Bearer nope' }, language });
      expect(answer, language).toMatchObject({ language: 'en', error: { message: 'missing or invalid board token' } });
    }
  });

  it('every catalog words every code', () => {
    const codes = Object.values(ApiErrorCode);
    expect(Object.keys(ERROR_CATALOGS).sort()).toEqual(INTERFACE_LANGUAGES.filter((language) => language !== 'en').sort());
    for (const [language, catalog] of Object.entries(ERROR_CATALOGS)) {
      expect(Object.keys(catalog.messages).sort(), language).toEqual([...codes].sort());
      for (const code of codes) expect(catalog.messages[code].trim(), `${language} ${code}`).not.toBe('');
    }
  });
});
