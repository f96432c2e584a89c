import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '@clapboard/shared';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

/**
 * Every HTTP error body has the ApiError shape, whoever raised the error:
 * Fastify itself (body parsing, schema validation) or a handler that threw.
 * Fastify's own bodies also carry `code` and `message`, so bodies are parsed
 * strictly and their codes are ours.
 */
describe('HTTP error answers', () => {
  let server: TestServer;
  const SECRET = 'internal-detail-7f3a9c';
  beforeAll(async () => {
    server = await startTestServer({
      beforeListen: (app) => {
        // No route of ours declares a Fastify schema or fails by throwing; these two stand in.
        app.post('/test/validated', { schema: { body: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } } }, async () => ({}));
        app.get('/test/throws', async () => {
          throw new Error(`database said no about ${SECRET}`);
        });
      },
    });
  });
  afterAll(async () => server.close());

  const send = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}${path}`, init);
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    return { status: response.status, text, error: ApiErrorSchema.strict().parse(JSON.parse(text)) };
  };
  const postBoard = (body: string, contentType = 'application/json') =>
    send('/api/boards', { method: 'POST', headers: { 'content-type': contentType }, body });

  it('malformed JSON → 400 BAD_REQUEST', async () => {
    const { status, error } = await postBoard('{"title": ');
    expect(status).toBe(400);
    expect(error).toEqual({ code: 'BAD_REQUEST', message: 'request body is not valid JSON' });
  });

  it('a body over the limit → 413 PAYLOAD_TOO_LARGE', async () => {
    const { status, error } = await postBoard(JSON.stringify({ title: 'x'.repeat(70 * 1024) }));
    expect(status).toBe(413);
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a content type no parser takes → 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const { status, error } = await postBoard('<title>Board</title>', 'application/xml');
    expect(status).toBe(415);
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a body failing a route schema → 400 BAD_REQUEST naming the field, not the value', async () => {
    const { status, error } = await send('/test/validated', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: SECRET }) });
    expect(status).toBe(400);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('body/n');
    expect(error.message).not.toContain(SECRET);
  });

  it('a thrown error → 500 INTERNAL with a generic message; the log has the error, the body does not', async () => {
    const before = server.logs().length;
    const { status, text, error } = await send('/test/throws');
    expect(status).toBe(500);
    expect(error).toEqual({ code: 'INTERNAL', message: 'internal error' });
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('errors.test.ts');

    const line = await waitFor(() => {
      const found = server.logs().slice(before).trim().split('\n').map((entry) => JSON.parse(entry) as { level: number; err?: { type: string; message: string; stack: string }; res?: { statusCode: number } }).find((entry) => entry.err);
      expect(found).toBeDefined();
      return found!;
    });
    expect(line.level).toBe(50);
    expect(line.res).toEqual({ statusCode: 500 });
    expect(line.err).toMatchObject({ type: 'Error', message: `database said no about ${SECRET}` });
    expect(line.err!.stack).toContain('errors.test.ts');
  });
});
