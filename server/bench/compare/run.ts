/**
 * Side-by-side benchmark of Clapboard's server and the reference y-websocket
 * server (@y/websocket-server 0.1.1), issue #13. Run: `pnpm bench:compare`
 * from the repository root. Every scenario runs against both servers in this
 * one invocation, COMPARE_RUNS times (default 3), alternating which goes
 * first; the tables show medians and are written to docs/benchmarks-compare.md.
 *
 * This process is the load generator (pinned to core 1); each server is a
 * child process pinned to core 0. See config.ts for every knob.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { CAPACITY_SHAPE, CAPACITY_STEPS, runCapacity, type CapacityResult } from './capacity.ts';
import { unexpectedCloses } from './clients.ts';
import { settings } from './config.ts';
import { joinDescription, runJoin, type JoinResult } from './join.ts';
import { memoryDescription, runMemory, type MemoryResult, type RssWatch } from './memory.ts';
import { GENERATOR_CORE, pin, pinning } from './pinning.ts';
import { loadAverage } from './procStats.ts';
import { waitForQuiet } from './quiet.ts';
import { med, mib, ms, pct, sideBySide, table, writeDoc, type Row } from './report.ts';
import { CLAPBOARD_RUNTIME_LABEL, killAllServers, SERVER_KINDS, type ServerKind } from './servers.ts';
import { runSoak, SOAK_SHAPE, soakIntervalSeconds, type SoakResult } from './soak.ts';
import { fmt, median } from './stats.ts';
import { MANY_BOARDS, ONE_BOARD, runSteady, scaled } from './steadyScenarios.ts';
import { describeShape, type LoadShape, type WindowResult } from './steadyLoad.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');
const began = performance.now();
const log = (line: string) => process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

pin(process.pid, GENERATOR_CORE);

const sections: string[] = [];
function emit(section: string): void {
  process.stdout.write(`${section}\n\n`);
  sections.push(section);
}

/** Runs `once` for both servers `runs` times, alternating which one goes first. */
async function alternate<T>(name: string, once: (kind: ServerKind) => Promise<T>, runs = settings.runs): Promise<Record<ServerKind, T[]>> {
  const results: Record<ServerKind, T[]> = { reference: [], clapboard: [] };
  for (let run = 0; run < runs; run += 1) {
    const order: ServerKind[] = run % 2 === 0 ? ['reference', 'clapboard'] : ['clapboard', 'reference'];
    for (const kind of order) {
      const quiet = await waitForQuiet();
      log(`${name}: run ${run + 1}/${runs}, ${kind} (load ${loadAverage()}; other processes ${Math.round(quiet.busy * 100)} % of the busiest core${quiet.waitedSeconds > 1 ? ` after waiting ${quiet.waitedSeconds} s` : ''})`);
      results[kind].push(await once(kind));
    }
  }
  return results;
}

// ---- scenarios 1 and 2: steady load ----

