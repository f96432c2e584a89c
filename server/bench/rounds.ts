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
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBoardResponseSchema, parseBoardLink } from '@clapboard/shared';
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

const startServer = (dataDir: string) => startServerProcess(dataDir, { SQLITE_SYNCHRONOUS: synchronous, MAX_ANSWERS_PER_ROUND: '100000' });

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
process.stdout.write(`\nRounds benchmark (SQLITE_SYNCHRONOUS=${synchronous}, ${os.cpus().length} CPUs, ${os.platform()} ${os.release()}, DATA_DIR under ${os.tmpdir()})\n\n`);
process.stdout.write(`| measure | result |\n| --- | --- |\n`);
process.stdout.write(`| submit -> 201, ${PARTICIPANTS} at once (x${BURSTS}) | ${summary(http.burst)} |\n`);
process.stdout.write(`| submit -> 201, one at a time | ${summary(http.sequential)} |\n`);
for (const [name, samples] of Object.entries(store)) process.stdout.write(`| store only: ${name} | ${summary(samples)} |\n`);
