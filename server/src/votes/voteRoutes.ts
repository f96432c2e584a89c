import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiErrorCode,
  CastBallotRequestSchema,
  CreateVoteRequestSchema,
  RedeemCodeRequestSchema,
  VoteIdSchema,
  hasParticipantRights,
  type RedeemCodeResponse,
} from '@clapboard/shared';
import { routeAccess } from '../auth/routeAccess.ts';
import { sendError } from '../errors.ts';
import { VoteService } from './VoteService.ts';
import type { VoteStore } from './VoteStore.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Anonymous dot votes (server/src/votes). */
    votes: VoteService;
  }
}

export interface VoteRoutesOptions {
  store: VoteStore;
}

type Params = { boardId: string; voteId?: string };

/**
 * The votes HTTP API (docs/protocol.md, "Votes"; why: docs/anonymity.md).
 * At log level `warn`, like the rounds routes: a timestamped request line
 * per ballot would be a record of when each person voted.
 */
export const voteRoutes = fp<VoteRoutesOptions>(
  async (app, { store }) => {
    const service = new VoteService(store, app.rooms);
    app.decorate('votes', service);
    app.addHook('onClose', () => store.close());

    const { authorize, forbidden, badBody } = routeAccess(app.store);
    const voteId = (request: FastifyRequest<{ Params: Params }>) => VoteIdSchema.safeParse(request.params.voteId);
    const noVote = (reply: FastifyReply) => sendError(reply, 404, ApiErrorCode.NotFound, 'no such vote');
    const voteClosed = (reply: FastifyReply) => sendError(reply, 409, ApiErrorCode.VoteClosed, 'this vote is closed');
    const options = { logLevel: 'warn' as const };

    app.post<{ Params: Params }>('/api/boards/:boardId/votes', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      if (caller.role !== 'facilitator') return forbidden(reply, 'only facilitators start votes');
      const body = CreateVoteRequestSchema.safeParse(request.body);
      if (!body.success) return badBody(reply, body.error);
      const outcome = await service.create(caller.boardId, body.data);
      if (outcome.ok) return reply.code(201).send(outcome.response);
      const message = {
        'no-frame': 'targets names no frame on this board',
        'unknown-targets': 'targets names objects that are not on this board (frames and connectors cannot be voted on)',
        'no-targets': 'that frame holds nothing to vote on',
      }[outcome.reason];
      return sendError(reply, 400, ApiErrorCode.BadRequest, message);
    });

    app.get<{ Params: Params }>('/api/boards/:boardId/votes/:voteId', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      const id = voteId(request);
      const record = id.success ? await service.summary(caller.boardId, id.data) : null;
      return record ?? noVote(reply);
    });

    app.post<{ Params: Params }>('/api/boards/:boardId/votes/:voteId/close', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      if (caller.role !== 'facilitator') return forbidden(reply, 'only facilitators close votes');
      const id = voteId(request);
      const record = id.success ? await service.close(caller.boardId, id.data) : null;
      return record ?? noVote(reply);
    });

    app.post<{ Params: Params }>('/api/boards/:boardId/votes/:voteId/ballots', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      if (!hasParticipantRights(caller.role)) return forbidden(reply, 'only participants vote');
      const body = CastBallotRequestSchema.safeParse(request.body);
      if (!body.success) return badBody(reply, body.error);
      const id = voteId(request);
      if (!id.success) return noVote(reply);
      const outcome = await service.cast(caller.boardId, id.data, body.data.ballot, body.data.signature, body.data.choices);
      switch (outcome) {
        case 'counted':
          return reply.code(201).send({ counted: true });
        case 'missing':
          return noVote(reply);
        case 'closed':
          return voteClosed(reply);
        case 'already-voted':
          return sendError(reply, 409, ApiErrorCode.AlreadyVoted, 'this ballot has already been counted');
        case 'refused':
          return sendError(reply, 403, ApiErrorCode.BallotRefused, 'this vote needs a ballot signed for a voting code');
        case 'invalid':
          return sendError(reply, 400, ApiErrorCode.BadRequest, 'choices must be different targets of this vote, no more than its dots per person');
      }
    });

    app.post<{ Params: Params }>('/api/boards/:boardId/votes/:voteId/tokens', options, async (request, reply) => {
      const caller = await authorize(request, reply);
      if (!caller) return reply;
      if (!hasParticipantRights(caller.role)) return forbidden(reply, 'only participants vote');
      const body = RedeemCodeRequestSchema.safeParse(request.body);
      if (!body.success) return badBody(reply, body.error);
      const id = voteId(request);
      if (!id.success) return noVote(reply);
      const outcome = await service.redeem(caller.boardId, id.data, body.data.code, body.data.blindedBallot);
      if (outcome.ok) {
        const response: RedeemCodeResponse = { blindSignature: outcome.blindSignature };
        return reply.code(201).send(response);
      }
      if (outcome.reason === 'missing') return noVote(reply);
      if (outcome.reason === 'closed') return voteClosed(reply);
      if (outcome.reason === 'bad-blinded') return sendError(reply, 400, ApiErrorCode.BadRequest, 'blindedBallot is not a blinded message for this vote\'s key');
      // One answer for an unknown code and a spent one.
      return sendError(reply, 403, ApiErrorCode.BallotRefused, 'this voting code is not valid for this vote, or it has been used');
    });
  },
  { name: 'clapboard-votes', dependencies: ['clapboard-storage', 'clapboard-sync'] },
);
