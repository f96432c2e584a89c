import type { FastifyPluginAsync } from 'fastify';

/** Liveness for load balancers and the test harness. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/health', async () => ({ status: 'ok' }));
};
