import { dateInDays, type CreateBoardRequest } from '@clapboard/shared';

/**
 * A new board's retention date from its creation request
 * (CreateBoardRequestSchema): `deleteOn`, else `retentionDays` from today,
 * else the statement's `deleteOn`, else `defaultDays` from today. A
 * statement whose date differs from the one asked for is refused: the
 * statement is what participants read, and it must say what will happen.
 */
export function retentionDateFor(request: Pick<CreateBoardRequest, 'deleteOn' | 'retentionDays' | 'statement'>, defaultDays: number, now: number = Date.now()): { deleteOn: string } | { problem: string } {
  const asked = request.deleteOn ?? (request.retentionDays === undefined ? undefined : dateInDays(request.retentionDays, now));
  const promised = request.statement?.deleteOn;
  if (asked !== undefined && promised !== undefined && asked !== promised) {
    return { problem: `statement.deleteOn (${promised}) must be the board's retention date (${asked}); give one of them` };
  }
  return { deleteOn: asked ?? promised ?? dateInDays(defaultDays, now) };
}
