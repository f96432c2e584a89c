import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ApiErrorCode, type Role } from '@clapboard/shared';
import { sendError, sendValidationError } from '../errors.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { boardAccess } from './boardAccess.ts';
import { bearerToken } from './capabilityTokens.ts';

export interface Caller {
  boardId: string;
  role: Role;
  /** Hash of the caller's token (see BoardAccess). */
  tokenHash: string;
}

/**
 * The checks every board route makes, in the order the public contract
 * states them (docs/protocol.md): the bearer token for the board in the
 * URL (401, the same for an unknown board and a wrong token), then the role
 * (403), then the body (400 with zod's message). Used by the rounds, votes
 * and anonymous notes routes.
 */
export function routeAccess(store: BoardStore) {
  return {
    /** The caller's role on `:boardId`, or null with the 401 already sent. */
    async authorize(request: FastifyRequest<{ Params: { boardId: string } }>, reply: FastifyReply): Promise<Caller | null> {
      const access = await boardAccess(store, request.params.boardId, bearerToken(request.headers.authorization));
      if (!access) sendError(reply, 401, ApiErrorCode.Unauthorized, 'missing or invalid board token');
      return access;
    },
    forbidden(reply: FastifyReply, message: string): FastifyReply {
      return sendError(reply, 403, ApiErrorCode.Forbidden, message);
    },
    badBody(reply: FastifyReply, error: z.ZodError): FastifyReply {
      return sendValidationError(reply, error);
    },
  };
}
