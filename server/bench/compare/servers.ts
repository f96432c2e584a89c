import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateBoardResponseSchema, parseBoardLink, syncSubprotocols } from '@clapboard/shared';
import { bundleServer } from '../../scripts/bundleServer.mjs';
import { startServerProcess } from '../serverProcess.ts';
import { clapboardBenchEnv } from './config.ts';
import { pin, SERVER_CORE } from './pinning.ts';

export type ServerKind = 'reference' | 'clapboard';
export const SERVER_KINDS: readonly ServerKind[] = ['reference', 'clapboard'];
export const SERVER_LABEL: Record<ServerKind, string> = { reference: 'reference (@y/websocket-server 0.1.1)', clapboard: 'Clapboard' };

/** Where a client of one board connects, and with which subprotocols. */
export interface BoardTarget {
  url: string;
  protocols: string[] | undefined;
}

export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  utilization: number;
}

export interface StartOptions {
  /** Clapboard only: reuse this data directory (a restart); otherwise a fresh temporary one. */
  dataDir?: string;
  /** Extra environment (Clapboard: ROOM_IDLE_MS and the like). */
  env?: Record<string, string>;
  /** Preload the event-loop probe (Clapboard: bench/eventLoopProbe.ts; reference: compare/loopProbe.mjs). */
  probe?: boolean;
  /** Extra node flags before the entry point, space-separated (profiling). */
  nodeOptions?: string;
}

/** One server under test, started as its own process and pinned to the server core. */
export interface BenchServer {
  readonly kind: ServerKind;
  readonly pid: number;
  readonly child: ChildProcess;
  readonly dataDir: string | null;
  /** ws://host:port of this process. */
  readonly wsBase: string;
  createBoard(label: string): Promise<BoardTarget>;
  /** The event-loop probe's figures since the previous call (only when started with `probe`); rejects if it does not answer in 30 s. */
  loopDelay(): Promise<LoopDelay>;
  /**
   * Stops the process: SIGTERM (graceful: Clapboard makes everything durable,
   * compacts and unloads) unless `graceful: false` (SIGKILL, for runs whose
   * data is thrown away). `keepData` leaves Clapboard's data directory for a restart.
   */
  stop(options?: { keepData?: boolean; graceful?: boolean }): Promise<void>;
}

const SERVER_DIR = path.resolve(import.meta.dirname, '../..');
const REFERENCE_SERVER = path.join(SERVER_DIR, 'node_modules/@y/websocket-server/src/server.js');
const REFERENCE_PROBE = pathToFileURL(path.join(import.meta.dirname, 'loopProbe.mjs')).href;

/** Every server started and not yet stopped, so a failing run leaves none behind. */
const running = new Set<ChildProcess>();

export function killAllServers(): void {
  for (const child of running) child.kill('SIGKILL');
}

export async function startServer(kind: ServerKind, options: StartOptions = {}): Promise<BenchServer> {
  return kind === 'clapboard' ? startClapboard(options) : startReference(options);
}

/**
 * How Clapboard runs in the measured scenarios: `bundle` (default) is what
 * `pnpm start` runs (server/scripts/bundleServer.mjs, built once per bench
 * process); `tsx` runs the sources, as profiles always do, since a profile
 * of the bundle cannot name the source files. COMPARE_CLAPBOARD_RUNTIME.
 */
const RUNTIME = process.env.COMPARE_CLAPBOARD_RUNTIME ?? 'bundle';
if (RUNTIME !== 'bundle' && RUNTIME !== 'tsx') throw new Error(`COMPARE_CLAPBOARD_RUNTIME=${RUNTIME}: expected bundle or tsx`);
export const CLAPBOARD_RUNTIME_LABEL = RUNTIME === 'bundle' ? 'the esbuild bundle `pnpm start` runs' : 'its sources under tsx';
let bundled: Promise<string> | null = null;