function steadySection(title: string, shape: LoadShape, results: Record<ServerKind, WindowResult[]>): string {
  const kept = (runs: WindowResult[]) => {
    const ok = runs.filter((run) => !run.overloaded);
    return ok.length > 0 ? ok : runs;
  };
  const ref = kept(results.reference);
  const clap = kept(results.clapboard);
  const row = (label: string, pick: (run: WindowResult) => number, format: (value: number) => string, noRatio = false): Row => ({ label, reference: med(ref, pick), clapboard: med(clap, pick), format, noRatio });
  const keptText = (kind: ServerKind, runs: WindowResult[]) => {
    const all = results[kind];
    const ok = all.filter((run) => !run.overloaded).length;
    return ok === 0 ? `0 of ${all.length} ⚠ generator overloaded in every run: figures shown are of those runs and are not valid` : `${ok} of ${all.length}`;
  };
  const perRun = (kind: ServerKind) =>
    results[kind].map((run) => `p99 ${fmt(run.all.p99)} ms, CPU ${pct(run.serverCpu)}, generator ${pct(run.generatorCpu)}, other load on server core ${pct(run.foreignLoad)}${run.overloaded ? ' (thrown out: generator overloaded)' : ''}${run.closes ? `, closed: ${run.closes}` : ''}`).join('; ');
  const rows: Row[] = [
    row('messages in per second (sent on schedule)', (run) => run.inbound, (value) => fmt(value)),
    row('messages relayed per second (deliveries ÷ fan-out)', (run) => run.relayed, (value) => fmt(value)),
    row('edit latency p50', (run) => run.edit.p50, ms),
    row('edit latency p99', (run) => run.edit.p99, ms),
    row('cursor latency p50', (run) => run.cursor.p50, ms),
    row('cursor latency p99', (run) => run.cursor.p99, ms),
    row('all messages p99', (run) => run.all.p99, ms),
    row('deliveries that arrived', (run) => run.delivered, (value) => `${(value * 100).toFixed(2)} %`, true),
    row('server CPU (% of one core)', (run) => run.serverCpu, pct),
    row('server CPU-ms per 1,000 messages in', (run) => run.serverCpuPer1k, (value) => fmt(value, ' ms')),
    row('server CPU-ms per 1,000 messages relayed', (run) => run.serverCpuPerRelayed1k, (value) => fmt(value, ' ms')),
    row('server RSS at the end of the window', (run) => run.serverRss, mib),
    row('load generator CPU (% of its core)', (run) => run.generatorCpu, pct, true),
    row('load generator: send lag p99', (run) => run.sendLagP99, ms, true),
    row("other processes' load on the server's core", (run) => run.foreignLoad, pct, true),
    { label: 'runs kept', reference: NaN, clapboard: NaN, noRatio: true, referenceText: keptText('reference', ref), clapboardText: keptText('clapboard', clap) },
  ];
  return [
    `### ${title}`,
    '',
    `${describeShape(shape)}. Warm-up ${settings.warmupSeconds} s, measured ${settings.measureSeconds} s, median of the runs kept. Latency counts a delivery that had not arrived 3 s after the window as infinitely late: ∞ at p99 means more than 1 % were that late or lost, i.e. the server had fallen behind the schedule.`,
    '',
    sideBySide(rows),
    '',
    `Per run — reference: ${perRun('reference')}.`,
    '',
    `Per run — Clapboard: ${perRun('clapboard')}.`,
  ].join('\n');
}

// ---- scenario 3: capacity ----

function capacitySection(results: Record<ServerKind, CapacityResult[]>): string {
  const at12k = (run: CapacityResult) => run.steps.find((step) => step.target === 12000)?.window.all.p99 ?? NaN;
  const lastPassing = (run: CapacityResult) => [...run.steps].reverse().find((step) => step.passed);
  const rows: Row[] = [
    { label: `largest inbound rate with p99 < ${settings.capacityP99Ms} ms (messages/s)`, reference: med(results.reference, (run) => run.sustained), clapboard: med(results.clapboard, (run) => run.sustained), format: (value) => (value === 0 ? `< ${CAPACITY_STEPS[0]!.toLocaleString('en')}` : fmt(value)) },
    { label: 'p99 at the 12,000/s step', reference: med(results.reference, at12k), clapboard: med(results.clapboard, at12k), format: ms },
    { label: 'server CPU at the last step passed', reference: med(results.reference, (run) => lastPassing(run)?.window.serverCpu ?? NaN), clapboard: med(results.clapboard, (run) => lastPassing(run)?.window.serverCpu ?? NaN), format: pct },
    { label: 'server CPU-ms per 1,000 messages at that step', reference: med(results.reference, (run) => lastPassing(run)?.window.serverCpuPer1k ?? NaN), clapboard: med(results.clapboard, (run) => lastPassing(run)?.window.serverCpuPer1k ?? NaN), format: (value) => fmt(value, ' ms') },
  ];
  const stepRows = CAPACITY_STEPS.filter((target) => SERVER_KINDS.some((kind) => results[kind].some((run) => run.steps.some((step) => step.target === target)))).map((target) => {
    const cells = SERVER_KINDS.flatMap((kind) => {
      const windows = results[kind].flatMap((run) => run.steps.filter((step) => step.target === target).map((step) => step.window));
      if (windows.length === 0) return ['—', '—', '—', '—'];
      const p99 = (pick: (w: WindowResult) => number) => fmt(median(windows.map(pick)));
      return [`${p99((w) => w.all.p99)} ms (edits ${p99((w) => w.edit.p99)}, cursors ${p99((w) => w.cursor.p99)}; ${windows.length} run${windows.length > 1 ? 's' : ''})`, fmt(median(windows.map((w) => w.relayed))), pct(median(windows.map((w) => w.serverCpu))), pct(median(windows.map((w) => w.generatorCpu)))];
    });
    return [target.toLocaleString('en'), ...cells];
  });
  const stopped = (kind: ServerKind) => results[kind].map((run, index) => `run ${index + 1}: ${run.stoppedBy}`).join('; ');
  return [
    `### 3. Largest inbound rate with p99 < ${settings.capacityP99Ms} ms`,
    '',
    `Shape of scenario 2 (${CAPACITY_SHAPE.boards} boards × ${CAPACITY_SHAPE.clientsPerBoard} clients, per board ${CAPACITY_SHAPE.writersPerBoard} writers and ${CAPACITY_SHAPE.cursorsPerBoard} cursor senders, cursors at twice the writers' rate, every message relayed to 9 clients), every sender's rate scaled up step by step on the same connections: ${CAPACITY_STEPS.map((step) => step.toLocaleString('en')).join(', ')} messages in/s, each step ${settings.stepWarmupSeconds} s warm-up + ${settings.stepSeconds} s measured. A step passes with p99 (all messages) < ${settings.capacityP99Ms} ms, ≥ 99.9 % delivered, no connection closed and the generator under ${Math.round(settings.generatorCpuLimit * 100)} % of its core; the search stops at the first step that does not. Median over ${settings.runs} runs.`,
    '',
    sideBySide(rows),
    '',
    table(['messages in/s', 'reference p99', 'reference relayed/s', 'reference CPU', 'generator CPU', 'Clapboard p99', 'Clapboard relayed/s', 'Clapboard CPU', 'generator CPU'], stepRows),
    '',
    `Stopped — reference: ${stopped('reference')}. Clapboard: ${stopped('clapboard')}.`,
  ].join('\n');
}

