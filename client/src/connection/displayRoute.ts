import { parseBoardLink, parseRoomDisplayLink, type RoomDisplayLocation } from '@clapboard/shared';
import { SessionError, fetchSession } from './session.ts';

const DISPLAY_KEY_PREFIX = 'clapboard.display.';

/**
 * Reads the room display's address (shared/src/roomDisplay.ts). As on the
 * board page, the fragment is kept in sessionStorage (this tab only) and
 * stripped from the address bar: on a projector, the address bar is shown
 * to the whole room.
 */
export function readDisplayRoute(): RoomDisplayLocation | null {
  const location = parseRoomDisplayLink(window.location.href);
  if (!location) return null;
  const key = DISPLAY_KEY_PREFIX + location.boardId;
  if (location.token) {
    sessionStorage.setItem(key, JSON.stringify({ token: location.token, join: location.join, follow: location.follow }));
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
    return location;
  }
  try {
    const stored = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<RoomDisplayLocation> | null;
    return {
      boardId: location.boardId,
      token: typeof stored?.token === 'string' ? stored.token : null,
      join: typeof stored?.join === 'string' ? stored.join : null,
      follow: typeof stored?.follow === 'number' ? stored.follow : null,
    };
  } catch {
    return location;
  }
}

/** Keeps a participant link given on the display itself, so a reload still shows its QR code. */
export function rememberDisplayJoin(boardId: string, join: string): void {
  const key = DISPLAY_KEY_PREFIX + boardId;
  try {
    const stored = JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, unknown>;
    sessionStorage.setItem(key, JSON.stringify({ ...stored, join }));
  } catch {
    // Not kept: it has to be given again after a reload.
  }
}

export type ParticipantLinkCheck = 'ok' | 'not-a-link' | 'wrong-board' | 'not-participant' | 'unchecked';

/**
 * Whether `link` is a participant link of this board, asked of the server
 * (the session endpoint names a token's role). Only then may it be drawn
 * as a QR code for a room: a facilitator's or observer's link there would
 * give that role to everyone who scans it.
 */
export async function checkParticipantLink(boardId: string, link: string): Promise<ParticipantLinkCheck> {
  let parsed;
  try {
    parsed = parseBoardLink(link.trim());
  } catch {
    return 'not-a-link';
  }
  if (!parsed?.token) return 'not-a-link';
  if (parsed.boardId !== boardId) return 'wrong-board';
  try {
    const session = await fetchSession(boardId, parsed.token);
    return session.role === 'participant' ? 'ok' : 'not-participant';
  } catch (error) {
    return error instanceof SessionError && error.kind === 'unauthorized' ? 'not-participant' : 'unchecked';
  }
}
