import { ApiErrorSchema } from '@clapboard/shared';
import { apiHeaders } from './apiHeaders.ts';

/**
 * Why a board API request did not do what it asked. `status` is null when
 * no answer came back at all (offline, server down); `code` is the server's
 * ApiErrorCode when it sent one, so callers can tell `VOTE_CLOSED` from
 * `ALREADY_VOTED` without reading prose.
 */
export interface BoardApiError {
  status: number | null;
  code: string | null;
  message: string;
}

export type BoardApiResult<T> = { ok: true; value: T } | { ok: false; error: BoardApiError };

/** What a request needs of a zod schema (the client does not depend on zod itself). */
export interface ResponseParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/**
 * One JSON request to `/api/boards/:boardId/<path>`, the board token as a
 * bearer token (never in the URL), never cached, never with a referrer.
 * With `schema` null the body of a success is not read (and the value is null).
 */
export function boardApiRequest(boardId: string, token: string | null, method: string, path: string, body: unknown, schema: null): Promise<BoardApiResult<null>>;
export function boardApiRequest<T>(boardId: string, token: string | null, method: string, path: string, body: unknown, schema: ResponseParser<T>): Promise<BoardApiResult<T>>;
export async function boardApiRequest<T>(
  boardId: string,
  token: string | null,
  method: string,
  path: string,
  body: unknown,
  schema: ResponseParser<T> | null,
): Promise<BoardApiResult<T | null>> {
  if (!token) return { ok: false, error: { status: 401, code: null, message: 'no board token' } };
  const headers = apiHeaders(token);
  // No content type without a body: Fastify refuses an empty JSON body.
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    // An empty path is the board itself (DELETE /api/boards/:id), with no trailing slash.
    response = await fetch(`/api/boards/${encodeURIComponent(boardId)}${path ? `/${path}` : ''}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return { ok: false, error: { status: null, code: null, message: 'network' } };
  }
  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(await response.json().catch(() => null));
    return { ok: false, error: { status: response.status, code: parsed.success ? parsed.data.code : null, message: parsed.success ? parsed.data.message : response.statusText } };
  }
  if (!schema) return { ok: true, value: null };
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return { ok: false, error: { status: response.status, code: null, message: 'invalid response' } };
  return { ok: true, value: parsed.data };
}
