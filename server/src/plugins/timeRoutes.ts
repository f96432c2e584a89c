import type { FastifyPluginAsync } from 'fastify';
import type { ServerTimeResponse } from '@clapboard/shared';

/**
 * `GET /api/time`: the server's clock, in ms since the epoch. Timers are
 * written in server time (shared/src/model/timer.ts), so every page learns
 * its own clock's offset from this (client/src/connection/serverClock.ts):
 * a phone whose clock is a minute out still shows the projector's time left.
 * Needs no token and says nothing about any board; never cached, or the
 * offset would be computed from a stale answer.
 */
export const timeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/time', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const body: ServerTimeResponse = { now: Date.now() };
    return body;
  });
};
