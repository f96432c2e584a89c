import fp from 'fastify-plugin';
import type { Fanout } from '../fanout/Fanout.ts';
import type { BoardStore } from '../storage/BoardStore.ts';

declare module 'fastify' {
  interface FastifyInstance {
    store: BoardStore;
    fanout: Fanout;
  }
}

/** Makes the board store and fan-out available to every plugin and closes the store last. */
export const storagePlugin = fp<{ store: BoardStore; fanout: Fanout }>(
  async (app, { store, fanout }) => {
    app.decorate('store', store);
    app.decorate('fanout', fanout);
    app.addHook('onClose', async () => {
      await fanout.close();
      await store.close();
    });
  },
  { name: 'clapboard-storage' },
);
