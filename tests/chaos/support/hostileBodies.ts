import * as prng from 'lib0/prng';
import { createBoard } from '../../support/server.ts';
import { postJson } from '../../support/postJson.ts';
import { boardWithNotes } from '../../votes/support.ts';

export interface HostileRequest {
  method: string;
  /** The route's pattern, for the report. */
  route: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** What was done to the body. */
  kind: string;
}

type Role = 'facilitator' | 'participant' | 'observer';

interface Route {
  method: string;
  route: string;
  role: Role | null;
  /** A body the route would take, built from the board's real ids. */
  valid: (rng: prng.PRNG) => Record<string, unknown>;
}

/** Anything JSON can say, nested up to `depth`, with prototype keys among the names. */
function randomValue(rng: prng.PRNG, depth: number): unknown {
  switch (prng.uint32(rng, 0, depth > 0 ? 8 : 5)) {
    case 0:
      return null;
    case 1:
      return prng.bool(rng);
    case 2:
      return prng.oneOf(rng, [0, -1, 1.5, 1e308, -1e308, 2 ** 53, Number.MIN_VALUE, prng.int32(rng, -1e6, 1e6)]);
    case 3:
      return prng.oneOf(rng, ['', ' ', prng.word(rng, 1, 12), prng.utf16String(rng, 40), '\u0000', '\ud800', '2024-01-01T00:00:00Z', 'x'.repeat(prng.uint32(rng, 200, 30_000))]);
    case 4:
    case 5:
      return prng.word(rng, 1, 30);
    case 6:
      return Array.from({ length: prng.uint32(rng, 0, 5) }, () => randomValue(rng, depth - 1));
    default:
      return Object.fromEntries(Array.from({ length: prng.uint32(rng, 0, 5) }, () => [prng.oneOf(rng, ['__proto__', 'constructor', 'prototype', 'text', 'title', 'receipt', 'choices', prng.word(rng, 1, 10)]), randomValue(rng, depth - 1)]));
  }
}

/** A valid body with one thing wrong: a field dropped, retyped, swapped for junk, or one too many. */
function damage(rng: prng.PRNG, body: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...body };
  const keys = Object.keys(copy);
  const key = keys.length > 0 ? prng.oneOf(rng, keys) : 'field';
  switch (prng.uint32(rng, 0, 4)) {
    case 0:
      delete copy[key];
      break;
    case 1:
      copy[key] = randomValue(rng, 3);
      break;
    case 2:
      copy[prng.word(rng, 1, 10)] = randomValue(rng, 2);
      break;
    case 3:
      copy[key] = typeof copy[key] === 'string' ? (copy[key] as string).repeat(prng.uint32(rng, 50, 3000)) : [copy[key]];
      break;
    default:
      return JSON.parse(`{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}, ${JSON.stringify(copy).slice(1)}`.replace(', }', '}'));
  }
  return copy;
}

/**
 * Request makers for every JSON route, against a board of their own with
 * a round, an open vote and two notes. Links are only ever created here, never rotated
 * or revoked: revoking the participant link would close the honest clients,
 * which is that feature working, not a fault.
 */
