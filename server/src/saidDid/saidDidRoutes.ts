import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiErrorCode,
  MAX_LINKS_PER_BOARD,
  SaidDidReceiptRequestSchema,
  saidDidLink,
  type SaidDidLinkResponse,
  type SaidDidReceiptResponse,
  type SaidDidResponse,
} from '@clapboard/shared';
import { linkAccess, type LinkAccess } from '../auth/boardAccess.ts';
import { bearerToken, generateToken, hashToken, linkIdFor } from '../auth/capabilityTokens.ts';
import { routeAccess } from '../auth/routeAccess.ts';
import { sendError } from '../errors.ts';
import { buildSaidDid, themesOfAnswer } from './buildSaidDid.ts';

export interface SaidDidRoutesOptions {
  publicUrl: () => string;
}

type Params = { boardId: string };

/**
 * "You said, we did" (issue #10; docs/protocol.md, "You said, we did"): the
 * page's body for any board token and for a published public link, a
 * facilitator's route that publishes such a link, and a receipt lookup that
 * says which themes an anonymous answer fed into.
 *
 * A public link is a stored link of role `public`: listed, rotated and
 * revoked through the links routes like any other. Only these routes accept
 * it (linkAccess); boardAccess, behind the websocket and every other route,
 * refuses it like an unknown token.
 *
 * Registered at log level `warn`, like the rounds routes: a request line per
 * receipt lookup would be a timestamped record of someone checking their
 * answer. Receipts are read from the body, used for one lookup, and neither
 * stored nor logged.
 */
export const saidDidRoutes = fp<SaidDidRoutesOptions>(
  async (app, { publicUrl }) => {
    const { forbidden, badBody } = routeAccess(app.store);
    const options = { logLevel: 'warn' as const };
    /** Any link's holder, public ones included; null with the 401 sent (the same for every failure). */
    const reader = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<LinkAccess | null> => {
      const access = await linkAccess(app.store, request.params.boardId, bearerToken(request.headers.authorization));
      if (!access) sendError(reply, 401, ApiErrorCode.Unauthorized, 'missing or invalid board token');
      return access;
    };

    app.get<{ Params: Params }>('/api/boards/:boardId/said-did', options, async (request, reply) => {
      const caller = await reader(request, reply);
      if (!caller) return reply;
      const body: SaidDidResponse = await app.rooms.withRoom({ boardId: caller.boardId, doc: 'content' }, (content) =>
        app.rooms.withRoom({ boardId: caller.boardId, doc: 'control' }, (control) => buildSaidDid(content.doc, control.doc)),
      );
      // Facilitators change actions at any moment, and a public link may be revoked: never from a cache.
      return reply.header('cache-control', 'no-store').send(body);
    });

    app.post<{ Params: Params }>('/api/boards/:boardId/said-did/link', options, async (request, reply) => {
      const caller = await reader(request, reply);
      if (!caller) return reply;
      if (caller.role !== 'facilitator') return forbidden(reply, 'only facilitators publish the page');
      const token = generateToken();
      const tokenHash = hashToken(token);
      const outcome = await app.store.addLink(caller.boardId, { tokenHash, role: 'public' }, MAX_LINKS_PER_BOARD);
      if (outcome === 'full') return sendError(reply, 409, ApiErrorCode.TooManyLinks, `a board has at most ${MAX_LINKS_PER_BOARD} links`);
      const body: SaidDidLinkResponse = { url: saidDidLink(publicUrl(), caller.boardId, token), linkId: linkIdFor(tokenHash) };
      return reply.code(201).header('cache-control', 'no-store').send(body);
    });

    app.post<{ Params: Params }>('/api/boards/:boardId/said-did/receipt', options, async (request, reply) => {
      const caller = await reader(request, reply);
      if (!caller) return reply;
      const parsed = SaidDidReceiptRequestSchema.safeParse(request.body);
      if (!parsed.success) return badBody(reply, parsed.error);
      const match = await app.rounds.lookup(caller.boardId, parsed.data.receipt);
      // The same words as the rounds' own lookup for an unknown receipt.
      if (!match) return sendError(reply, 404, ApiErrorCode.NotFound, 'no such answer');
      const answerId = match.answerId;
      const themeIds = answerId === null ? [] : await app.rooms.withRoom({ boardId: caller.boardId, doc: 'content' }, (room) => themesOfAnswer(room.doc, answerId));
      const body: SaidDidReceiptResponse = { themeIds };
      return reply.header('cache-control', 'no-store').send(body);
    });
  },
  { name: 'clapboard-said-did', dependencies: ['clapboard-storage', 'clapboard-sync', 'clapboard-rounds'] },
);
