import websocket from '@fastify/websocket';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import {
  ApiErrorCode,
  CloseCode,
  CloseCodeName,
  SYNC_SUBPROTOCOL,
  WRITER_SUBPROTOCOL_PREFIX,
  subprotocolValue,
  tokenFromSubprotocols,
  type DocKind,
} from '@clapboard/shared';
import { boardAccess } from '../auth/boardAccess.ts';
import { hashToken } from '../auth/capabilityTokens.ts';
import type { SyncLimits } from '../config.ts';
import { sendError } from '../errors.ts';
import type { DocKey, StoredDocument } from '../storage/BoardStore.ts';
import { MessageHandlers } from '../sync/MessageHandlers.ts';
import { QuietCollector, type QuietCollectorOptions } from '../sync/QuietCollector.ts';
import { BoardEvictedError, RoomRegistry } from '../sync/RoomRegistry.ts';
import type { ConnectionGrant } from '../sync/SyncConnection.ts';
import { encodeSyncStep1For } from '../sync/messages.ts';
import { answerFromStorage, HeldMessages } from '../sync/storedStateReply.ts';

declare module 'fastify' {
  interface FastifyInstance {
    rooms: RoomRegistry;
    /** Register Clapboard's own message kinds here (FIRST_EXTENSION_MESSAGE_TYPE and up), from their own plugin. */
    syncMessages: MessageHandlers;
  }
  interface FastifyRequest {
    syncTarget?: { key: DocKey; grant: ConnectionGrant };
  }
}

export interface SyncSocketOptions {
  maxPayloadBytes: number;
  maxBufferedBytes: number;
  compactAfterUpdates: number;
  roomIdleMs: number;
  idleCollectionMs: number;
  /** After a burst of work, with people still connected (QuietCollector). */
  quietCollection: QuietCollectorOptions;
  relayWindowMs: number;
  limits: SyncLimits;
  /** Interval of websocket pings; a client that misses one is dropped. */
  heartbeatMs?: number;
}

/** `Sec-WebSocket-Protocol` is one comma-separated header. */
function offeredSubprotocols(request: FastifyRequest): string[] {
  const header = request.headers['sec-websocket-protocol'];
  return typeof header === 'string' ? header.split(',').map((protocol) => protocol.trim()) : [];
}

/**
 * The y-websocket endpoint: `/sync/<boardId>` (content) and
 * `/sync/<boardId>/control` (facilitator-only state). The token travels in
 * `Sec-WebSocket-Protocol` (`?token=` still works, for clients that cannot
 * set it). Authorization happens in preValidation, before the upgrade: a
 * bad token gets a plain 401 and never a websocket. The room is acquired
 * only once the upgrade has succeeded: a plain GET, or a handshake that ws
 * rejects, must not load a board and pin it in memory.
 */
