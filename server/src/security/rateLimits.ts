import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiErrorCode } from '@clapboard/shared';
import type { HttpRateLimits } from '../config.ts';

/** Which budget a request spends, from its method and route; null: not limited here (pages, assets, the websocket). */
export function rateKind(method: string, route: string | undefined): keyof HttpRateLimits | null {
  if (route === undefined || !route.startsWith('/api/')) return null;
  if (route === '/api/boards' && method === 'POST') return 'createBoards';
  if (route.endsWith('/rounds/:roundId/answers')) return 'answers';
  if (route.endsWith('/ballots') || route.endsWith('/votes/:voteId/tokens')) return 'ballots';
  if (route.endsWith('/receipts/lookup') || route.endsWith('/said-did/receipt')) return 'receipts';
  if (route.endsWith('/said-did/link') && method === 'POST') return 'links';
  if (route.includes('/anonymous-notes')) return 'anonymousNotes';
  if (route.includes('/links') && method !== 'GET') return 'links';
  if (route.includes('/findings') || route.includes('/export') || route.includes('/subject-access')) return 'exports';
  return 'api';
}

/**
 * Requests per client address per minute, one budget per kind of request
 * (docs/security.md): past it, 429 with Retry-After and an ApiError body
 * (`RATE_LIMITED`, through errors.ts's handler). The address is the
 * socket's, or X-Forwarded-For's as far as TRUST_PROXY allows. It lives only
 * in the limiter's in-memory window (an LRU of counters that expire after
 * the minute), is never logged (logger.ts keeps nothing from the socket)
 * and never stored.
 */
export async function registerRateLimits(app: FastifyInstance, limits: HttpRateLimits): Promise<void> {
  const kindOf = (request: FastifyRequest) => rateKind(request.method, request.routeOptions.url);
  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    allowList: (request) => kindOf(request) === null,
    keyGenerator: (request) => `${kindOf(request)}|${request.ip}`,
    max: (request) => limits[kindOf(request) ?? 'api'],
    // Only Retry-After: the x-ratelimit-* headers would tell a flood exactly how to pace itself, and nobody else needs them.
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': true },
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    // Thrown, then answered by handleError (errors.ts) like every other refusal.
    errorResponseBuilder: (_request, context) => ({ statusCode: context.statusCode, code: ApiErrorCode.RateLimited, message: 'too many requests; try again later' }),
  });
}
