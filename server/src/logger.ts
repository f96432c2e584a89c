import type { FastifyServerOptions } from 'fastify';
import { BoardIdSchema } from '@clapboard/shared';
import type { ServerConfig } from './config.ts';
import { boardLogRef } from './logRef.ts';

/**
 * Logs must never hold capability tokens, board ids or client IP addresses:
 * participants are promised that the server cannot trace what they write
 * back to them. Request logs therefore keep only the method and the path
 * without its query string (the websocket token may travel in the query),
 * with board ids replaced by their log refs (see logRef.ts), and nothing
 * from the socket. Fastify's own request lines ("incoming request",
 * "request completed") go through these serializers; its not-found line,
 * which printed the raw URL, is replaced by handleNotFound (errors.ts).
 */
export function loggerOptions(config: Pick<ServerConfig, 'logLevel'>, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    base: null,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, ...loggedPath(request.url) }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: serializeError,
    },
  } as FastifyServerOptions['logger'];
}

/**
 * Errors keep their name, message, code, status and stack, nothing else.
 * pino's default copies every enumerable field, and Node's HTTP parser
 * errors (Fastify logs them at trace as "client error") carry `rawPacket`:
 * the raw request bytes, request line, query and token included.
 */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    stack: error.stack,
  };
}

export function stripQuery(url: string): string {
  const index = url.search(/[?#]/);
  return index === -1 ? url : url.slice(0, index);
}

/** Path segments after which a board id comes: `/b/<id>`, `/sync/<id>[/control]`, `/api/boards/<id>/…`. */
const BEFORE_BOARD_ID = [['b'], ['sync'], ['api', 'boards']] as const;

/**
 * A request path fit for logs: no query, and every segment naming a board
 * replaced by `:board`, with the (first) board's ref beside it, e.g.
 * `{ path: '/sync/:board/control', board: '3f9a0c41d2e7' }`. A segment names
 * a board where a route expects an id (whatever it holds: a mistyped or
 * hostile one is hashed just the same) and anywhere it has the shape of a
 * board id, so a path no route knows (`/boards/<id>`, `//sync/<id>`, an
 * absolute-form request line) does not carry one in clear either.
 */
export function loggedPath(url: string): { path: string; board?: string } {
  const segments = stripQuery(url).split('/');
  let board: string | undefined;
  for (let index = 0; index < segments.length; index += 1) {
    const value = decodeSegment(segments[index]!);
    if (value === '') continue;
    const expected = BEFORE_BOARD_ID.some((prefix) => prefix.every((name, offset) => segments[index - prefix.length + offset] === name));
    if (!expected && !BoardIdSchema.safeParse(value).success) continue;
    board ??= boardLogRef(value);
    segments[index] = ':board';
  }
  return board === undefined ? { path: segments.join('/') } : { path: segments.join('/'), board };
}

/** Route params are matched decoded, so the ref of `%41…` is the ref of `A…`. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
