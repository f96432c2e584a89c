import { InProcessNoticeHub, type NoticeFeed } from '../fanout/NoticeFeed.ts';

/**
 * A link was revoked (or rotated away): every connection opened with its
 * token must close, in whichever server process it is. Storage already
 * refuses the token to new connections and requests; this carries the news
 * to the connections that are open.
 */
export interface RevocationNotice {
  boardId: string;
  /** The stored hash of the revoked token (never the token). */
  tokenHash: string;
}

/**
 * How revocations reach the other server processes of a deployment
 * (server/src/fanout/NoticeFeed.ts): the process that revokes closes its own
 * connections itself and publishes; the others close theirs when they hear
 * (a Redis channel, say `clapboard:revocations`).
 *
 * A connection that was being opened while the news travelled is covered
 * too: the sync socket checks its token again once it is attached, after
 * the point where a notice would have closed it (server/src/plugins/syncSocket.ts).
 */
export type RevocationFeed = NoticeFeed<RevocationNotice>;

export class InProcessRevocationHub extends InProcessNoticeHub<RevocationNotice> {
  constructor() {
    super('revocation feed');
  }
}
