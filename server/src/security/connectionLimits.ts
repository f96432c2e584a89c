import type { FastifyInstance } from 'fastify';
import { ApiErrorCode } from '@clapboard/shared';
import { sendError } from '../errors.ts';

/**
 * Websocket connections per client address, over every board
 * (MAX_CONNECTIONS_PER_ADDRESS; per board, MAX_CONNECTIONS_PER_BOARD is
 * enforced by the sync plugin). Counted from the upgrade request until its
 * socket closes, before the token is even looked at, so a flood of
 * connections costs the server a counter and a 429, not a database read.
 * Counts are kept in memory by address and dropped when they reach zero;
 * addresses are never logged.
 */
export function limitConnectionsPerAddress(app: FastifyInstance, maxPerAddress: number): void {
  const open = new Map<string, number>();
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.upgrade?.toLowerCase() !== 'websocket') return;
    const address = request.ip;
    const count = open.get(address) ?? 0;
    if (count >= maxPerAddress) {
      // An upgrade socket is nobody's once answered: end it, or it stays open (and holds up shutdown) until the client hangs up.
      reply.header('retry-after', '5').header('connection', 'close');
      reply.raw.once('finish', () => request.raw.socket.destroy());
      return sendError(reply, 429, ApiErrorCode.RateLimited, 'too many connections from this address');
    }
    open.set(address, count + 1);
    request.raw.socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
