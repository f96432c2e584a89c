/**
 * Server benchmarks (issue #2). Run: `pnpm bench` from the repo root.
 * Starts the real server as a child process on a free port with a temp
 * SQLite directory, drives it with stock y-websocket clients, prints a table.
 *
 *   sync-10k    time for a new client to receive a 10,000-note board
 *               (cold: board loaded from SQLite; warm: board already in memory)
 *   rss         server RSS before and with that board loaded
 *   latency     edit -> durable -> relayed, seen by another client, with
 *               50 clients each writing 10 edits/s; the server relays only
 *               after the commit, so this bounds edit-to-durable from above.
 *               All 51 clients live in this process, so its own event loop
 *               delay is reported next to the server's (eventLoopProbe.ts):
 *               a tail the server did not cause shows up there.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SqliteBoardStore } from '../src/storage/SqliteBoardStore.ts';
import { startServerProcess } from './serverProcess.ts';
import { CreateBoardResponseSchema, getObjectsMap, insertObject, parseBoardLink, updateObject } from '@clapboard/shared';

const NOTES = Number(process.env.BENCH_NOTES ?? 10_000);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 50);
const EDITS_PER_SECOND = 10;
const LATENCY_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SYNC_RUNS = 5;

interface Server {
  url: string;
  child: ChildProcess;
}

/** Every server started and not exited, so a failed run does not leave one behind. */
const started = new Set<Server>();

async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<Server> {
  const server = await startServerProcess(dataDir, { ROOM_IDLE_MS: '600000', ...env }, ['./bench/eventLoopProbe.ts']);
  const { child } = server;
  started.add(server);
  child.once('exit', () => started.delete(server));
  return server;
}

interface LoopDelay {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Share of the time the event loop was busy (event loop utilization, 0..1). */
  utilization: number;
  /** appendUpdate called → durable, in the server, ms. */
  durable: { count: number; p50: number; p99: number; max: number };
}

/** How long the server's event loop was blocked since the previous call (see eventLoopProbe.ts). */
async function serverLoopDelay(server: Server): Promise<LoopDelay> {
  const stats = new Promise<LoopDelay>((resolve) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk;
      const match = /event-loop-delay (\{.*\})/.exec(out);
      if (match?.[1]) {
        server.child.stdout!.off('data', onData);
        resolve(JSON.parse(match[1]) as LoopDelay);
      }
    };
    server.child.stdout!.on('data', onData);
  });
  server.child.kill('SIGUSR2');
  return stats;
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

