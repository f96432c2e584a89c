import fp from 'fastify-plugin';
import { ApiErrorCode, DeleteTranslationRequestSchema, PutTranslationRequestSchema, canTranslate } from '@clapboard/shared';
import { routeAccess } from '../auth/routeAccess.ts';
import type { TranslationLimits } from '../config.ts';
import { sendError } from '../errors.ts';
import { TranslationService } from './TranslationService.ts';
import { attachTranslationPruning } from './translationPruning.ts';

type Params = { boardId: string };

/**
 * `PUT` and `DELETE /api/boards/:id/translations` (docs/protocol.md,
 * "Translations"): interpreters and facilitators add a translation beside a
 * note, an answer or a prompt. Checks, in order: token (401), role (403),
 * body (400), target (404, or 409 for a hidden answer), board quota (409).
 * At log level `warn` like the rounds routes: a request line per
 * translation of an anonymous answer would say when someone worked on it.
 */
export const translationRoutes = fp<{ limits: TranslationLimits }>(
  async (app, { limits }) => {
    const service = new TranslationService(app.rooms, limits);
    app.rooms.onRoomLoaded((room) => {
      if (room.key.doc === 'content') attachTranslationPruning(room, (error) => app.log.error({ ...room.logFields, err: error }, 'could not remove translations'));
    });
    const access = routeAccess(app.store);
    const options = { logLevel: 'warn' as const };
    const path = '/api/boards/:boardId/translations';

    app.put<{ Params: Params }>(path, options, async (request, reply) => {
      const caller = await access.authorize(request, reply);
      if (!caller) return reply;
      if (!canTranslate(caller.role)) return access.forbidden(reply, 'only interpreters and facilitators add translations');
      const body = PutTranslationRequestSchema.safeParse(request.body);
      if (!body.success) return access.badBody(reply, body.error);
      const outcome = await service.put(caller.boardId, body.data);
      if (outcome === 'no-target') return sendError(reply, 404, ApiErrorCode.NotFound, `targetId: no such ${body.data.kind} on this board`);
      if (outcome === 'hidden') return sendError(reply, 409, ApiErrorCode.AnswerHidden, 'a facilitator hid this answer; it cannot be translated');
      if (outcome === 'full') return sendError(reply, 409, ApiErrorCode.TranslationsFull, 'this board takes no more translations');
      return reply.code(204).send();
    });

    app.delete<{ Params: Params }>(path, options, async (request, reply) => {
      const caller = await access.authorize(request, reply);
      if (!caller) return reply;
      if (!canTranslate(caller.role)) return access.forbidden(reply, 'only interpreters and facilitators remove translations');
      const body = DeleteTranslationRequestSchema.safeParse(request.body);
      if (!body.success) return access.badBody(reply, body.error);
      if ((await service.remove(caller.boardId, body.data)) === 'missing') return sendError(reply, 404, ApiErrorCode.NotFound, 'no such translation');
      return reply.code(204).send();
    });
  },
  { name: 'clapboard-translations', dependencies: ['clapboard-storage', 'clapboard-sync'] },
);
