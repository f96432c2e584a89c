/**
 * Profiles Clapboard's server (and, for comparison, the reference) under the load of scenarios 1 and 2 with
 * `node --cpu-prof`, and takes heap snapshots (`--heapsnapshot-signal`) of an
 * idle process, of one loaded 10,000-note board, and after that board went
 * idle, of Clapboard and of the reference for comparison. Writes the tables between the
 * `compare:profile` markers of docs/benchmarks-compare.md.
 *
 *   cd server && npx tsx bench/compare/profile.ts
 *
 * COMPARE_PROFILE_PARTS=cpu1,cpu1-reference,cpu2,cpu2-reference,cpu3,cpu3-reference,cold,heap,heap-reference
 * picks what to run (default all; the -reference parts profile the reference
 * server the same way, for comparison). cpu3 is scenario 2's shape at half its
 * rate, 3,000 messages/s: a load both servers carry, where scenarios 1 and 2
 * saturate both, so the two profiles compare the work per message.
 *
 * Profiling slows the server; these runs are for where the time goes, not
 * for the figures of run.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CAPACITY_SHAPE } from './capacity.ts';
import { settings } from './config.ts';
import { GENERATOR_CORE, pin } from './pinning.ts';
import { heapGrowth, mainThreadProfile, summariseCpuProfile, summariseHeapSnapshot, type HeapSummary } from './profileSummary.ts';
import { rssByMapping, rssMiB } from './procStats.ts';
import { BenchSocket } from './clients.ts';
import { table, writeDoc } from './report.ts';
import { seedBoard } from './seedBoard.ts';
import { killAllServers, onServer, SERVER_LABEL, startServer, type BenchServer, type ServerKind } from './servers.ts';
import { fmt, pct } from './stats.ts';
import { MANY_BOARDS, ONE_BOARD, runSteady } from './steadyScenarios.ts';
import { describeShape, type LoadShape } from './steadyLoad.ts';
import { sleep, until } from './time.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');
/** Scenario 2's shape (scenario 3's base) at 3,000 messages/s in. */
const HALF_CAPACITY_RATE: LoadShape = { ...CAPACITY_SHAPE, writerHz: CAPACITY_SHAPE.writerHz / 2, cursorHz: CAPACITY_SHAPE.cursorHz / 2 };
const out: string[] = [];
const emit = (text: string) => {
  process.stdout.write(`${text}\n\n`);
  out.push(text);
};

pin(process.pid, GENERATOR_CORE);

