import { StatementResponseSchema, type StatementResponse } from '@clapboard/shared';
import { boardApiRequest, type BoardApiResult } from './boardApiRequest.ts';

/**
 * The board's engagement statement over HTTP (`GET /api/boards/:id/statement`),
 * read before the page opens any websocket, so a link can show what people
 * are joining before they join. Once on the board it is read live from the
 * control document instead.
 */
export async function fetchStatement(boardId: string, token: string): Promise<BoardApiResult<StatementResponse | null>> {
  return boardApiRequest(boardId, token, 'GET', 'statement', undefined, StatementResponseSchema);
}
