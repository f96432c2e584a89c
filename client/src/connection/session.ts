import {
  BoardSessionSchema,
  CURRENT_SCHEMA_VERSION,
  CreateBoardResponseSchema,
  PROTOCOL_VERSION,
  parseBoardLink,
  type BoardSession,
  type CreateBoardRequest,
  type CreateBoardResponse,
} from '@clapboard/shared';
import { apiHeaders } from './apiHeaders.ts';

const TOKEN_KEY_PREFIX = 'clapboard.token.';

export interface BoardRoute {
  boardId: string;
  token: string | null;
  /** `?dev` boards run on a local document with no server, for working on the canvas alone. */
  dev: boolean;
}

/**
 * Reads the board id and token from the address. The token arrives in the
 * fragment; we keep it in sessionStorage (per tab, gone when the tab closes)
 * and strip it from the address bar so it is not shoulder-surfed, bookmarked
 * or pasted into a chat by accident.
 */
export function readBoardRoute(): BoardRoute | null {
  const location = parseBoardLink(window.location.href);
  if (!location) return null;
  const key = TOKEN_KEY_PREFIX + location.boardId;
  if (location.token) {
    sessionStorage.setItem(key, location.token);
    const url = new URL(window.location.href);
    url.hash = '';
    history.replaceState(history.state, '', url.pathname + url.search);
  }
  const dev = new URLSearchParams(window.location.search).has('dev');
  return { boardId: location.boardId, token: location.token ?? sessionStorage.getItem(key), dev };
}

/** The token this tab opened a board with (kept by readBoardRoute), or null. */
export function storedBoardToken(boardId: string): string | null {
  return sessionStorage.getItem(TOKEN_KEY_PREFIX + boardId);
}

export class SessionError extends Error {
  constructor(readonly kind: 'unauthorized' | 'not-found' | 'network' | 'invalid') {
    super(kind);
  }
}

export async function fetchSession(boardId: string, token: string): Promise<BoardSession> {
  let response: Response;
  try {
    response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/session`, {
      headers: apiHeaders(token),
    });
  } catch {
    throw new SessionError('network');
  }
  if (response.status === 401 || response.status === 403) throw new SessionError('unauthorized');
  if (response.status === 404) throw new SessionError('not-found');
  if (!response.ok) throw new SessionError('network');
  const parsed = BoardSessionSchema.safeParse(await response.json());
  if (!parsed.success) throw new SessionError('invalid');
  return parsed.data;
}

/** `POST /api/boards`; `options` carries the optional parts of the body (the engagement statement). */
export async function createBoard(title: string, options: Omit<CreateBoardRequest, 'title'> = {}): Promise<CreateBoardResponse> {
  const response = await fetch('/api/boards', {
    method: 'POST',
    headers: { ...apiHeaders(), 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, ...options }),
  });
  if (!response.ok) throw new Error(`create failed: ${response.status}`);
  return CreateBoardResponseSchema.parse(await response.json());
}

/** A session for `?dev` boards: a facilitator on a local document, at this build's own versions. */
export function devSession(boardId: string): BoardSession {
  return { boardId, role: 'facilitator', title: 'Dev board', schemaVersion: CURRENT_SCHEMA_VERSION, protocolVersion: PROTOCOL_VERSION };
}

/**
 * Whether the server has moved on since this page was loaded: a newer board
 * schema or sync protocol than this build knows. Such a tab must not open
 * the board — it would write objects in a shape other clients no longer
 * expect, or speak a protocol the server has changed — and is asked to
 * reload instead. An older server is not stale: this build reads its boards.
 */
export function isOutOfDate(session: BoardSession): boolean {
  return session.schemaVersion > CURRENT_SCHEMA_VERSION || session.protocolVersion > PROTOCOL_VERSION;
}

/** Cached session so a participant who reloads while offline still gets their board. */
const SESSION_CACHE_PREFIX = 'clapboard.session.';

export function cacheSession(session: BoardSession): void {
  sessionStorage.setItem(SESSION_CACHE_PREFIX + session.boardId, JSON.stringify(session));
}

export function cachedSession(boardId: string): BoardSession | null {
  const raw = sessionStorage.getItem(SESSION_CACHE_PREFIX + boardId);
  if (!raw) return null;
  const parsed = BoardSessionSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}
