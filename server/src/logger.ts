import type { FastifyServerOptions } from 'fastify';
import type { ServerConfig } from './config.ts';

/**
 * Logs must never hold capability tokens or client IP addresses: participants
 * are promised that the server cannot trace what they write back to them.
 * Request logs therefore keep only the method and the path without its query
 * string (the websocket token travels in the query), and nothing from the socket.
 */
export function loggerOptions(config: Pick<ServerConfig, 'logLevel'>, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    base: null,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, path: stripQuery(request.url) }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  } as FastifyServerOptions['logger'];
}

export function stripQuery(url: string): string {
  const index = url.search(/[?#]/);
  return index === -1 ? url : url.slice(0, index);
}
