/**
 * What one hostile participant or observer can do to a server (issue #14).
 * Run: `pnpm bench:abuse` from the repo root. Prints one table.
 *
 *   nesting   a participant sends maps nested 12,000 deep under `objects`,
 *             then one update setting a key at every level; meanwhile
 *             /api/health is polled (until 3 s after): its latency, and RSS
 *   pinning   500 boards, each sent a plain GET of its sync route and an
 *             upgrade with a bad Sec-WebSocket-Key; then the rooms still
 *             loaded after twice the idle timeout
 *   pull      two observer sockets on a ~5 MB board ask for the whole board
 *             (sync step 1, empty state vector) as fast as answers arrive,
 *             for 5 s: bytes they received per second, and health latency
 *
 * The server runs in this process (the rooms count is read from it), with
 * its default limits. BENCH_SERVER_DIR points at another checkout's
 * `server/` to measure that one instead (e.g. the commit before a fix).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

const SERVER_DIR = path.resolve(process.env.BENCH_SERVER_DIR ?? path.join(import.meta.dirname, '..'));
const NESTING_DEPTH = 12_000;
const PIN_BOARDS = 500;
const IDLE_MS = 1_000;
const PULL_SECONDS = 5;

interface App {
  close(): Promise<void>;
  rooms: { stats(): { rooms: number; connections: number } };
}

async function startServer(): Promise<{ url: string; app: App }> {
  const { buildApp, listenApp } = await import(path.join(SERVER_DIR, 'src/app.ts'));
  const { loadConfig } = await import(path.join(SERVER_DIR, 'src/config.ts'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-abuse-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ROOM_IDLE_MS: String(IDLE_MS), RATE_CREATE_BOARDS_PER_MINUTE: '1000000', RATE_API_PER_MINUTE: '10000000' });
  const app = (await buildApp({ config })) as App;
  return { url: await listenApp(app, config), app };
}

interface Board {
  id: string;
  participant: string;
  observer: string;
}

async function createBoard(url: string): Promise<Board> {
  const response = await fetch(`${url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Abuse"}' });
  const body = (await response.json()) as { id: string; links: Record<string, string> };
  const token = (role: string) => new URL(body.links[role]!).hash.replace('#token=', '');
  return { id: body.id, participant: token('participant'), observer: token('observer') };
}

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Items written by hand (see tests/support/craftUpdate.ts): one run of one client's clocks. */
function craftRun(client: number, firstClock: number, items: Array<{ parent: string | Y.ID; key: string; content: Y.ContentType | Y.ContentAny }>): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoding.writeVarUint(encoder.restEncoder, items.length);
  encoder.writeClient(client);
  encoding.writeVarUint(encoder.restEncoder, firstClock);
  items.forEach(({ parent, key, content }, index) => {
    const parentRef = parent as unknown as Y.AbstractType<unknown>;
    new Y.Item(Y.createID(client, firstClock + index), null, null, null, null, parentRef, key, content).write(encoder, 0);
  });
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

/** Polls /api/health until `done` resolves; returns latencies in ms. */
async function pollHealth(url: string, done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const latencies: number[] = [];
  while (!finished) {
    const started = performance.now();
    await fetch(`${url}/api/health`);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const closedWithin = (socket: WebSocket, ms: number) =>
  new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve('still open'), ms);
    socket.once('close', (code) => {
      clearTimeout(timer);
      resolve(`closed ${code}`);
    });
  });

async function nesting(url: string): Promise<string[]> {
  const board = await createBoard(url);
  const client = 4242;
  const levels = Array.from({ length: NESTING_DEPTH }, (_, level) => ({
    parent: level === 0 ? 'objects' : Y.createID(client, level - 1),
    key: `k${level}`,
    content: new Y.ContentType(new Y.Map()),
  }));
  const nest = craftRun(client, 0, levels);
  const touch = craftRun(
    client,
    NESTING_DEPTH,
    levels.map((_, level) => ({ parent: Y.createID(client, level), key: 'v', content: new Y.ContentAny([level]) })),
  );
  await fetch(`${url}/api/health`);
  const rssBefore = process.memoryUsage().rss;
  const attack = (async () => {
    const socket = await openSocket(`${url}/sync/${board.id}?token=${board.participant}`);
    const closed = closedWithin(socket, 60_000);
    socket.send(syncMessage(2, nest));
    if (socket.readyState === WebSocket.OPEN) socket.send(syncMessage(2, touch));
    // Wait until the server has dealt with both (it answers a step 1 only after).
    socket.send(syncMessage(0, Y.encodeStateVector(new Y.Doc())));
    const answered = new Promise((resolve) => socket.once('message', resolve));
    const outcome = await Promise.race([closed, answered.then(() => 'applied')]);
    socket.terminate();
    return outcome;
  })();
  // Keep polling a while after: the cost can come after the reply (collecting what was built).
  const latencies = await pollHealth(url, Promise.all([attack, new Promise((resolve) => setTimeout(resolve, 3_000))]));
  return [
    'nesting',
    `${(nest.length / 1024).toFixed(0)} + ${(touch.length / 1024).toFixed(0)} KB: ${await attack}`,
    `health p50 ${percentile(latencies, 50).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(0)} ms (${latencies.length} polls)`,
    `RSS ${mb(rssBefore)} → ${mb(process.memoryUsage().rss)} MB`,
  ];
}

