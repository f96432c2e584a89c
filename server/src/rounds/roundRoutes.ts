import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiErrorCode,
  CreateRoundRequestSchema,
  EditAnswerRequestSchema,
  HideAnswerRequestSchema,
  ObjectIdSchema,
  ReceiptLookupRequestSchema,
  RoundIdSchema,
  SubmitAnswerRequestSchema,
  WithdrawAnswerRequestSchema,
  hasParticipantRights,
  type CreateRoundResponse,
  type SubmitAnswerResponse,
} from '@clapboard/shared';
import { routeAccess } from '../auth/routeAccess.ts';
import type { RoundLimits } from '../config.ts';
import { sendError } from '../errors.ts';
import { RoundService } from './RoundService.ts';
import type { RoundStore } from './RoundStore.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Anonymous rounds (server/src/rounds); tests call `rounds.tickNow()`. */
    rounds: RoundService;
  }
}

export interface RoundRoutesOptions {
  store: RoundStore;
  limits: RoundLimits;
}

type Params = { boardId: string; roundId?: string; answerId?: string };

/** Same words for an unknown round, an unknown receipt and a receipt of someone else's answer. */
const NO_SUCH_ANSWER = 'no such answer';

/**
 * The rounds HTTP API (docs/protocol.md, "Rounds"; why: docs/anonymity.md).
 *
 * Every route is registered at log level `warn`: Fastify's request lines
 * ("incoming request", "request completed", refused requests at info) carry
 * a timestamp, and a timestamped line per answer is a record of when each
 * answer came in. Failures (5xx) are still logged, without body or address,
 * like everywhere else. Bodies are never logged.
 */
