import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ApiErrorSchema, CloseCode, CloseCodeName, MessageType, getObjectsMap, insertObject } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { createBoard, type CreatedBoard } from '../support/server.ts';
import { postJson } from '../support/postJson.ts';
import { waitFor } from '../support/waitFor.ts';
import { residentBytes, startChaosServer } from './support/chaosServer.ts';
import { buildCorpus, pickKind, type Frame } from './support/hostileFrames.ts';
import { httpCases } from './support/hostileBodies.ts';
import { RAISED_LIMITS, envInt, printTable } from './support/report.ts';

const FRAMES = envInt('CHAOS_FRAMES', 100_000);
const HTTP_BODIES = envInt('CHAOS_HTTP_BODIES', 5_000);
const SEED = envInt('CHAOS_SEED', 1);
/** Attacking connections open at once. */
const ATTACKERS = envInt('CHAOS_ATTACKERS', 8);
/** The honest clients prove they still sync every this many frames. */
const CHECK_EVERY = Math.max(1_000, Math.floor(FRAMES / 10));
const MAX_PAYLOAD_BYTES = 64 * 1024;
const MiB = 1024 * 1024;
/** Resident memory the server may reach, and may keep above what it had before the attack. */
const MAX_RSS = 400 * MiB;
const MAX_RSS_GROWTH = 200 * MiB;

const NAMED_CODES = new Set<number>(Object.values(CloseCode));
/** The server's largest HTTP body (Fastify's bodyLimit in server/src/app.ts): bigger ones are answered 413, maybe before they are read. */
const SERVER_BODY_LIMIT = 64 * 1024;

interface Tally {
  framesSent: number;
  connections: number;
  byKind: Map<string, number>;
  closes: Map<string, number>;
  /** Closes with a code the protocol does not name, or none (1005), or abnormal (1006). */
  unnamed: string[];
}

/**
 * One attacking lane: opens a connection and sends it batches of frames,
 * each followed by a query-awareness whose answer shows the batch was read
 * without a close, until the server closes it; records the close code and
 * opens the next. A frame counts as sent if the socket was still open on
 * our side when it was written (the server reads frames already on the wire
 * when it closes: see docs/chaos.md).
 */
async function attack(lane: number, syncUrl: string, board: CreatedBoard, budget: () => boolean, tally: Tally, corpus: ReturnType<typeof buildCorpus>): Promise<void> {
  const rng = prng.create(SEED * 1000 + lane);
  while (budget()) {
    tally.connections += 1;
    let lastBatch: string[] = [];
    let socketError = '';
    const socket = new WebSocket(`${syncUrl}/${board.id}?token=${board.tokens.participant}`);
    let answers = 0;
    // Set in the close handler itself, before the waiting loop is woken to look at it.
    let isClosed = false;
    let wake: (() => void) | null = null;
    socket.on('message', (data: Buffer) => {
      if (data[0] === MessageType.Awareness) answers += 1;
      wake?.();
    });
    // The test closes a connection itself only after 40 batches went through, or when the upgrade was refused.
    let closedByTest = false;
    const closed = new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_request, response) => {
        closedByTest = true;
        tally.unnamed.push(`upgrade refused with HTTP ${response.statusCode}`);
        socket.terminate();
      });
      socket.on('error', (error: NodeJS.ErrnoException) => (socketError = error.code ?? error.message));
      socket.on('close', (code) => {
        isClosed = true;
        wake?.();
        resolve(code);
      });
    });
    await new Promise<void>((resolve) => {
      socket.once('open', () => resolve());
      void closed.then(() => resolve());
    });
    // Up to 40 batches per connection: a lane that drew only valid frames still moves on.
    for (let batch = 0; batch < 40 && !isClosed && budget(); batch += 1) {
      const frames: Frame[] = [];
      const kinds: string[] = [];
      for (let count = prng.uint32(rng, 4, 40); count > 0; count -= 1) {
        const kind = pickKind(rng);
        frames.push(kind.make(rng, corpus));
        kinds.push(kind.name);
      }
      if (prng.uint32(rng, 0, 499) === 0) {
        frames.push(new Uint8Array(MAX_PAYLOAD_BYTES + 1));
        kinds.push('oversized');
      }
      lastBatch = kinds;
      const expected = answers + 1;
      for (const [index, payload] of frames.entries()) {
        if (socket.readyState !== WebSocket.OPEN) break;
        socket.send(payload, { binary: typeof payload !== 'string' });
        tally.framesSent += 1;
        tally.byKind.set(kinds[index]!, (tally.byKind.get(kinds[index]!) ?? 0) + 1);
      }
      if (socket.readyState !== WebSocket.OPEN) break;
      // The barrier: the server answers a query-awareness in order, so its answer means the batch was read.
      socket.send(Uint8Array.of(MessageType.QueryAwareness));
      while (answers < expected && !isClosed) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    // Still open: every batch went through (a socket the server is closing is CLOSING, and left to finish).
    if (socket.readyState === WebSocket.OPEN) {
      closedByTest = true;
      socket.close(1000);
    }
    const code = await closed;
    const name = closedByTest ? `${code} (closed by the test)` : (CloseCodeName[code] ?? String(code));
    tally.closes.set(name, (tally.closes.get(name) ?? 0) + 1);
    if (!closedByTest && !NAMED_CODES.has(code)) tally.unnamed.push(`close ${code}${socketError ? ` (${socketError})` : ''} after a batch of ${[...new Set(lastBatch)].join(', ')}`);
  }
}

