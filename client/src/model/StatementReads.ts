import { EngagementStatementSchema, type EngagementStatement } from '@clapboard/shared';

/**
 * What this device last read of a board's statement, so a participant can
 * be told that it changed, and which parts. Kept in localStorage (across
 * tabs and visits; the statement is shown to every link holder, so keeping
 * a copy says nothing private) — whereas "already joined in this tab" is
 * per tab, in sessionStorage, so opening the link afresh shows the
 * statement again first.
 */
const READ_PREFIX = 'clapboard.statementRead.';
const JOINED_PREFIX = 'clapboard.statementJoined.';

export function lastReadStatement(boardId: string): EngagementStatement | null {
  try {
    const raw = localStorage.getItem(READ_PREFIX + boardId);
    if (!raw) return null;
    const parsed = EngagementStatementSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function markStatementRead(boardId: string, statement: EngagementStatement): void {
  try {
    localStorage.setItem(READ_PREFIX + boardId, JSON.stringify(statement));
  } catch {
    // Storage full or disabled: the notice shows again next time, nothing worse.
  }
}

/** Whether this tab has already been through the statement and pressed Join (a reload goes straight back to the board). */
export function joinedInThisTab(boardId: string): boolean {
  return sessionStorage.getItem(JOINED_PREFIX + boardId) === '1';
}

export function markJoinedInThisTab(boardId: string): void {
  sessionStorage.setItem(JOINED_PREFIX + boardId, '1');
}