export const roundRoutes = fp<RoundRoutesOptions>(
  async (app, { store, limits }) => {
    const service = new RoundService(store, app.rooms, limits, app.log);
    app.decorate('rounds', service);
    app.addHook('onReady', () => service.start());
    app.addHook('preClose', () => service.stop());
    app.addHook('onClose', () => store.close());

    const { authorize, forbidden, badBody } = routeAccess(app.store);
    const roundId = (request: FastifyRequest<{ Params: Params }>) => RoundIdSchema.safeParse(request.params.roundId);
    const noRound = (reply: FastifyReply) => sendError(reply, 404, ApiErrorCode.NotFound, 'no such round');
    const noAnswer = (reply: FastifyReply) => sendError(reply, 404, ApiErrorCode.NotFound, NO_SUCH_ANSWER);
    const options = { logLevel: 'warn' as const };

    app.post<{ Params: Params }>('/api/boards/:boardId/rounds', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      if (caller.role !== 'facilitator') return forbidden(reply, 'only facilitators start rounds');
      const body = CreateRoundRequestSchema.safeParse(request.body);
      if (!body.success) return badBody(reply, body.error);
      if (body.data.closesAt && Date.parse(body.data.closesAt) <= Date.now()) {
        return sendError(reply, 400, ApiErrorCode.BadRequest, 'closesAt must be in the future');
      }
      const response: CreateRoundResponse = { roundId: await service.create(caller.boardId, body.data) };
      return reply.code(201).send(response);
    });

    app.get<{ Params: Params }>('/api/boards/:boardId/rounds/:roundId', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      const id = roundId(request);
      const summary = id.success ? await service.summary(caller.boardId, id.data) : null;
      return summary ?? noRound(reply);
    });

    app.post<{ Params: Params }>('/api/boards/:boardId/rounds/:roundId/answers', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      if (caller.role === 'observer') return forbidden(reply, 'observers cannot answer');
      const body = SubmitAnswerRequestSchema.safeParse(request.body);
      if (!body.success) return badBody(reply, body.error);
      const transcribed = body.data.transcribed === true;
      if (caller.role === 'facilitator' && !transcribed) return forbidden(reply, 'facilitators submit only paper answers they transcribe, with "transcribed": true');
      if (hasParticipantRights(caller.role) && transcribed) return forbidden(reply, 'only facilitators transcribe paper answers');
      const id = roundId(request);
      if (!id.success) return noRound(reply);
      const outcome = await service.submit(caller.boardId, id.data, body.data.text, body.data.lang ?? null);
      if (outcome.ok) {
        const response: SubmitAnswerResponse = { receipt: outcome.receipt };
        return reply.code(201).send(response);
      }
      if (outcome.reason === 'missing') return noRound(reply);
      if (outcome.reason === 'full') return sendError(reply, 409, ApiErrorCode.RoundFull, 'this round takes no more answers');
      return sendError(reply, 409, ApiErrorCode.RoundClosed, 'this round is closed');
    });

    app.put<{ Params: Params }>('/api/boards/:boardId/rounds/:roundId/answers', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      if (caller.role === 'observer') return forbidden(reply, 'observers cannot answer');
      const body = EditAnswerRequestSchema.safeParse(request.body);
      if (!body.success) return badBody(reply, body.error);
      const id = roundId(request);
      if (!id.success) return noAnswer(reply);
      const outcome = await service.edit(caller.boardId, id.data, body.data.receipt, body.data.text, body.data.lang ?? null);
      if (outcome === 'missing') return noAnswer(reply);
      if (outcome === 'hidden') return sendError(reply, 409, ApiErrorCode.AnswerHidden, 'a facilitator hid this answer; it can be withdrawn, not edited');
      return reply.code(204).send();
    });

    app.delete<{ Params: Params }>('/api/boards/:boardId/rounds/:roundId/answers', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      if (caller.role === 'observer') return forbidden(reply, 'observers cannot answer');
      const body = WithdrawAnswerRequestSchema.safeParse(request.body);
      if (!body.success) return badBody(reply, body.error);
      const id = roundId(request);
      if (!id.success) return noAnswer(reply);
      const outcome = await service.withdraw(caller.boardId, id.data, body.data.receipt);
      if (outcome === 'missing') return noAnswer(reply);
      return reply.code(204).send();
    });

    app.post<{ Params: Params }>('/api/boards/:boardId/rounds/:roundId/close', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      if (caller.role !== 'facilitator') return forbidden(reply, 'only facilitators close rounds');
      const id = roundId(request);
      const outcome = id.success ? await service.close(caller.boardId, id.data) : 'missing';
      if (outcome === 'missing') return noRound(reply);
      if (outcome === 'already-revealed') return sendError(reply, 409, ApiErrorCode.AlreadyRevealed, 'this round is already revealed');
      return outcome;
    });

    app.post<{ Params: Params }>('/api/boards/:boardId/rounds/:roundId/reveal', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      if (caller.role !== 'facilitator') return forbidden(reply, 'only facilitators reveal rounds');
      const id = roundId(request);
      if (!id.success) return noRound(reply);
      const outcome = await service.reveal(caller.boardId, id.data);
      if (outcome.ok) return outcome.summary;
      if (outcome.reason === 'missing') return noRound(reply);
      if (outcome.reason === 'already-revealed') return sendError(reply, 409, ApiErrorCode.AlreadyRevealed, 'this round is already revealed');
      // Not the count itself: while the round is open that would be the exact count the coarse one hides.
      return sendError(reply, 409, ApiErrorCode.BelowThreshold, 'fewer answers than the round needs before it can be revealed');
    });

    app.post<{ Params: Params }>('/api/boards/:boardId/answers/:answerId/hide', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      if (caller.role !== 'facilitator') return forbidden(reply, 'only facilitators hide answers');
      const body = HideAnswerRequestSchema.safeParse(request.body);
      if (!body.success) return badBody(reply, body.error);
      const answerId = ObjectIdSchema.safeParse(request.params.answerId);
      const outcome = answerId.success ? await service.hide(caller.boardId, answerId.data, body.data.reason) : 'missing';
      if (outcome === 'missing') return noAnswer(reply);
      return { answerId: answerId.data, hidden: true };
    });

    app.post<{ Params: Params }>('/api/boards/:boardId/receipts/lookup', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      const body = ReceiptLookupRequestSchema.safeParse(request.body);
      if (!body.success) return badBody(reply, body.error);
      return (await service.lookup(caller.boardId, body.data.receipt)) ?? noAnswer(reply);
    });
  },
  { name: 'clapboard-rounds', dependencies: ['clapboard-storage', 'clapboard-sync'] },
);
