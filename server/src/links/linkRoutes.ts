import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiErrorCode,
  CloseCode,
  CreateLinkRequestSchema,
  LINK_ROLES,
  MAX_LINKS_PER_BOARD,
  boardLink,
  saidDidLink,
  type BoardLinkInfo,
  type CreatedLinkResponse,
  type LinkRole,
  type ListLinksResponse,
} from '@clapboard/shared';
import { generateToken, hashToken, linkIdFor } from '../auth/capabilityTokens.ts';
import { routeAccess, type Caller } from '../auth/routeAccess.ts';
import { sendError } from '../errors.ts';
import type { StoredLink } from '../storage/BoardStore.ts';
import type { RevocationFeed, RevocationNotice } from './RevocationFeed.ts';

export interface LinkRoutesOptions {
  publicUrl: () => string;
  revocations: RevocationFeed;
}

type BoardParams = { boardId: string };
type LinkParams = { boardId: string; linkId: string };

/**
 * Co-facilitators (issue #8; docs/protocol.md, "Links"): a facilitator
 * lists a board's links, adds more, rotates and revokes any of them. Tokens
 * are stored hashed and leave the server only in the 201 that creates them;
 * links are named by `linkIdFor(hash)`. A revoked token stops working at
 * once: storage refuses it from the commit on, and the connections already
 * open with it are closed with `TokenRevoked`, in this process at once and
 * in the others through the revocation feed.
 */
export const linkRoutes = fp<LinkRoutesOptions>(
  async (app, { publicUrl, revocations }) => {
    const access = routeAccess(app.store);
    const closeLocally = ({ boardId, tokenHash }: RevocationNotice) => app.rooms.closeConnectionsOf(boardId, tokenHash, CloseCode.TokenRevoked);
    await revocations.subscribe(closeLocally);
    app.addHook('onClose', () => revocations.close());

    /** After the store committed: nothing may be served with the token any more. */
    const revoked = (notice: RevocationNotice) => {
      closeLocally(notice);
      revocations.publish(notice).catch((error: unknown) => app.log.error({ err: error }, 'could not publish a link revocation'));
    };
    const facilitator = async (request: FastifyRequest<{ Params: BoardParams }>, reply: FastifyReply): Promise<Caller | null> => {
      const caller = await access.authorize(request, reply);
      if (!caller || caller.role === 'facilitator') return caller;
      access.forbidden(reply, 'only facilitators manage links');
      return null;
    };
    /** The stored link a link id names on this board, or null with the 404 sent. */
    const findLink = async (caller: Caller, linkId: string, reply: FastifyReply): Promise<StoredLink | null> => {
      const link = (await app.store.listLinks(caller.boardId)).find((stored) => linkIdFor(stored.tokenHash) === linkId) ?? null;
      if (!link) sendError(reply, 404, ApiErrorCode.NotFound, 'no such link');
      return link;
    };
    const created = (reply: FastifyReply, boardId: string, role: LinkRole, token: string) => {
      const link = role === 'public' ? saidDidLink(publicUrl(), boardId, token) : boardLink(publicUrl(), boardId, token);
      const body: CreatedLinkResponse = { linkId: linkIdFor(hashToken(token)), role, link };
      return reply.code(201).header('cache-control', 'no-store').send(body);
    };

    app.get<{ Params: BoardParams }>('/api/boards/:boardId/links', async (request, reply) => {
      const caller = await facilitator(request, reply);
      if (!caller) return reply;
      const links: BoardLinkInfo[] = (await app.store.listLinks(caller.boardId))
        .map((link) => ({ linkId: linkIdFor(link.tokenHash), role: link.role, current: link.tokenHash === caller.tokenHash }))
        .sort((a, b) => LINK_ROLES.indexOf(a.role) - LINK_ROLES.indexOf(b.role) || (a.linkId < b.linkId ? -1 : 1));
      const body: ListLinksResponse = { links };
      return reply.header('cache-control', 'no-store').send(body);
    });

    app.post<{ Params: BoardParams }>('/api/boards/:boardId/links', async (request, reply) => {
      const caller = await facilitator(request, reply);
      if (!caller) return reply;
      const parsed = CreateLinkRequestSchema.safeParse(request.body);
      if (!parsed.success) return access.badBody(reply, parsed.error);
      const token = generateToken();
      const outcome = await app.store.addLink(caller.boardId, { tokenHash: hashToken(token), role: parsed.data.role }, MAX_LINKS_PER_BOARD);
      if (outcome === 'full') return sendError(reply, 409, ApiErrorCode.TooManyLinks, `a board has at most ${MAX_LINKS_PER_BOARD} links`);
      return created(reply, caller.boardId, parsed.data.role, token);
    });

    app.post<{ Params: LinkParams }>('/api/boards/:boardId/links/:linkId/rotate', async (request, reply) => {
      const caller = await facilitator(request, reply);
      if (!caller) return reply;
      const link = await findLink(caller, request.params.linkId, reply);
      if (!link) return reply;
      const token = generateToken();
      const role = await app.store.rotateLink(caller.boardId, link.tokenHash, hashToken(token));
      if (!role) return sendError(reply, 404, ApiErrorCode.NotFound, 'no such link');
      revoked({ boardId: caller.boardId, tokenHash: link.tokenHash });
      return created(reply, caller.boardId, role, token);
    });

    app.delete<{ Params: LinkParams }>('/api/boards/:boardId/links/:linkId', async (request, reply) => {
      const caller = await facilitator(request, reply);
      if (!caller) return reply;
      const link = await findLink(caller, request.params.linkId, reply);
      if (!link) return reply;
      const outcome = await app.store.revokeLink(caller.boardId, link.tokenHash);
      if (outcome === 'not-found') return sendError(reply, 404, ApiErrorCode.NotFound, 'no such link');
      if (outcome === 'last-facilitator') {
        return sendError(reply, 409, ApiErrorCode.LastFacilitatorLink, 'a board keeps at least one facilitator link; add another before revoking this one');
      }
      revoked({ boardId: caller.boardId, tokenHash: link.tokenHash });
      return reply.code(204).send();
    });
  },
  { name: 'clapboard-links', dependencies: ['clapboard-sync'] },
);