export const syncSocketPlugin = fp<SyncSocketOptions>(
  async (app, options) => {
    const messageHandlers = new MessageHandlers();
    app.decorate('syncMessages', messageHandlers);
    const rooms = new RoomRegistry({
      messageHandlers,
      store: app.store,
      fanout: app.fanout,
      log: app.log,
      maxBufferedBytes: options.maxBufferedBytes,
      limits: options.limits,
      compactAfterUpdates: options.compactAfterUpdates,
      idleMs: options.roomIdleMs,
      idleCollectionMs: options.idleCollectionMs,
      relayWindowMs: options.relayWindowMs,
    });
    app.decorate('rooms', rooms);

    await app.register(websocket, {
      options: {
        maxPayload: options.maxPayloadBytes,
        // Answer with the plain protocol name, never the token-bearing one.
        handleProtocols: (offered: Set<string>) => (offered.has(SYNC_SUBPROTOCOL) ? SYNC_SUBPROTOCOL : false),
      },
      // The plugin's default handler terminates the socket on any 'error'. For
      // a bad frame (over maxPayload: 1009) ws has already queued its close
      // frame with the code and cuts the socket off itself if the client never
      // answers; terminating here drops that frame whenever it sits behind
      // data still queued for the client, who would see 1006 and no reason.
      errorHandler: (error, socket, request) => {
        request.log.warn({ err: { message: error.message, code: (error as NodeJS.ErrnoException).code } }, 'websocket error');
        if (socket.readyState !== socket.CLOSING) socket.terminate();
      },
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
    const quietCollector = new QuietCollector(options.quietCollection);
    quietCollector.start();
    app.addHook('onClose', async () => quietCollector.stop());

    const route = (doc: DocKind) => ({
      websocket: true as const,
      preValidation: async (request: FastifyRequest, reply: FastifyReply) => {
        const { boardId } = request.params as { boardId: string };
        const { token: queryToken } = request.query as { token?: unknown };
        const offered = offeredSubprotocols(request);
        const token = tokenFromSubprotocols(offered) ?? (typeof queryToken === 'string' ? queryToken : null);
        const access = await boardAccess(app.store, boardId, token);
        if (!access) return sendError(reply, 401, ApiErrorCode.Unauthorized, 'missing or invalid board token');
        const { role } = access;
        const key = { boardId: access.boardId, doc };
        if (rooms.connectionsOf(key) >= options.limits.maxConnectionsPerBoard) {
          return sendError(reply, 503, ApiErrorCode.BoardFull, 'this board has as many connections as it allows');
        }
        const writerKey = subprotocolValue(offered, WRITER_SUBPROTOCOL_PREFIX);
        request.syncTarget = { key, grant: { role, writerKey: writerKey ? hashToken(writerKey) : null, tokenHash: access.tokenHash } };
      },
    });
    const handler = (socket: WebSocket, request: FastifyRequest) => {
      const target = request.syncTarget;
      if (!target) {
        socket.close(CloseCode.GoingAway);
        return;
      }
      // Loading may take a while: hold what the client sends meanwhile (and
      // stop reading more) so its first messages are handled, not dropped.
      const early = new HeldMessages(socket);
      // A fresh client of a board that is not loaded yet is sent what storage
      // holds while the server builds the document (storedStateReply.ts).
      let answeredFromStorage = false;
      const onStored = async (stored: StoredDocument) => {
        answeredFromStorage = await answerFromStorage(socket, early, stored);
      };
      rooms.acquire(target.key, onStored).then(
        (room) => {
          early.release();
          const connection = socket.readyState === socket.OPEN ? room.attach(socket, target.grant, request.raw.socket) : null;
          if (!connection) {
            rooms.release(room);
            return;
          }
          // Its step 1, answered again for what changed since the stored state it was sent.
          if (answeredFromStorage) early.messages.unshift([Buffer.from(encodeSyncStep1For(room.storedStateVector)), true]);
          for (const [data, isBinary] of early.messages) socket.emit('message', data, isBinary);
          socket.resume();
          // The token was checked before the upgrade, and its link may have
          // been revoked while the room loaded: too early for the revocation
          // to find this connection, which is attached only now. Asked again
          // from here on, a revocation either shows in this answer or
          // happens after the attach and closes the connection itself.
          void app.store.roleForTokenHash(target.key.boardId, target.grant.tokenHash).then(
            (role) => role === null && connection.close(CloseCode.TokenRevoked),
            (error: unknown) => app.log.error({ err: error }, 'could not check a token again after attaching'),
          );
        },
        (error: unknown) => {
          const code = error instanceof BoardEvictedError ? CloseCode.BoardDeleted : CloseCode.GoingAway;
          socket.close(code, CloseCodeName[code]);
        },
      );
    };
    app.get('/sync/:boardId', route('content'), handler);
    app.get('/sync/:boardId/control', route('control'), handler);
  },
  { name: 'clapboard-sync', dependencies: ['clapboard-storage'] },
);
