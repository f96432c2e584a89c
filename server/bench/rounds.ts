/**
 * Rounds benchmark (issue #9). Run: `pnpm bench:rounds` from the repo root.
 *
 *   submit->201   time from sending an answer to its 201, with BENCH_PARTICIPANTS
 *                 (50) people answering at once, BENCH_BURSTS (10) times, against
 *                 the real server as a child process (SQLite, synchronous=FULL
 *                 unless SQLITE_SYNCHRONOUS says otherwise). A 201 is sent only
 *                 after the writer committed the answer and truncated the WAL.
 *   one at a time the same with one answer in flight: no group to share the
 *                 commit and the truncation with.
 *   store only    the cost of the WAL truncation itself: SqliteRoundStore.addAnswer
 *                 next to SqliteBoardStore.appendUpdate of the same size, which
 *                 commits without truncating, 50 at once and one at a time, in
 *                 this process (no HTTP).
 *   ballot->201   a dot vote's ballot to its 201, 50 at once (x10) and one at a
 *                 time, with the same durability (commit + WAL truncation).
 *   code->ballot  a one-time-code vote: POST …/tokens (blind signature) then the
 *                 ballot, per person, 50 people at once; the browser's blinding
 *                 (client/src/connection/blindBallot.ts) is not timed.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CreateBoardResponseSchema, insertObject, parseBoardLink } from '@clapboard/shared';
import { blindBallot, randomBallot, unblindSignature } from '@clapboard/shared/blindBallot';
import { hashToken } from '../src/auth/capabilityTokens.ts';
import { SqliteRoundStore } from '../src/rounds/SqliteRoundStore.ts';
import { SqliteBoardStore } from '../src/storage/SqliteBoardStore.ts';
import { startServerProcess } from './serverProcess.ts';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 50);
const BURSTS = Number(process.env.BENCH_BURSTS ?? 10);
const SEQUENTIAL = 100;
const synchronous = (process.env.SQLITE_SYNCHRONOUS ?? 'FULL') as 'FULL' | 'NORMAL';
const ANSWER = 'What would help most is a caseworker who calls back within a week, and an interpreter at every appointment.';

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${quantile(sorted, 0.5).toFixed(1)} ms | p95 ${quantile(sorted, 0.95).toFixed(1)} ms | max ${sorted.at(-1)!.toFixed(1)} ms | n=${sorted.length}`;
}

const startServer = (dataDir: string) => startServerProcess(dataDir, { SQLITE_SYNCHRONOUS: synchronous, MAX_ANSWERS_PER_ROUND: '100000', RATE_ANSWERS_PER_MINUTE: '1000000', RATE_RECEIPTS_PER_MINUTE: '1000000', RATE_API_PER_MINUTE: '10000000' });

async function post(url: string, token: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

async function timedAnswer(url: string, token: string): Promise<number> {
  const start = performance.now();
  const answered = await post(url, token, { text: ANSWER });
  if (answered.status !== 201) throw new Error(`answer: ${answered.status} ${JSON.stringify(answered.body)}`);
  return performance.now() - start;
}

async function overHttp(): Promise<{ burst: number[]; sequential: number[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-bench-rounds-'));
  const server = await startServer(dataDir);
  try {
    const created = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Bench' }) });
    const board = CreateBoardResponseSchema.parse(await created.json());
    const token = (role: 'facilitator' | 'participant') => parseBoardLink(board.links[role])!.token!;
    const round = await post(`${server.url}/api/boards/${board.id}/rounds`, token('facilitator'), { prompt: 'Bench?' });
    const answers = `${server.url}/api/boards/${board.id}/rounds/${round.body.roundId}/answers`;
    // Warm-up: connections, JIT, the writer thread.
    await Promise.all(Array.from({ length: PARTICIPANTS }, () => timedAnswer(answers, token('participant'))));
    const burst: number[] = [];
    for (let run = 0; run < BURSTS; run += 1) burst.push(...(await Promise.all(Array.from({ length: PARTICIPANTS }, () => timedAnswer(answers, token('participant'))))));
    const sequential: number[] = [];
    for (let run = 0; run < SEQUENTIAL; run += 1) sequential.push(await timedAnswer(answers, token('participant')));
    return { burst, sequential };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Puts `count` notes on the board through a facilitator's stock client; resolves once the server has them all. */
async function seedNotes(syncUrl: string, boardId: string, token: string, count: number): Promise<string[]> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, boardId, doc, { params: { token }, WebSocketPolyfill: WebSocket as never, disableBc: true });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const ids: string[] = [];
  doc.transact(() => {
    for (let index = 0; index < count; index += 1) ids.push(insertObject(doc, { type: 'note', x: index * 220, y: 0, width: 200, height: 200, z: index, frameId: null, color: 'yellow', text: `idea ${index}` }));
  });
  // A fresh reader seeing every note means the server stored and serves them.
  const reader = new Y.Doc();
  const check = new WebsocketProvider(syncUrl, boardId, reader, { params: { token }, WebSocketPolyfill: WebSocket as never, disableBc: true });
  await new Promise<void>((resolve) => check.once('sync', () => resolve()));
  provider.destroy();
  check.destroy();
  if (reader.getMap('objects').size !== count) throw new Error('notes not stored');
  return ids;
}

