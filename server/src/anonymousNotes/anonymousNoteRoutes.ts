import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AddAnonymousNoteRequestSchema,
  ApiErrorCode,
  EditAnonymousNoteRequestSchema,
  WithdrawAnonymousNoteRequestSchema,
  type AddAnonymousNoteResponse,
} from '@clapboard/shared';
import { routeAccess, type Caller } from '../auth/routeAccess.ts';
import type { AnonymousNoteLimits } from '../config.ts';
import { sendError } from '../errors.ts';
import type { AnonymousNoteStore } from './AnonymousNoteStore.ts';
import { AnonymousNoteService } from './AnonymousNoteService.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Anonymous sticky notes (server/src/anonymousNotes). */
    anonymousNotes: AnonymousNoteService;
  }
}

export interface AnonymousNoteRoutesOptions {
  store: AnonymousNoteStore;
  limits: AnonymousNoteLimits;
}

type Params = { boardId: string };

/** Same words for an unknown receipt and a receipt of someone else's note, on any board. */
const NO_SUCH_NOTE = 'no such note';

/**
 * The anonymous notes HTTP API (docs/protocol.md, "Anonymous notes"; why:
 * docs/anonymity.md). Registered at log level `warn`, like the rounds
 * routes: Fastify's request lines carry a timestamp, and a line per note is
 * a record of when each author sent theirs. Receipts travel in bodies only,
 * never in the URL. Checks run in order: token (401), role (403), body
 * (400), then the board (404 receipt, 409 mode); a refused request changes
 * nothing.
 */
export const anonymousNoteRoutes = fp<AnonymousNoteRoutesOptions>(
  async (app, { store, limits }) => {
    const service = new AnonymousNoteService(store, app.rooms, limits);
    app.decorate('anonymousNotes', service);
    app.addHook('onClose', () => store.close());

    /** A writer's access to the board in the URL, or a 401/403 already sent. */
    const access = routeAccess(app.store);
    const { badBody } = access;
    const authorize = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<Caller | null> => {
      const caller = await access.authorize(request, reply);
      if (caller?.role !== 'observer') return caller;
      access.forbidden(reply, 'observers cannot add notes');
      return null;
    };
    const noNote = (reply: FastifyReply) => sendError(reply, 404, ApiErrorCode.NotFound, NO_SUCH_NOTE);
    const options = { logLevel: 'warn' as const };
    const path = '/api/boards/:boardId/anonymous-notes';

    app.post<{ Params: Params }>(path, options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      const body = AddAnonymousNoteRequestSchema.safeParse(request.body);
      if (!body.success) return badBody(reply, body.error);
      const outcome = await service.add(caller.boardId, body.data);
      if (outcome.ok) {
        const response: AddAnonymousNoteResponse = { receipt: outcome.receipt, answerId: outcome.answerId };
        return reply.code(201).send(response);
      }
      if (outcome.reason === 'full') return sendError(reply, 409, ApiErrorCode.AnonymousNotesFull, 'this board takes no more anonymous notes');
      return sendError(reply, 409, ApiErrorCode.AnonymousNotesOff, 'new notes are not anonymous here: a facilitator has not switched this board or frame to anonymous notes');
    });

    app.put<{ Params: Params }>(path, options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      const body = EditAnonymousNoteRequestSchema.safeParse(request.body);
      if (!body.success) return badBody(reply, body.error);
      const outcome = await service.edit(caller.boardId, body.data.receipt, body.data.text, body.data.lang ?? null);
      if (outcome === 'missing') return noNote(reply);
      if (outcome === 'hidden') return sendError(reply, 409, ApiErrorCode.AnswerHidden, 'a facilitator hid this note; it can be withdrawn, not edited');
      return reply.code(204).send();
    });

    app.delete<{ Params: Params }>(path, options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      const body = WithdrawAnonymousNoteRequestSchema.safeParse(request.body);
      if (!body.success) return badBody(reply, body.error);
      if ((await service.withdraw(caller.boardId, body.data.receipt)) === 'missing') return noNote(reply);
      return reply.code(204).send();
    });
  },
  { name: 'clapboard-anonymous-notes', dependencies: ['clapboard-storage', 'clapboard-sync'] },
);