// ---- scenario 4: join ----

function joinSection(results: Record<ServerKind, JoinResult[]>): string {
  const rows: Row[] = [
    { label: 'loaded, unchanged since the previous join', reference: med(results.reference, (run) => run.loadedUnchanged), clapboard: med(results.clapboard, (run) => run.loadedUnchanged), format: ms },
    { label: 'loaded, just edited (nothing cached can be reused)', reference: med(results.reference, (run) => run.loadedAfterEdit), clapboard: med(results.clapboard, (run) => run.loadedAfterEdit), format: ms },
    { label: 'cold: first join after a restart (board only in SQLite)', reference: NaN, clapboard: med(results.clapboard, (run) => run.coldRestart), format: ms, noRatio: true, referenceText: 'n/a (stores nothing)' },
    { label: 'cold: board unloaded after ROOM_IDLE_MS, process warm', reference: NaN, clapboard: med(results.clapboard, (run) => run.coldUnloaded), format: ms, noRatio: true, referenceText: 'n/a (never unloads)' },
    { label: 'size of the sync step 2', reference: med(results.reference, (run) => run.replyBytes / 1024 / 1024), clapboard: med(results.clapboard, (run) => run.replyBytes / 1024 / 1024), format: mib },
  ];
  return ['### 4. Joining a 10,000-note board', '', `${joinDescription()}.`, '', sideBySide(rows)].join('\n');
}

// ---- scenario 5: memory ----

/** A memory step's rows: its first reading, its lowest, and when that was seen. */
function watchRows(step: string, since: string, results: Record<ServerKind, MemoryResult[]>, of: (run: MemoryResult) => RssWatch): Row[] {
  const value = (pick: (watch: RssWatch) => number) => ({ reference: med(results.reference, (run) => pick(of(run))), clapboard: med(results.clapboard, (run) => pick(of(run))) });
  return [
    { label: `${step}: first reading`, ...value((watch) => watch.first), format: mib },
    { label: `${step}: lowest in the watch`, ...value((watch) => watch.lowest), format: mib },
    { label: `${step}: seconds (${since}) it was first seen`, ...value((watch) => watch.lowestAtSeconds), format: (seconds) => fmt(seconds, ' s'), noRatio: true },
  ];
}