async function ballotsOverHttp(): Promise<Record<string, number[]>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-bench-votes-'));
  const server = await startServer(dataDir);
  try {
    const created = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Bench' }) });
    const board = CreateBoardResponseSchema.parse(await created.json());
    const token = (role: 'facilitator' | 'participant') => parseBoardLink(board.links[role])!.token!;
    const targets = await seedNotes(`${server.url.replace(/^http/, 'ws')}/sync`, board.id, token('facilitator'), 10);
    const base = `${server.url}/api/boards/${board.id}/votes`;
    const timed = async (task: () => Promise<void>) => {
      const start = performance.now();
      await task();
      return performance.now() - start;
    };
    const expect201 = (result: { status: number; body: unknown }, what: string) => {
      if (result.status !== 201) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
    };
    const vote = (await post(base, token('facilitator'), { targets, perPerson: 3 })).body.voteId as string;
    const cast = () => timed(async () => expect201(await post(`${base}/${vote}/ballots`, token('participant'), { ballot: randomBallot(), choices: targets.slice(0, 3) }), 'ballot'));
    await Promise.all(Array.from({ length: PARTICIPANTS }, cast));
    const burst: number[] = [];
    for (let run = 0; run < BURSTS; run += 1) burst.push(...(await Promise.all(Array.from({ length: PARTICIPANTS }, cast))));
    const sequential: number[] = [];
    for (let run = 0; run < SEQUENTIAL; run += 1) sequential.push(await cast());

    const codesVote = (await post(base, token('facilitator'), { targets, perPerson: 1, codes: PARTICIPANTS })).body as { voteId: string; codes: string[] };
    const publicKey = ((await (await fetch(`${base}/${codesVote.voteId}`, { headers: { authorization: `Bearer ${token('participant')}` } })).json()) as { publicKey: string }).publicKey;
    const pending = await Promise.all(codesVote.codes.map(async (code) => ({ code, blinded: await blindBallot(publicKey) })));
    const withCodes = await Promise.all(
      pending.map(({ code, blinded }) =>
        timed(async () => {
          const signed = await post(`${base}/${codesVote.voteId}/tokens`, token('participant'), { code, blindedBallot: blinded.blindedBallot });
          expect201(signed, 'token');
          const signature = await unblindSignature(publicKey, blinded, signed.body.blindSignature);
          expect201(await post(`${base}/${codesVote.voteId}/ballots`, token('participant'), { ballot: blinded.ballot, signature, choices: [targets[0]] }), 'signed ballot');
        }),
      ),
    );
    return { [`ballot -> 201, ${PARTICIPANTS} at once (x${BURSTS})`]: burst, 'ballot -> 201, one at a time': sequential, [`code -> signature -> ballot 201, ${PARTICIPANTS} at once (unblinding included)`]: withCodes };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function storeOnly(): Promise<Record<string, number[]>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-bench-roundstore-'));
  const boards = new SqliteBoardStore({ filename: path.join(dir, 'bench.sqlite'), synchronous });
  const rounds = new SqliteRoundStore(boards);
  const boardId = 'bench-board-00000000';
  await boards.createBoard({ id: boardId, tokenHashes: { facilitator: 'a', participant: 'b', observer: 'c' }, initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) } });
  await rounds.createRound({ boardId, roundId: 'bench-round-0000', prompt: 'p', k: 2, translations: null, closesAt: null });
  const update = new TextEncoder().encode(ANSWER);
  const answer = () => ({ answerId: randomBytes(16).toString('base64url'), receiptHash: hashToken(randomBytes(32).toString('base64url')), text: ANSWER, lang: null });
  const time = async (task: () => Promise<unknown>) => {
    const start = performance.now();
    await task();
    return performance.now() - start;
  };
  const out: Record<string, number[]> = { 'answers, 50 at once': [], 'appends, 50 at once': [], 'answer, one at a time': [], 'append, one at a time': [] };
  for (let run = 0; run < BURSTS; run += 1) {
    out['answers, 50 at once']!.push(...(await Promise.all(Array.from({ length: PARTICIPANTS }, () => time(() => rounds.addAnswer(boardId, 'bench-round-0000', answer(), 1_000_000))))));
    out['appends, 50 at once']!.push(...(await Promise.all(Array.from({ length: PARTICIPANTS }, () => time(() => boards.appendUpdate({ boardId, doc: 'content' }, update))))));
  }
  for (let run = 0; run < SEQUENTIAL; run += 1) {
    out['answer, one at a time']!.push(await time(() => rounds.addAnswer(boardId, 'bench-round-0000', answer(), 1_000_000)));
    out['append, one at a time']!.push(await time(() => boards.appendUpdate({ boardId, doc: 'content' }, update)));
  }
  await boards.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

const http = await overHttp();
const store = await storeOnly();
const ballots = await ballotsOverHttp();
process.stdout.write(`\nRounds benchmark (SQLITE_SYNCHRONOUS=${synchronous}, ${os.cpus().length} CPUs, ${os.platform()} ${os.release()}, DATA_DIR under ${os.tmpdir()})\n\n`);
process.stdout.write(`| measure | result |\n| --- | --- |\n`);
process.stdout.write(`| submit -> 201, ${PARTICIPANTS} at once (x${BURSTS}) | ${summary(http.burst)} |\n`);
process.stdout.write(`| submit -> 201, one at a time | ${summary(http.sequential)} |\n`);
for (const [name, samples] of Object.entries(store)) process.stdout.write(`| store only: ${name} | ${summary(samples)} |\n`);
for (const [name, samples] of Object.entries(ballots)) process.stdout.write(`| ${name} | ${summary(samples)} |\n`);
// The stock y-websocket provider used to seed notes leaves a handle open after destroy(); the table is out, so end here.
process.exit(0);