export async function httpCases(baseUrl: string, syncUrl: string): Promise<(rng: prng.PRNG) => HostileRequest> {
  const board = await createBoard(baseUrl, 'Chaos fuzz bodies');
  const notes = await boardWithNotes({ syncUrl }, board, 2);
  for (const client of notes.clients) client.destroy();
  const roundId = (await postJson(baseUrl, `/api/boards/${board.id}/rounds`, board.tokens.facilitator, { prompt: 'Fuzzed?' })).body.roundId as string;
  const voteId = (await postJson(baseUrl, `/api/boards/${board.id}/votes`, board.tokens.facilitator, { targets: notes.noteIds, perPerson: 1 })).body.voteId as string;
  const receipt = (await postJson(baseUrl, `/api/boards/${board.id}/rounds/${roundId}/answers`, board.tokens.participant, { text: 'a real answer' })).body.receipt as string;
  const b = `/api/boards/${board.id}`;
  const routes: Route[] = [
    { method: 'POST', route: '/api/boards', role: null, valid: (rng) => ({ title: prng.word(rng, 1, 30) }) },
    { method: 'POST', route: `${b}/rounds`, role: 'facilitator', valid: (rng) => ({ prompt: prng.word(rng, 1, 30), k: prng.uint32(rng, 1, 10) }) },
    { method: 'POST', route: `${b}/rounds/${roundId}/answers`, role: 'participant', valid: (rng) => ({ text: prng.utf16String(rng, 60), lang: 'en' }) },
    { method: 'PUT', route: `${b}/rounds/${roundId}/answers`, role: 'participant', valid: (rng) => ({ receipt, text: prng.word(rng, 1, 30) }) },
    { method: 'DELETE', route: `${b}/rounds/${roundId}/answers`, role: 'participant', valid: (rng) => ({ receipt: prng.word(rng, 20, 40) }) },
    { method: 'POST', route: `${b}/answers/${prng.word(prng.create(1), 10, 10)}/hide`, role: 'facilitator', valid: () => ({ reason: 'off topic' }) },
    { method: 'POST', route: `${b}/receipts/lookup`, role: 'participant', valid: (rng) => ({ receipt: prng.bool(rng) ? receipt : prng.word(rng, 10, 60) }) },
    { method: 'POST', route: `${b}/votes`, role: 'facilitator', valid: (rng) => ({ targets: notes.noteIds, perPerson: prng.uint32(rng, 1, 2), ...(prng.bool(rng) ? { codes: prng.uint32(rng, 1, 3) } : {}) }) },
    { method: 'POST', route: `${b}/votes/${voteId}/ballots`, role: 'participant', valid: (rng) => ({ ballot: Buffer.from(prng.uint8Array(rng, 32)).toString('base64url'), choices: [prng.oneOf(rng, notes.noteIds)] }) },
    { method: 'POST', route: `${b}/votes/${voteId}/tokens`, role: 'participant', valid: (rng) => ({ code: 'ABCD-EFGH-JKMN', blindedBallot: Buffer.from(prng.uint8Array(rng, 256)).toString('base64url') }) },
    { method: 'POST', route: `${b}/anonymous-notes`, role: 'participant', valid: (rng) => ({ text: prng.word(rng, 1, 30), x: prng.int32(rng, -1000, 1000), y: 0 }) },
    { method: 'PUT', route: `${b}/anonymous-notes`, role: 'participant', valid: (rng) => ({ receipt: prng.word(rng, 20, 40), text: 'edited' }) },
    { method: 'DELETE', route: `${b}/anonymous-notes`, role: 'participant', valid: (rng) => ({ receipt: prng.word(rng, 20, 40) }) },
    { method: 'POST', route: `${b}/templates`, role: 'facilitator', valid: (rng) => ({ templateId: prng.oneOf(rng, ['retrospective', 'ideas', prng.word(rng, 1, 10)]), at: { x: prng.int32(rng, -5000, 5000), y: 0 } }) },
    { method: 'POST', route: `${b}/links`, role: 'facilitator', valid: (rng) => ({ role: prng.oneOf(rng, ['facilitator', 'participant', 'observer', 'admin']) }) },
    { method: 'POST', route: `${b}/links/${prng.word(prng.create(2), 12, 12)}/rotate`, role: 'facilitator', valid: () => ({}) },
  ];
  const tokenFor = (rng: prng.PRNG, role: Role | null): string | null => {
    switch (prng.uint32(rng, 0, 9)) {
      case 0:
        return null;
      case 1:
        return prng.word(rng, 0, 60);
      case 2:
        return board.tokens[prng.oneOf(rng, ['facilitator', 'participant', 'observer'] as const)];
      default:
        return role ? board.tokens[role] : null;
    }
  };
  return (rng) => {
    const route = prng.oneOf(rng, routes);
    const token = tokenFor(rng, route.role);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers.authorization = prng.uint32(rng, 0, 19) === 0 ? `Basic ${token}` : `Bearer ${token}`;
    let kind: string;
    let body: string | undefined;
    switch (prng.uint32(rng, 0, 11)) {
      case 0:
        kind = 'random JSON';
        body = JSON.stringify(randomValue(rng, 5));
        break;
      case 1:
        kind = 'not JSON';
        body = JSON.stringify(route.valid(rng)).slice(0, prng.uint32(rng, 0, 10)) + prng.oneOf(rng, ['', '{', '\u0000', "'", 'NaN']);
        break;
      case 2:
        kind = 'deeply nested';
        body = `${'['.repeat(prng.uint32(rng, 1000, 100_000))}${']'.repeat(prng.uint32(rng, 0, 100_000))}`;
        break;
      case 3:
        kind = 'other content type';
        headers['content-type'] = prng.oneOf(rng, ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/jsonx']);
        body = JSON.stringify(route.valid(rng));
        break;
      case 4:
        kind = 'too large';
        body = JSON.stringify({ ...route.valid(rng), text: 'x'.repeat(prng.oneOf(rng, [600 * 1024, 2 * 1024 * 1024])) });
        break;
      case 5:
        kind = 'empty';
        body = prng.bool(rng) ? '' : undefined;
        break;
      case 6:
      case 7:
        kind = 'valid';
        body = JSON.stringify(route.valid(rng));
        break;
      default:
        kind = 'damaged';
        body = JSON.stringify(damage(rng, route.valid(rng)));
    }
    // Sometimes a path that is not a route, or not valid percent-encoding.
    const path = prng.uint32(rng, 0, 29) === 0 ? route.route.replace(board.id, prng.oneOf(rng, ['%ZZ', 'x'.repeat(500), '..%2F..', prng.word(rng, 1, 20)])) : route.route;
    return { method: route.method, route: route.route.replace(board.id, ':id'), path, headers, ...(body === undefined ? {} : { body }), kind };
  };
}