function memorySection(results: Record<ServerKind, MemoryResult[]>): string {
  const rows: Row[] = [
    ...watchRows('idle process (no board)', 'since 1.5 s after it listened', results, (run) => run.idle),
    ...watchRows(`with ${settings.boards} boards loaded, a client on each`, 'since 2 s after the last was written', results, (run) => run.loaded),
    { label: 'per loaded board, from the first readings', reference: med(results.reference, (run) => run.perBoard), clapboard: med(results.clapboard, (run) => run.perBoard), format: mib },
    { label: 'per loaded board, from the lowest readings', reference: med(results.reference, (run) => run.perBoardSettled), clapboard: med(results.clapboard, (run) => run.perBoardSettled), format: mib },
    ...watchRows('after every client left', 'since 1 s after', results, (run) => run.afterIdle),
  ];
  return [`### 5. Memory of ${settings.boards} loaded 10,000-note boards`, '', `${memoryDescription()}. Median over ${settings.runs} runs.`, '', sideBySide(rows)].join('\n');
}

// ---- scenario 6: soak ----

function soakSection(results: Record<ServerKind, SoakResult[]>): string {
  const ref = results.reference[0]!;
  const clap = results.clapboard[0]!;
  const maxLoop = (run: SoakResult) => {
    const answered = run.samples.map((sample) => sample.loop.p99).filter((value) => !Number.isNaN(value));
    return answered.length > 0 ? Math.max(...answered) : NaN;
  };
  const rows: Row[] = [
    { label: 'RSS at the first sample', reference: ref.rssFirst, clapboard: clap.rssFirst, format: mib },
    { label: 'RSS at the last sample', reference: ref.rssLast, clapboard: clap.rssLast, format: mib },
    { label: 'RSS slope (least squares)', reference: ref.rssSlope, clapboard: clap.rssSlope, format: (value) => fmt(value, ' MiB/min'), noRatio: true },
    { label: 'server event-loop delay p99, worst sample', reference: maxLoop(ref), clapboard: maxLoop(clap), format: ms },
    { label: 'message latency p99 over the soak', reference: ref.window.all.p99, clapboard: clap.window.all.p99, format: ms },
    { label: 'deliveries that arrived', reference: ref.window.delivered, clapboard: clap.window.delivered, format: (value) => `${(value * 100).toFixed(2)} %`, noRatio: true },
    { label: 'server CPU (% of one core)', reference: ref.window.serverCpu, clapboard: clap.window.serverCpu, format: pct },
    { label: "other processes' load on the server's core", reference: ref.window.foreignLoad, clapboard: clap.window.foreignLoad, format: pct, noRatio: true },
  ];
  const times = clap.samples.length >= ref.samples.length ? clap.samples : ref.samples;
  const sampleRows = times.map((_, index) => {
    const cells = [ref, clap].flatMap((run) => {
      const sample = run.samples[index];
      return sample ? [fmt(sample.rss), fmt(sample.loop.p99), fmt(sample.loop.max), fmt(sample.p99), fmt(sample.inbound)] : ['', '', '', '', ''];
    });
    return [String(Math.round(times[index]!.atSeconds)), ...cells];
  });
  return [
    `### 6. Soak: ${settings.soakSeconds} s`,
    '',
    `Scenario 2's load (${describeShape(SOAK_SHAPE)}) for ${settings.soakSeconds} s, one run per server, sampled every ${soakIntervalSeconds()} s: RSS, the server's event-loop delay since the probe's previous answer ("—": it had not answered the previous request yet) (a probe preloaded with \`node --import\` into both: server/bench/compare/loopProbe.mjs, plain JavaScript, into the reference and the bundled Clapboard; server/bench/eventLoopProbe.ts into Clapboard run from its sources) and message latency. The issue's 10-minute soak: \`COMPARE_SOAK_SECONDS=600\`.`,
    '',
    sideBySide(rows),
    '',
    table(['t (s)', 'ref RSS MiB', 'ref loop p99 ms', 'ref loop max ms', 'ref msg p99 ms', 'ref msgs in/s', 'Clapboard RSS MiB', 'Clapboard loop p99 ms', 'Clapboard loop max ms', 'Clapboard msg p99 ms', 'Clapboard msgs in/s'], sampleRows),
  ].join('\n');
}

// ---- the run ----

