import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/**
 * Serves the built client (client/dist). Board pages are `/b/<id>`; the
 * token stays in the fragment, so these requests carry nothing secret.
 */
export const clientPages: FastifyPluginAsync<{ clientDist: string }> = async (app, { clientDist }) => {
  const index = path.join(clientDist, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ clientDist }, 'client is not built; run `pnpm build` to serve the board pages');
    app.get('/', async (_request, reply) => reply.type('text/plain').send('Clapboard server is running; the client is not built.'));
    return;
  }
  await app.register(fastifyStatic, {
    root: clientDist,
    wildcard: false,
    index: ['index.html'],
    // Source maps publish the client's whole source. A production build has
    // none; one built with `--mode development` does, and is still not
    // served: debug with the Vite dev server (or `vite preview`) instead.
    // Checked for every file this plugin sends, through either route.
    allowedPath: (pathName) => !pathName.endsWith('.map'),
  });
  app.get('/b/:boardId', async (_request, reply) => reply.sendFile('index.html'));
  // The room display (a projector's view of the board); its tokens are in the fragment too.
  app.get('/b/:boardId/display', async (_request, reply) => reply.sendFile('index.html'));
  // "You said, we did" (read-only); a published link's token is in the fragment as well.
  app.get('/b/:boardId/said-did', async (_request, reply) => reply.sendFile('index.html'));
  app.get('/assets/*', async (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    return reply.sendFile(path.posix.join('assets', file), { immutable: true, maxAge: '365d' });
  });
};
