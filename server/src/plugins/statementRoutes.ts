import type { FastifyPluginAsync } from 'fastify';
import {
  ApiErrorCode,
  currentStatementTranslations,
  readStatement,
  readStatementTranslations,
  statementRevision,
  type StatementResponse,
} from '@clapboard/shared';
import { boardAccess } from '../auth/boardAccess.ts';
import { bearerToken } from '../auth/capabilityTokens.ts';
import { sendError } from '../errors.ts';

/**
 * `GET /api/boards/:id/statement`: the engagement statement, for any role's
 * token, so a link can show what people are joining before it opens a
 * websocket. It lives in the control document (`settings.statement`),
 * where facilitators edit it; this reads it from there, with the languages
 * facilitators translated it into. See docs/protocol.md.
 */
export const statementRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { boardId: string } }>('/api/boards/:boardId/statement', async (request, reply) => {
    // Unknown board and wrong token answer alike, so ids cannot be probed.
    const access = await boardAccess(app.store, request.params.boardId, bearerToken(request.headers.authorization));
    if (!access) return sendError(reply, 401, ApiErrorCode.Unauthorized, 'missing or invalid board token');
    const { written, translations } = await app.rooms.withRoom({ boardId: access.boardId, doc: 'control' }, (room) => {
      const statement = readStatement(room.doc);
      return { written: statement, translations: statement ? currentStatementTranslations(statement, readStatementTranslations(room.doc)) : {} };
    });
    // The date the board is erased on is its retention date in storage (server/src/privacy); the statement's is a copy.
    const deleteOn = await app.store.retentionDate(access.boardId);
    const statement = written && deleteOn ? { ...written, deleteOn } : written;
    // Facilitators can change it at any moment: never from a cache.
    reply.header('cache-control', 'no-store');
    const body: StatementResponse = statement
      ? { statement, revision: statementRevision(statement), ...(Object.keys(translations).length > 0 ? { translations } : {}) }
      : { statement: null, revision: null };
    return body;
  });
};