async function cpuProfile(title: string, shape: LoadShape, kind: ServerKind = 'clapboard'): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-cpuprof-'));
  try {
    // The reference has no SIGTERM handler, and --cpu-prof writes only on a normal exit.
    const exitOnSigterm = kind === 'reference' ? ` --import ${pathToFileURL(path.join(import.meta.dirname, 'exitOnSigterm.mjs')).href}` : '';
    const window = await runSteady(kind, shape, { nodeOptions: `--cpu-prof --cpu-prof-dir=${dir}${exitOnSigterm}` });
    const { main, others } = mainThreadProfile(dir, kind === 'clapboard' ? 'src/main.ts' : 'websocket-server/src/server.js');
    if (!main) throw new Error('no main-thread profile written');
    const summary = summariseCpuProfile(main, window.monotonicWindowUs[0], window.monotonicWindowUs[1], 25);
    const workers = others.map((file) => ({ role: fs.readFileSync(file, 'utf8').includes('foldLog') ? 'folder' : 'writer', ...summariseCpuProfile(file, window.monotonicWindowUs[0], window.monotonicWindowUs[1], 5) }));
    emit(
      [
        `### CPU: ${title}, ${SERVER_LABEL[kind]}`,
        '',
        `${describeShape(shape)}; ${settings.measureSeconds} s window, under \`--cpu-prof\`. In the window: ${fmt(window.inbound)} messages in/s, p99 ${fmt(window.all.p99)} ms, server CPU ${pct(window.serverCpu)} of a core (profiler included), main thread busy ${fmt(summary.busyMs)} ms of the window (${pct(1 - summary.idleShare)}).`,
        '',
        'Self time by where the code lives:',
        '',
        table(['area', 'self ms', 'share of busy'], summary.areas.map((area) => [area.name, fmt(area.ms), pct(area.share)])),
        '',
        'Top functions by self time (main thread):',
        '',
        table(['function — file:line', 'self ms', 'share of busy'], summary.functions.map((fn) => [fn.name.replace(/\|/g, '\\|'), fmt(fn.ms), pct(fn.share)])),
        '',
        kind === 'reference'
          ? 'The reference has no worker threads.'
          : workers.length > 0
          ? `SQLite worker threads (server/src/storage/sqliteWorker.mjs; a thread's profile is written only if it exits normally: ${workers.length} of 2 were), sampled busy time in the window / over their whole profile: ${workers.map((worker) => `${worker.role} ${worker.busyMs === 0 && worker.totalBusyMs > 0 ? '— (none of its samples carry times inside the main thread\'s window)' : fmt(worker.busyMs)} / ${fmt(worker.totalBusyMs)} ms (the profile covers ${pct(worker.coverage)} of the window)${worker.functions.length > 0 ? ` (top: ${worker.functions.slice(0, 3).map((fn) => `${fn.name} ${pct(fn.share)}`).join(', ')})` : ''}`).join('; ')}.`
          : 'No worker-thread profiles.',
      ].join('\n'),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function snapshot(server: BenchServer, dir: string): Promise<{ file: string; rss: number; mappings: Array<{ mapping: string; mib: number }> }> {
  const before = new Set(fs.readdirSync(dir));
  const rss = rssMiB(server.pid);
  const mappings = rssByMapping(server.pid, 6);
  server.child.kill('SIGUSR2');
  let file = '';
  await until(() => {
    const added = fs.readdirSync(dir).find((name) => name.endsWith('.heapsnapshot') && !before.has(name));
    if (added) file = path.join(dir, added);
    return file !== '';
  }, 120_000, 'a heap snapshot');
  // Written synchronously by the server; done when the size stops changing.
  let size = -1;
  for (;;) {
    await sleep(500);
    const now = fs.statSync(file).size;
    if (now === size && now > 0) break;
    size = now;
  }
  return { file, rss, mappings };
}

/** Where a cold join's time goes: a board only in SQLite, the first join of a freshly started, profiled process. */
async function coldJoinProfile(): Promise<void> {
  const seeding = await startServer('clapboard');
  const dataDir = seeding.dataDir!;
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-cpuprof-'));
  try {
    const target = await seeding.createBoard('Cold');
    const watcher = await seedBoard(target, settings.notes);
    await watcher.close();
    await seeding.stop({ keepData: true });
    const server = await startServer('clapboard', { dataDir, nodeOptions: `--cpu-prof --cpu-prof-dir=${profileDir}` });
    await sleep(500);
    const from = Number(process.hrtime.bigint() / 1000n);
    const joiner = new BenchSocket(onServer(target, server), null);
    const { ms } = await joiner.synced;
    const to = Number(process.hrtime.bigint() / 1000n);
    await joiner.close();
    await server.stop({ keepData: true });
    const { main } = mainThreadProfile(profileDir, 'src/main.ts');
    if (!main) throw new Error('no main-thread profile written');
    const summary = summariseCpuProfile(main, from, to, 15);
    emit(
      [
        `### CPU: a cold join, Clapboard`,
        '',
        `The first join of a freshly started process to a ${settings.notes.toLocaleString('en')}-note board that is only in SQLite (10 log rows, as scenario 4 leaves it): ${fmt(ms)} ms from sync step 1 to the whole sync step 2 under the profiler; main thread busy ${fmt(summary.busyMs)} ms of it.`,
        '',
        table(['area', 'self ms', 'share of busy'], summary.areas.map((area) => [area.name, fmt(area.ms), pct(area.share)])),
        '',
        table(['function — file:line', 'self ms', 'share of busy'], summary.functions.map((fn) => [fn.name.replace(/\|/g, '\\|'), fmt(fn.ms), pct(fn.share)])),
      ].join('\n'),
    );
  } finally {
    fs.rmSync(profileDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

type HeapStage = 'idle' | 'loaded' | 'after';

/**
 * One heap snapshot of a fresh process at one stage. A process gets only one:
 * writing a snapshot leaves tens of MiB of native memory behind, which would
 * show in the RSS read before the next one.
 */
async function heapStage(kind: ServerKind, stage: HeapStage, idleMs: number): Promise<{ file: string; rss: number; mappings: Array<{ mapping: string; mib: number }>; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-heap-'));
  const server = await startServer(kind, { env: kind === 'clapboard' ? { ROOM_IDLE_MS: String(idleMs) } : {}, nodeOptions: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}` });
  try {
    await sleep(1500);
    if (stage !== 'idle') {
      const target = await server.createBoard('Heap');
      const watcher = await seedBoard(target, settings.notes);
      // A second client joins, as people do: its sync step 2 is what a reply cache holds.
      const joiner = new BenchSocket(target, null);
      await joiner.synced;
      await sleep(2000);
      if (stage === 'after') {
        await joiner.close();
        await watcher.close();
        await sleep(idleMs + 7000);
      }
    }
    return { ...(await snapshot(server, dir)), dir };
  } finally {
    await server.stop({ graceful: false });
  }
}

async function heapProfile(kind: ServerKind): Promise<void> {
  const idleMs = 3000;
  const dirs: string[] = [];
  try {
    const idle = await heapStage(kind, 'idle', idleMs);
    dirs.push(idle.dir);
    const loaded = await heapStage(kind, 'loaded', idleMs);
    dirs.push(loaded.dir);
    const after = await heapStage(kind, 'after', idleMs);
    dirs.push(after.dir);
    const summaries: HeapSummary[] = [idle, loaded, after].map((shot) => summariseHeapSnapshot(shot.file));
    const [a, b, c] = summaries as [HeapSummary, HeapSummary, HeapSummary];
    const growth = heapGrowth(a, b);
    const left = heapGrowth(a, c, 10);
    emit(
      [
        `### Memory: one loaded ${settings.notes.toLocaleString('en')}-note board, ${SERVER_LABEL[kind]} (heap snapshots)`,
        '',
        'Each row is a fresh process with one snapshot (RSS read just before it).',
        '',
        table(
          ['', 'RSS', 'JS heap in the snapshot (live objects, after the full GC a snapshot runs)'],
          [
            ['idle process', `${fmt(idle.rss)} MiB`, `${fmt(a.totalMiB)} MiB`],
            ['one board loaded, two clients (one joined after it was written)', `${fmt(loaded.rss)} MiB`, `${fmt(b.totalMiB)} MiB`],
            [`clients gone, ${(idleMs + 7000) / 1000} s later${kind === 'clapboard' ? ` (ROOM_IDLE_MS=${idleMs})` : ' (the reference keeps the board)'}`, `${fmt(after.rss)} MiB`, `${fmt(c.totalMiB)} MiB`],
          ],
        ),
        '',
        `RSS by mapping (/proc/<pid>/smaps) — idle: ${idle.mappings.map((m) => `${m.mapping} ${fmt(m.mib)}`).join(', ')}; loaded: ${loaded.mappings.map((m) => `${m.mapping} ${fmt(m.mib)}`).join(', ')}; after idle: ${after.mappings.map((m) => `${m.mapping} ${fmt(m.mib)}`).join(', ')} (MiB). ${kind === 'clapboard' ? " The heap snapshot covers the main thread's JS heap only; the two SQLite worker threads (writer, folder: server/src/storage/sqliteWorkerLink.ts) have heaps of their own, counted in RSS." : ''}`,
        '',
        'What the loaded board added, by class (self size, loaded − idle):',
        '',
        table(['class / node type', 'MiB', 'objects'], growth.map((entry) => [entry.name.replace(/\|/g, '\\|'), fmt(entry.mib), entry.count.toLocaleString('en')])),
        '',
        'Largest single objects with the board loaded, and what holds them (heap-snapshot edges):',
        '',
        table(['object', 'MiB', 'held by'], b.largest.map((entry) => [entry.name, fmt(entry.mib), entry.retainers.replace(/\|/g, '\\|') || '—'])),
        '',
        'What is still there after the board went idle (after − idle):',
        '',
        table(['class / node type', 'MiB', 'objects'], left.map((entry) => [entry.name.replace(/\|/g, '\\|'), fmt(entry.mib), entry.count.toLocaleString('en')])),
      ].join('\n'),
    );
  } finally {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  emit(`## Profiles (generated by server/bench/compare/profile.ts, ${new Date().toISOString()}, load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`);
  const parts = new Set((process.env.COMPARE_PROFILE_PARTS ?? 'cpu1,cpu1-reference,cpu2,cpu2-reference,cpu3,cpu3-reference,cold,heap,heap-reference').split(','));
  if (parts.has('cpu1')) await cpuProfile('scenario 1 (one board, 200 clients)', ONE_BOARD);
  if (parts.has('cpu1-reference')) await cpuProfile('scenario 1 (one board, 200 clients)', ONE_BOARD, 'reference');
  if (parts.has('cpu2')) await cpuProfile('scenario 2 (100 boards × 10 clients)', MANY_BOARDS);
  if (parts.has('cpu2-reference')) await cpuProfile('scenario 2 (100 boards × 10 clients)', MANY_BOARDS, 'reference');
  if (parts.has('cpu3')) await cpuProfile('scenario 2 at half rate (100 boards × 10 clients, 3,000 messages/s)', HALF_CAPACITY_RATE);
  if (parts.has('cpu3-reference')) await cpuProfile('scenario 2 at half rate (100 boards × 10 clients, 3,000 messages/s)', HALF_CAPACITY_RATE, 'reference');
  if (parts.has('cold')) await coldJoinProfile();
  if (parts.has('heap')) await heapProfile('clapboard');
  if (parts.has('heap-reference')) await heapProfile('reference');
  writeDoc(path.resolve(REPO, settings.docPath), out.join('\n\n'), 'profile');
}

try {
  await main();
} finally {
  killAllServers();
}
process.exit(0);
