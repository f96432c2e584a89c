import type { TestServer } from '../support/server.ts';

export interface ApiAnswer {
  status: number;
  body: any;
}

/** One JSON request to a rounds route, bearer token in `Authorization`. */
export async function api(server: TestServer, method: string, path: string, token: string | null, body?: unknown): Promise<ApiAnswer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