function connect(server: Server, room: string, token: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, provider, synced };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const median = (values: number[]) => percentile(values, 50);
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function until(check: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('benchmark timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Creates a board and seeds it with NOTES notes, 1000 per transaction, as a big workshop would over time. */
async function seedBoard(dataDir: string) {
  const server = await startServer(dataDir);
  const board = await createBoard(server, 'Bench');
  const token = parseBoardLink(board.links.participant)!.token!;
  const seeder = connect(server, board.id, token);
  await seeder.synced;
  for (let start = 0; start < NOTES; start += 1000) {
    seeder.doc.transact(() => {
      for (let i = start; i < Math.min(NOTES, start + 1000); i += 1) {
        insertObject(seeder.doc, { type: 'note', x: (i % 100) * 220, y: Math.floor(i / 100) * 220, width: 200, height: 200, z: i, frameId: null, color: 'yellow', text: `Note number ${i}: interpreters at every session` });
      }
    });
  }
  const watcher = connect(server, board.id, token);
  await watcher.synced;
  await until(() => getObjectsMap(watcher.doc).size === NOTES);
  const updateBytes = Y.encodeStateAsUpdate(seeder.doc).byteLength;
  seeder.provider.destroy();
  watcher.provider.destroy();
  seeder.doc.destroy();
  watcher.doc.destroy();
  await stopServer(server);
  return { board, token, updateBytes };
}

/**
 * Server side alone: what the server does for a new client — read storage
 * and replay it into a Y.Doc (cold only), then encode the diff against an
 * empty state vector.
 */
async function measureServerSide(dataDir: string, boardId: string, rows: Array<[string, string]>): Promise<void> {
  const store = new SqliteBoardStore({ filename: path.join(dataDir, 'clapboard.sqlite') });
  // Let the store's threads finish starting, as they would have in a running server.
  await new Promise((resolve) => setTimeout(resolve, 300));
  let t = performance.now();
  const stored = await store.loadDocument({ boardId, doc: 'content' });
  const readMs = performance.now() - t;
  t = performance.now();
  const serverDoc = new Y.Doc();
  serverDoc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(serverDoc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(serverDoc, update);
  });
  const replayMs = performance.now() - t;
  await store.close();
  const encodeRuns: number[] = [];
  const emptyVector = Y.encodeStateVector(new Y.Doc());
  for (let run = 0; run < SYNC_RUNS; run += 1) {
    t = performance.now();
    Y.encodeStateAsUpdate(serverDoc, emptyVector);
    encodeRuns.push(performance.now() - t);
  }
  serverDoc.destroy();
  rows.push([
    `server side: load ${NOTES}-note board from SQLite (${stored.updates.length} log rows${stored.snapshot ? ' + snapshot' : ''}): read + replay`,
    `${fmt(readMs + replayMs)} ms (${fmt(readMs)} + ${fmt(replayMs)})`,
  ]);
  rows.push([`server side: encode sync reply for a new client (median of ${SYNC_RUNS})`, `${fmt(median(encodeRuns))} ms`]);
}

/** Cold: fresh process, board loaded from SQLite when the client connects; then warm. The clients' docs are dropped after. */
async function measureSync(server: Server, boardId: string, token: string, rows: Array<[string, string]>): Promise<void> {
  const baselineRss = rssMiB(server.child.pid!);
  let t = performance.now();
  const cold = connect(server, boardId, token);
  await cold.synced;
  const coldMs = performance.now() - t;
  if (getObjectsMap(cold.doc).size !== NOTES) throw new Error('cold client did not receive every note');
  const loadedRss = rssMiB(server.child.pid!);
  const warmRuns: number[] = [];
  for (let run = 0; run < SYNC_RUNS; run += 1) {
    t = performance.now();
    const warm = connect(server, boardId, token);
    await warm.synced;
    warmRuns.push(performance.now() - t);
    if (getObjectsMap(warm.doc).size !== NOTES) throw new Error('warm client did not receive every note');
    warm.provider.destroy();
    warm.doc.destroy();
  }
  cold.provider.destroy();
  cold.doc.destroy();
  rows.push([`client-observed: connect → synced, ${NOTES} notes, cold (board not in memory)`, `${fmt(coldMs)} ms`]);
  rows.push([`client-observed: connect → synced, warm (median of ${SYNC_RUNS})`, `${fmt(median(warmRuns))} ms`]);
  rows.push([`server RSS idle / with the board loaded`, `${fmt(baselineRss)} / ${fmt(rssMiB(server.child.pid!))} MiB (after first sync: ${fmt(loadedRss)} MiB)`]);
}

/** Latency under WRITERS writing clients, on a fresh board, with the 10k-note board still loaded in the server. */
async function measureLatency(server: Server, rows: Array<[string, string]>): Promise<void> {
  const latencyBoard = await createBoard(server, 'Latency');
  const latencyToken = parseBoardLink(latencyBoard.links.participant)!.token!;
  const observer = connect(server, latencyBoard.id, latencyToken);
  await observer.synced;
  // Each y-websocket provider adds a process 'exit' listener; this process holds WRITERS + 1 of them at once.
  process.setMaxListeners(Math.max(process.getMaxListeners(), WRITERS + 10));
  const writers = Array.from({ length: WRITERS }, () => connect(server, latencyBoard.id, latencyToken));
  await Promise.all(writers.map((writer) => writer.synced));
  const noteIds = writers.map((writer, index) => insertObject(writer.doc, { type: 'note', x: 0, y: index * 10, width: 200, height: 200, z: index, frameId: null, color: 'blue', text: '' }));
  await until(() => noteIds.every((id) => getObjectsMap(observer.doc).has(id)));

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  getObjectsMap(observer.doc).observeDeep((events) => {
    const now = performance.now();
    for (const event of events) {
      if (!(event.target instanceof Y.Map) || event.target === getObjectsMap(observer.doc)) continue;
      const x = event.target.get('x');
      const id = (event.target as Y.Map<unknown>)._item?.parentSub;
      const sent = sentAt.get(`${id}:${x}`);
      if (sent !== undefined) {
        latencies.push(now - sent);
        sentAt.delete(`${id}:${x}`);
      }
    }
  });
  const rssBefore = rssMiB(server.child.pid!);
  await serverLoopDelay(server);
  const benchLoop = monitorEventLoopDelay({ resolution: 1 });
  benchLoop.enable();
  const totalEdits = WRITERS * EDITS_PER_SECOND * LATENCY_SECONDS;
  const intervalMs = 1000 / (WRITERS * EDITS_PER_SECOND);
  const startedAt = performance.now();
  for (let edit = 0; edit < totalEdits; edit += 1) {
    const target = startedAt + edit * intervalMs;
    const wait = target - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const index = edit % WRITERS;
    const x = Math.floor(edit / WRITERS) + 1;
    sentAt.set(`${noteIds[index]}:${x}`, performance.now());
    updateObject(writers[index]!.doc, noteIds[index]!, { x });
  }
  await until(() => latencies.length >= totalEdits, 60_000);
  const elapsed = (performance.now() - startedAt) / 1000;
  const serverLoop = await serverLoopDelay(server);
  benchLoop.disable();
  const loopMs = (ns: number) => ns / 1e6;
  rows.push([`edit → durable → relayed, ${WRITERS} writers × ${EDITS_PER_SECOND}/s, p50`, `${fmt(percentile(latencies, 50))} ms`]);
  rows.push([`… p95`, `${fmt(percentile(latencies, 95))} ms`]);
  rows.push([`… p99 / max`, `${fmt(percentile(latencies, 99))} / ${fmt(Math.max(...latencies))} ms`]);
  rows.push([`… edits measured, throughput`, `${latencies.length}, ${fmt(latencies.length / elapsed)} edits/s`]);
  rows.push([`… server side: append → durable, p50 / p99 / max`, `${fmt(serverLoop.durable.p50)} / ${fmt(serverLoop.durable.p99)} / ${fmt(serverLoop.durable.max)} ms (${serverLoop.durable.count} appends)`]);
  rows.push([`… server event loop: delay p50 / p99 / max, busy`, `${fmt(serverLoop.p50)} / ${fmt(serverLoop.p99)} / ${fmt(serverLoop.max)} ms, ${Math.round(serverLoop.utilization * 100)}%`]);
  rows.push([`… bench (client) process event loop delay p50 / p99 / max`, `${fmt(loopMs(benchLoop.percentile(50)))} / ${fmt(loopMs(benchLoop.percentile(99)))} / ${fmt(loopMs(benchLoop.max))} ms`]);
  rows.push([`server RSS during latency run`, `${fmt(rssBefore)} → ${fmt(rssMiB(server.child.pid!))} MiB`]);

  for (const writer of writers) writer.provider.destroy();
  observer.provider.destroy();
}

async function createBoard(server: Server, title: string) {
  const response = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
  if (response.status !== 201) throw new Error(`create board: HTTP ${response.status} ${await response.text()}`);
  return CreateBoardResponseSchema.parse(await response.json());
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-bench-'));
  try {
    const rows: Array<[string, string]> = [];
    const { board, token, updateBytes } = await seedBoard(dataDir);
    await measureServerSide(dataDir, board.id, rows);
    const server = await startServer(dataDir);
    // A server is not hit the instant it starts; let start-up work (JIT, storage threads) finish.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await measureSync(server, board.id, token, rows);
    rows.push([`document size (encoded state)`, `${(updateBytes / 1024 / 1024).toFixed(2)} MiB`]);
    await measureLatency(server, rows);
    await stopServer(server);

    const sync = process.env.SQLITE_SYNCHRONOUS ?? 'FULL';
    console.log(`\nClapboard server benchmark — ${os.cpus().length} cores, Node ${process.version}, SQLite synchronous=${sync}\n`);
    console.log('| measure | result |');
    console.log('| --- | --- |');
    for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
  } finally {
    for (const server of started) server.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
// y-websocket leaves reconnect timers behind in Node; the work is done.
process.exit(0);
