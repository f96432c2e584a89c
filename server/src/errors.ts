import { ApiErrorCode, type ApiError } from '@clapboard/shared';
import type { FastifyReply } from 'fastify';

export function sendError(reply: FastifyReply, status: number, code: (typeof ApiErrorCode)[keyof typeof ApiErrorCode], message: string): FastifyReply {
  const body: ApiError = { code, message };
  return reply.code(status).type('application/json').send(body);
}
