import { createHash } from 'node:crypto';

/**
 * What logs carry instead of a board id. Logs reach more people than any
 * board does (operators, log shippers, backups), and an id names one board:
 * with it, a log line (when someone was connected, how much they wrote) can
 * be tied to a board link seen elsewhere, in a chat or on a shared screen.
 * So logs never carry an id in clear.
 *
 * The ref is stable, so operators can still follow one board across lines,
 * restarts and servers, and cannot be turned back into the id: ids carry at
 * least 96 random bits and the ref keeps 48 bits of a hash, so guessing ids
 * until one matches is hopeless (someone who already has an id can find its
 * lines, which tells them nothing the id did not). 48 bits collide by chance only around
 * sixteen million boards, which a log reader's correlation can live with.
 * The prefix keeps these hashes apart from any other sha256 of an id.
 */
export function boardLogRef(boardId: string): string {
  return createHash('sha256').update(`clapboard-log:${boardId}`).digest('hex').slice(0, 12);
}
