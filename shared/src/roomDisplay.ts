/**
 * The room display (issue #8): a projector's or shared screen's view of a
 * board, at `/b/<boardId>/display`. Like a board link, everything secret
 * is in the fragment, which browsers never send to a server:
 *
 *   /b/<boardId>/display#token=<token>&join=<participant link>&follow=<presence id>
 *
 * - `token`: a facilitator's or an observer's token, for reading the board
 *   (the display never writes; an observer's is the least it needs).
 * - `join` (optional): the participant link to draw as a QR code for the
 *   people in the room. The display draws it only once the server has said
 *   its token is a participant token of this board: a facilitator or
 *   observer link on a projector would hand that role to the whole room.
 * - `follow` (optional): the presence id of the facilitator whose view the
 *   display follows; without it, the first facilitator present.
 */
export interface RoomDisplayLocation {
  boardId: string;
  token: string | null;
  join: string | null;
  follow: number | null;
}

export function roomDisplayLink(base: string, boardId: string, token: string, options: { join?: string; follow?: number } = {}): string {
  const fragment = new URLSearchParams({ token });
  if (options.join) fragment.set('join', options.join);
  if (options.follow !== undefined) fragment.set('follow', String(options.follow));
  return `${base.replace(/\/+$/, '')}/b/${encodeURIComponent(boardId)}/display#${fragment.toString()}`;
}

/** Reads a room display link (or `location`) back; null for any other address. */
export function parseRoomDisplayLink(href: string): RoomDisplayLocation | null {
  const url = new URL(href);
  const match = /^\/b\/([^/]+)\/display\/?$/.exec(url.pathname);
  if (!match?.[1]) return null;
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const follow = Number(fragment.get('follow'));
  return {
    boardId: decodeURIComponent(match[1]),
    token: fragment.get('token'),
    join: fragment.get('join'),
    follow: fragment.has('follow') && Number.isSafeInteger(follow) && follow >= 0 ? follow : null,
  };
}
