import { CreatedLinkResponseSchema, parseBoardLink, roomDisplayLink } from '@clapboard/shared';
import { boardApiRequest } from './boardApiRequest.ts';

const ROOM_LINKS_PREFIX = 'clapboard.roomLinks.';

interface RoomLinks {
  /** Token of an observer link made for the display: a projector needs no more than that. */
  observerToken: string;
  /** A participant link made for the room, so it can be revoked after the session without touching anyone else's. */
  participant: string;
}

/**
 * The address of a room display for a facilitator's page. The page asks the
 * server for two links of the board's own (`POST /api/boards/:id/links`): an
 * observer link for the display to read with, and a participant link for its
 * QR code. The display window then holds no facilitator capability, and both
 * links can be revoked once the session is over. They are made once per tab
 * and reused. If the server will not make them, the display opens with this
 * page's own token and asks for the participant link itself.
 */
export async function roomDisplayAddress(boardId: string, facilitatorToken: string, follow: number): Promise<string> {
  const base = window.location.origin;
  const links = await roomLinks(boardId, facilitatorToken);
  if (!links) return roomDisplayLink(base, boardId, facilitatorToken, { follow });
  return roomDisplayLink(base, boardId, links.observerToken, { join: links.participant, follow });
}

async function roomLinks(boardId: string, token: string): Promise<RoomLinks | null> {
  const key = ROOM_LINKS_PREFIX + boardId;
  try {
    const stored = JSON.parse(sessionStorage.getItem(key) ?? 'null') as RoomLinks | null;
    if (stored && typeof stored.observerToken === 'string' && typeof stored.participant === 'string') return stored;
  } catch {
    // Made again below.
  }
  const observer = await boardApiRequest(boardId, token, 'POST', 'links', { role: 'observer' }, CreatedLinkResponseSchema);
  if (!observer.ok || !observer.value) return null;
  const participant = await boardApiRequest(boardId, token, 'POST', 'links', { role: 'participant' }, CreatedLinkResponseSchema);
  if (!participant.ok || !participant.value) return null;
  const observerToken = parseBoardLink(observer.value.link)?.token;
  if (!observerToken) return null;
  const links = { observerToken, participant: participant.value.link };
  sessionStorage.setItem(key, JSON.stringify(links));
  return links;
}