function rawUpgrade(url: string, pathWithQuery: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () =>
      socket.write(
        [`GET ${pathWithQuery} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: bad', '', ''].join('\r\n'),
      ),
    );
    socket.on('data', () => socket.destroy());
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

async function pinning(url: string, app: App): Promise<string[]> {
  const boards: Board[] = [];
  for (let index = 0; index < PIN_BOARDS; index += 1) boards.push(await createBoard(url));
  const rssBefore = process.memoryUsage().rss;
  for (const board of boards) {
    await fetch(`${url}/sync/${board.id}?token=${board.participant}`);
    await rawUpgrade(url, `/sync/${board.id}?token=${board.participant}`);
  }
  const loadedAfterRequests = app.rooms.stats().rooms;
  await new Promise((resolve) => setTimeout(resolve, 2 * IDLE_MS));
  return [
    'pinning',
    `${PIN_BOARDS} boards × (plain GET + bad key)`,
    `rooms loaded: ${loadedAfterRequests} after the requests, ${app.rooms.stats().rooms} after ${(2 * IDLE_MS) / 1000} s idle`,
    `RSS ${mb(rssBefore)} → ${mb(process.memoryUsage().rss)} MB`,
  ];
}

async function pull(url: string): Promise<string[]> {
  const board = await createBoard(url);
  const writer = await openSocket(`${url}/sync/${board.id}?token=${board.participant}`);
  const doc = new Y.Doc();
  const objects = doc.getMap<Y.Map<unknown>>('objects');
  const chunk = 'x'.repeat(19_000);
  for (let index = 0; index < 260; index += 1) {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    doc.on('update', collect);
    doc.transact(() => {
      const map = new Y.Map<unknown>();
      objects.set(`n${index}`, map);
      map.set('type', 'note');
      map.set('text', new Y.Text(chunk));
    });
    doc.off('update', collect);
    writer.send(syncMessage(2, updates[0]!));
  }
  const boardBytes = Y.encodeStateAsUpdate(doc).length;
  // Wait for the writes to be stored: a step 1 is answered only after.
  writer.send(syncMessage(0, Y.encodeStateVector(new Y.Doc())));
  await new Promise((resolve) => writer.on('message', (data: Buffer) => data[1] === 1 && resolve(null)));
  writer.close();

  const empty = syncMessage(0, Y.encodeStateVector(new Y.Doc()));
  let received = 0;
  const outcomes: Array<Promise<string>> = [];
  const started = performance.now();
  const stop = new Promise((resolve) => setTimeout(resolve, PULL_SECONDS * 1000));
  for (let index = 0; index < 2; index += 1) {
    const socket = await openSocket(`${url}/sync/${board.id}?token=${board.observer}`);
    outcomes.push(closedWithin(socket, PULL_SECONDS * 1000 + 500));
    socket.on('message', (data: Buffer) => {
      received += data.length;
      // Ask again as soon as an answer arrives: as fast as the server serves,
      // one request outstanding, so the server's slow-consumer bound
      // (MAX_BUFFERED_BYTES) never cuts it off.
      if (data[0] === 0 && data[1] === 1 && socket.readyState === WebSocket.OPEN) socket.send(empty);
    });
    socket.send(empty);
    void stop.then(() => socket.terminate());
  }
  const latencies = await pollHealth(url, stop);
  const seconds = (performance.now() - started) / 1000;
  return [
    'pull',
    `2 observers, ${mb(boardBytes)} MB board, ${PULL_SECONDS} s: ${(await Promise.all(outcomes)).join(', ')}`,
    `${mb(received / seconds)} MB/s pulled (${mb(received)} MB in all)`,
    `health p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`,
  ];
}

const { url, app } = await startServer();
const rows: string[][] = [];
try {
  const only = process.env.BENCH_ONLY;
  if (!only || only === 'nesting') rows.push(await nesting(url));
  if (!only || only === 'pinning') rows.push(await pinning(url, app));
  if (!only || only === 'pull') rows.push(await pull(url));
} finally {
  await app.close();
}
console.log(`\nserver: ${SERVER_DIR}\n`);
console.log('| attack | what | effect | memory / health |');
console.log('| --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
process.exit(0);
