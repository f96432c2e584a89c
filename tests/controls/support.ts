import { WebsocketProvider } from 'y-websocket';
import { parseBoardLink } from '@clapboard/shared';
import { openRawSocket, type RawSocket } from '../support/rawSocket.ts';

/** One request to a board route with a bearer token; the JSON answer parsed (null for none). */
export async function api(baseUrl: string, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, text, headers: response.headers };
}

/** A bare websocket on one of a board's documents (`room`: `<boardId>` or `<boardId>/control`). */
export function openSync(syncUrl: string, room: string, token: string): Promise<RawSocket> {
  return openRawSocket(`${syncUrl}/${room}?token=${encodeURIComponent(token)}`);
}

/** The token of a link a route handed out. */
export function tokenOf(link: string): string {
  return parseBoardLink(link)!.token!;
}

/** Close codes the server sent a stock client (application range only). */
export function closeCodes(provider: WebsocketProvider): number[] {
  const codes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event && event.code >= 4000) codes.push(event.code);
  });
  return codes;
}
