import { InProcessNoticeHub, type NoticeFeed } from '../fanout/NoticeFeed.ts';

/** A board was erased: every process must close its connections to it and forget its rooms. */
export interface BoardDeletionNotice {
  boardId: string;
}

/**
 * How erasures reach the other server processes of a deployment, with the
 * promises of a NoticeFeed (server/src/fanout/NoticeFeed.ts): the
 * process that erases a board closes its own connections and publishes;
 * `publish` never delivers back to the publisher and resolves once handed
 * to the transport; `subscribe` resolves once every later notice will be
 * delivered. Storage already refuses the board's tokens once the erasure
 * committed, so a process that misses a notice still serves nothing new:
 * this only ends what was already open. One process alone needs only the
 * in-process hub below (its default).
 */
export type BoardDeletionFeed = NoticeFeed<BoardDeletionNotice>;

export class InProcessBoardDeletionHub extends InProcessNoticeHub<BoardDeletionNotice> {
  constructor() {
    super('board deletion feed');
  }
}
