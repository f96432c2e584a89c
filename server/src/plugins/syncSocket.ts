import websocket from '@fastify/websocket';
import fp from 'fastify-plugin';
import { ApiErrorCode, BoardIdSchema, CloseCode, CloseCodeName, type DocKind, type Role } from '@clapboard/shared';
import { hashToken } from '../auth/capabilityTokens.ts';
import { sendError } from '../errors.ts';
import type { DocumentRoom } from '../sync/DocumentRoom.ts';
import { RoomRegistry } from '../sync/RoomRegistry.ts';

declare module 'fastify' {
  interface FastifyInstance {
    rooms: RoomRegistry;
  }
  interface FastifyRequest {
    syncTarget?: { room: DocumentRoom; role: Role };
  }
}

export interface SyncSocketOptions {
  maxPayloadBytes: number;
  maxBufferedBytes: number;
  compactAfterUpdates: number;
  roomIdleMs: number;
  /** Interval of websocket pings; a client that misses one is dropped. */
  heartbeatMs?: number;
}

/**
 * The y-websocket endpoint: `/sync/<boardId>` (content) and
 * `/sync/<boardId>/control` (facilitator-only state), token in `?token=`.
 * Authorization and loading happen in preValidation, before the upgrade:
 * a bad token gets a plain 401 and never a websocket, and the room is ready
 * when the socket opens so its first message is handled, not dropped.
 */
export const syncSocketPlugin = fp<SyncSocketOptions>(
  async (app, options) => {
    const rooms = new RoomRegistry({
      store: app.store,
      fanout: app.fanout,
      log: app.log,
      maxBufferedBytes: options.maxBufferedBytes,
      compactAfterUpdates: options.compactAfterUpdates,
      idleMs: options.roomIdleMs,
    });
    app.decorate('rooms', rooms);

    await app.register(websocket, {
      options: { maxPayload: options.maxPayloadBytes },
      preClose: async () => {
        // From here on a websocket upgrade (a client reconnecting while we
        // shut down) is dropped at once. Routed, it would be answered 503 on
        // an upgrade socket that nothing ends, and close() would wait for it
        // forever; shutdown waits for storage threads, so it takes turns of
        // the event loop in which such upgrades do arrive.
        app.server.removeAllListeners('upgrade');
        app.server.on('upgrade', (_request, socket: import('node:stream').Duplex) => socket.destroy());
        await rooms.close();
        for (const client of app.websocketServer.clients) client.close(CloseCode.GoingAway, CloseCodeName[CloseCode.GoingAway]);
        await new Promise<void>((resolve) => app.websocketServer.close(() => resolve()));
      },
    });

    const heartbeat = setInterval(() => rooms.pingAll(), options.heartbeatMs ?? 30_000);
    heartbeat.unref();
    app.addHook('onClose', async () => clearInterval(heartbeat));

    const route = (doc: DocKind) => ({
      websocket: true as const,
      preValidation: async (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
        const { boardId } = request.params as { boardId: string };
        const { token } = request.query as { token?: unknown };
        const id = BoardIdSchema.safeParse(boardId);
        const role = id.success && typeof token === 'string' ? await app.store.roleForTokenHash(id.data, hashToken(token)) : null;
        if (!role || !id.success) return sendError(reply, 401, ApiErrorCode.Unauthorized, 'missing or invalid board token');
        request.syncTarget = { room: await rooms.acquire({ boardId: id.data, doc }), role };
      },
    });
    const handler = (socket: import('ws').WebSocket, request: import('fastify').FastifyRequest) => {
      const target = request.syncTarget;
      if (!target) {
        socket.close(CloseCode.GoingAway);
        return;
      }
      target.room.attach(socket, target.role);
    };
    app.get('/sync/:boardId', route('content'), handler);
    app.get('/sync/:boardId/control', route('control'), handler);
  },
  { name: 'clapboard-sync', dependencies: ['clapboard-storage'] },
);