async function startClapboard(options: StartOptions): Promise<BenchServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-compare-'));
  const env = { ...clapboardBenchEnv, ...options.env };
  let started: { url: string; child: ChildProcess };
  if (options.nodeOptions) {
    // Node 20 refuses --cpu-prof in NODE_OPTIONS, so a profiled server gets its flags on the command line.
    started = await startClapboardWithFlags(dataDir, env, options.probe ? ['./bench/eventLoopProbe.ts'] : [], options.nodeOptions.split(' '));
  } else if (RUNTIME === 'tsx') {
    started = await startServerProcess(dataDir, env, options.probe ? ['./bench/eventLoopProbe.ts'] : []);
  } else {
    bundled ??= bundleServer(fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-compare-bundle-')));
    // The bundle has its own copy of the storage classes, which bench/eventLoopProbe.ts
    // cannot reach; the reference's plain probe measures the event loop the same way.
    started = await startListening(dataDir, env, [...(options.probe ? ['--import', REFERENCE_PROBE] : []), await bundled]);
  }
  const { url, child } = started;
  const wsBase = url.replace(/^http/, 'ws');
  return finishStart('clapboard', child, dataDir, wsBase, async (label) => {
    const response = await fetch(`${url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: label }) });
    if (response.status !== 201) throw new Error(`create board: HTTP ${response.status} ${await response.text()}`);
    const board = CreateBoardResponseSchema.parse(await response.json());
    const token = parseBoardLink(board.links.participant)!.token!;
    return { url: `${wsBase}/sync/${board.id}`, protocols: syncSubprotocols(token) };
  });
}

async function startReference(options: StartOptions): Promise<BenchServer> {
  const port = await freePort();
  const flags = [...(options.probe ? ['--import', REFERENCE_PROBE] : []), ...(options.nodeOptions ? options.nodeOptions.split(' ') : [])];
  const child = spawn(process.execPath, [...flags, REFERENCE_SERVER], {
    cwd: SERVER_DIR,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk;
      if (out.includes('running at')) {
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`reference server exited ${code}`)));
  });
  let boards = 0;
  const wsBase = `ws://127.0.0.1:${port}`;
  return finishStart('reference', child, null, wsBase, async (label) => {
    boards += 1;
    // The reference names a document by the URL path and checks nothing.
    return { url: `${wsBase}/${encodeURIComponent(label)}-${boards}`, protocols: undefined };
  });
}

function finishStart(kind: ServerKind, child: ChildProcess, dataDir: string | null, wsBase: string, createBoard: (label: string) => Promise<BoardTarget>): BenchServer {
  running.add(child);
  child.once('exit', () => running.delete(child));
  // Keep reading its output, so a chatty server never blocks on a full pipe.
  child.stdout!.on('data', () => {});
  pin(child.pid!, SERVER_CORE);
  return {
    kind,
    pid: child.pid!,
    child,
    dataDir,
    wsBase,
    createBoard,
    loopDelay: () => readLoopDelay(child),
    async stop({ keepData = false, graceful = true } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(graceful ? 'SIGTERM' : 'SIGKILL');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      if (dataDir && !keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The same board on another process of the same server (a Clapboard restart on the same data directory). */
export function onServer(target: BoardTarget, server: BenchServer): BoardTarget {
  const { pathname, search } = new URL(target.url);
  return { url: `${server.wsBase}${pathname}${search}`, protocols: target.protocols };
}

/** As server/bench/serverProcess.ts, with node flags before the entry point. */
function startClapboardWithFlags(dataDir: string, env: Record<string, string>, imports: string[], flags: string[]): Promise<{ url: string; child: ChildProcess }> {
  return startListening(dataDir, env, [...flags, '--import', 'tsx', ...imports.flatMap((module) => ['--import', module]), 'src/main.ts']);
}

/** Spawns node with `args` in the server directory and resolves once the server says where it listens. */
async function startListening(dataDir: string, env: Record<string, string>, args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk;
      const match = /open (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        child.stdout!.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { url, child };
}

/** Asks the probe (SIGUSR2) for one `event-loop-delay {json}` line. */
function readLoopDelay(child: ChildProcess): Promise<LoopDelay> {
  return new Promise<LoopDelay>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.stdout!.off('data', onData);
      reject(new Error('no event-loop-delay line from the probe'));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk;
      const match = /event-loop-delay (\{.*\})/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(JSON.parse(match[1]) as LoopDelay);
      }
    };
    child.stdout!.on('data', onData);
    child.kill('SIGUSR2');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