/** The two honest clients each add a note; both must see both, and end with the same state. */
async function expectHonestClientsSync(a: Client, b: Client, label: string): Promise<void> {
  const fromA = insertObject(a.doc, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'blue', text: `a ${label}` });
  const fromB = insertObject(b.doc, { type: 'note', x: 0, y: 300, width: 200, height: 200, z: 1, frameId: null, color: 'green', text: `b ${label}` });
  await waitFor(
    () => {
      expect(getObjectsMap(b.doc).has(fromA), `b has a's note at ${label}`).toBe(true);
      expect(getObjectsMap(a.doc).has(fromB), `a has b's note at ${label}`).toBe(true);
      expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    },
    { timeout: 30_000 },
  );
}

/**
 * Hostile input against a live server: sync, awareness, unknown and
 * extension messages, pathological Yjs payloads, random and mutated bytes;
 * bodies to every JSON route. The server stays up with bounded memory, two
 * honest clients keep syncing, every bad connection is closed with a named
 * code and every bad request gets a 4xx ApiError. See docs/chaos.md.
 */
describe('chaos: hostile frames and bodies against a live server', () => {
  it(`survives ${FRAMES} frames and ${HTTP_BODIES} bodies`, { timeout: 20 * 60_000 }, async () => {
    const started = Date.now();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-chaos-fuzz-'));
    const server = await startChaosServer({ ...RAISED_LIMITS, DATA_DIR: dataDir, LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'error', MAX_PAYLOAD_BYTES: String(MAX_PAYLOAD_BYTES), SQLITE_SYNCHRONOUS: 'NORMAL' });
    const pid = server.child.pid!;
    if (process.env.CHAOS_DEBUG) server.child.stdout!.on('data', (chunk: Buffer) => console.error('SERVER', chunk.toString().slice(0, 400)));
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, residentBytes(pid) ?? 0)), 100);
    const clients: Client[] = [];
    let progress: NodeJS.Timeout | undefined;
    try {
      const board = await createBoard(server.url, 'Chaos fuzz');
      const a = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
      const b = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
      clients.push(a, b);
      let honestDrops = 0;
      for (const client of clients) client.provider.on('status', ({ status }: { status: string }) => status === 'disconnected' && (honestDrops += 1));
      await expectHonestClientsSync(a, b, 'start');
      const baselineRss = residentBytes(pid)!;

      const tally: Tally = { framesSent: 0, connections: 0, byKind: new Map(), closes: new Map(), unnamed: [] };
      const corpus = buildCorpus();
      if (process.env.CHAOS_DEBUG) progress = setInterval(() => console.error('progress', tally.framesSent, tally.connections, [...tally.closes], residentBytes(pid)), 1000);
      let checks = 0;
      let nextCheck = CHECK_EVERY;
      const checking = (async () => {
        while (tally.framesSent < FRAMES) {
          await waitFor(() => tally.framesSent >= nextCheck || tally.framesSent >= FRAMES, { timeout: 10 * 60_000, interval: 50 });
          nextCheck += CHECK_EVERY;
          await expectHonestClientsSync(a, b, `${tally.framesSent} frames`);
          checks += 1;
        }
      })();
      const statuses = new Map<number | string, number>();
      const badBodies: string[] = [];
      const sendingBodies = (async () => {
        const rng = prng.create(SEED * 1000 + 999);
        const cases = await httpCases(server.url, server.syncUrl);
        for (let sent = 0; sent < HTTP_BODIES; sent += 1) {
          const request = cases(rng);
          const response = await fetch(`${server.url}${request.path}`, { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) }).catch((error: Error) => error);
          if (response instanceof Error) {
            // A body over the limit may be cut off mid-upload once the server has answered 413: that is allowed, nothing else is.
            const cause = String((response.cause as NodeJS.ErrnoException | undefined)?.code ?? response.message);
            statuses.set(`cut off (${cause})`, (statuses.get(`cut off (${cause})`) ?? 0) + 1);
            // (A damaged body can be over the limit too: a field repeated thousands of times.)
            const overLimit = request.kind === 'too large' || Buffer.byteLength(typeof request.body === 'string' ? request.body : '') > SERVER_BODY_LIMIT;
            if (!overLimit) badBodies.push(`${request.method} ${request.route} (${request.kind}): ${cause}`);
            continue;
          }
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const text = await response.text();
          if (response.status >= 500) badBodies.push(`${request.method} ${request.route} (${request.kind}): ${response.status} ${text.slice(0, 200)}`);
          else if (response.status >= 400 && !ApiErrorSchema.safeParse(safeJson(text)).success) badBodies.push(`${request.method} ${request.route} (${request.kind}): ${response.status} without an ApiError body: ${text.slice(0, 200)}`);
        }
      })();
      await Promise.all([...Array.from({ length: ATTACKERS }, (_, lane) => attack(lane, server.syncUrl, board, () => tally.framesSent < FRAMES, tally, corpus)), checking, sendingBodies]);
      await expectHonestClientsSync(a, b, 'end');
      checks += 1;

      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(server.child.exitCode).toBeNull();
      const endRss = residentBytes(pid)!;
      peakRss = Math.max(peakRss, endRss);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      printTable(`chaos fuzz (CHAOS_SEED=${SEED}): ${tally.framesSent} frames on ${tally.connections} connections in ${seconds} s`, [
        ...[...tally.byKind].sort((x, y) => y[1] - x[1]).map(([kind, frames]) => ({ sent: kind, frames })),
        { sent: 'all frames', frames: tally.framesSent },
        { sent: 'honest sync checks', frames: checks },
      ]);
      printTable('connections closed, by code', [...tally.closes].sort((x, y) => y[1] - x[1]).map(([code, connections]) => ({ code, connections })));
      printTable('HTTP bodies, by status', [...statuses].sort((x, y) => String(x[0]).localeCompare(String(y[0]))).map(([status, requests]) => ({ status, requests })));
      printTable('server memory (VmRSS)', [{ baseline: mib(baselineRss), peak: mib(peakRss), end: mib(endRss), 'peak bound': mib(MAX_RSS) }]);

      expect(tally.framesSent).toBeGreaterThanOrEqual(FRAMES);
      expect(tally.unnamed, 'closes without a named code').toEqual([]);
      expect(badBodies, 'requests answered 5xx or without an ApiError body').toEqual([]);
      expect(honestDrops, 'times an honest client was disconnected').toBe(0);
      expect(peakRss).toBeLessThan(MAX_RSS);
      expect(endRss - baselineRss).toBeLessThan(MAX_RSS_GROWTH);
      // The frames did reach the sync layer's checks, not only its decoder.
      for (const name of ['MalformedMessage', 'InvalidUpdate', 'UnknownMessageType', 'AwarenessInvalid']) expect(tally.closes.get(name) ?? 0, name).toBeGreaterThan(0);
    } finally {
      clearInterval(sampler);
      clearInterval(progress);
      for (const client of clients) client.destroy();
      server.child.kill('SIGTERM');
      await server.exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