function machine(): string[] {
  const others = (() => {
    try {
      const lines = execFileSync('ps', ['-eo', 'pcpu=,args=', '--sort=-pcpu'], { encoding: 'utf8' }).trim().split('\n').slice(0, 8);
      return lines
        .map((line) => line.trim())
        .filter((line) => !line.includes('ps -eo') && !line.includes('bench/compare/run.ts'))
        .slice(0, 5)
        .map((line) => {
          const [cpu, ...args] = line.split(/\s+/);
          return `${cpu} % ${args.join(' ').replace(/\/\S*node_modules\/\S*\//g, '…/').slice(0, 90)}`;
        });
    } catch {
      return ['(ps failed)'];
    }
  })();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
  } catch {}
  return [
    `- Date: ${new Date().toISOString()}; commit ${commit} (with whatever the working tree held).`,
    `- Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}.`,
    `- Load average at start: **${loadAverage()}**. Busiest processes at start (the machine is shared): ${others.join('; ')}.`,
    `- Pinning: ${pinning.reason}.`,
    `- Clapboard runs as ${CLAPBOARD_RUNTIME_LABEL} (COMPARE_CLAPBOARD_RUNTIME=bundle|tsx). SQLite synchronous=${process.env.SQLITE_SYNCHRONOUS ?? 'FULL'} (durable), rate and connection limits raised by environment (server/bench/compare/config.ts). Reference: \`node node_modules/@y/websocket-server/src/server.js\` with HOST/PORT, no persistence (YPERSISTENCE unset), in memory only.`,
    `- Settings: COMPARE_RUNS=${settings.runs}, COMPARE_K=${settings.boards}, COMPARE_SOAK_SECONDS=${settings.soakSeconds}, COMPARE_MEASURE_SECONDS=${settings.measureSeconds}, COMPARE_RATE_SCALE=${settings.rateScale}, scenarios ${[...settings.scenarios].join(',')}.`,
  ];
}

async function main(): Promise<void> {
  const header = ['## Results', '', ...machine()];
  emit(header.join('\n'));
  const docPath = path.resolve(REPO, settings.docPath);
  const save = () => writeDoc(docPath, `${sections.join('\n\n')}\n\n- Load average at the end: ${loadAverage()}; total ${((performance.now() - began) / 60000).toFixed(1)} min.`);
  const scenario = async (number: number, name: string, body: () => Promise<string>) => {
    if (!settings.scenarios.has(number)) return;
    const started = performance.now();
    const loadAtStart = loadAverage();
    try {
      emit(`${await body()}\n\nLoad average at the start of this scenario: ${loadAtStart}.`);
    } catch (error) {
      emit(`### ${number}. ${name}\n\nFailed: ${error instanceof Error ? error.message : String(error)}`);
      log(`scenario ${number} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    log(`scenario ${number} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
    save();
  };
  const oneBoard = scaled(ONE_BOARD);
  const manyBoards = scaled(MANY_BOARDS);
  const scaleNote = settings.rateScale === 1 ? '' : ` (rates × ${settings.rateScale}, COMPARE_RATE_SCALE)`;
  await scenario(1, 'One board, 200 clients', async () => steadySection(`1. One board, 200 clients${scaleNote}`, oneBoard, await alternate('scenario 1', (kind) => runSteady(kind, oneBoard))));
  await scenario(2, '100 boards × 10 clients', async () => steadySection(`2. 100 boards × 10 clients${scaleNote}`, manyBoards, await alternate('scenario 2', (kind) => runSteady(kind, manyBoards))));
  await scenario(3, 'Capacity', async () => capacitySection(await alternate('scenario 3', runCapacity)));
  await scenario(4, 'Join', async () => joinSection(await alternate('scenario 4', runJoin)));
  await scenario(5, 'Memory', async () => memorySection(await alternate('scenario 5', runMemory)));
  await scenario(6, 'Soak', async () => soakSection(await alternate('scenario 6', runSoak, 1)));
  if (unexpectedCloses.size > 0) emit(`Connections closed by a server during the run: ${[...unexpectedCloses].map(([code, count]) => `${count}× ${code}`).join(', ')}.`);
  save();
  log(`done; written to ${path.relative(REPO, docPath)}`);
}

try {
  await main();
} finally {
  killAllServers();
}
process.exit(0);
