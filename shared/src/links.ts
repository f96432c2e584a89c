import type { CreationRole, Role } from './roles.ts';

/**
 * Board page links carry the capability token in the URL fragment, not the
 * query: browsers never send the fragment to the server, so it cannot end up
 * in access logs, proxies or Referer headers.
 */
export function boardLink(publicUrl: string, boardId: string, token: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}/b/${encodeURIComponent(boardId)}#token=${encodeURIComponent(token)}`;
}

/** The published "You said, we did" page: the same fragment rule, on the page's own path. */
export function saidDidLink(publicUrl: string, boardId: string, token: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}/b/${encodeURIComponent(boardId)}/said-did#token=${encodeURIComponent(token)}`;
}

export interface BoardLocation {
  boardId: string;
  token: string | null;
}

/** Reads the board id and token back out of a board link or `location`. */
export function parseBoardLink(href: string): BoardLocation | null {
  const url = new URL(href);
  const match = /^\/b\/([^/]+)\/?$/.exec(url.pathname);
  if (!match?.[1]) return null;
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  return { boardId: decodeURIComponent(match[1]), token: fragment.get('token') };
}

export type BoardLinks = Record<CreationRole, string>;
