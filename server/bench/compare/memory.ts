import type { BenchSocket } from './clients.ts';
import { settings } from './config.ts';
import { rssMiB } from './procStats.ts';
import { seedBoard } from './seedBoard.ts';
import { startServer, type ServerKind } from './servers.ts';
import { sleep } from './time.ts';

/** How long Clapboard keeps a board nobody is connected to, in this scenario. */
export const MEMORY_IDLE_MS = 3000;
/**
 * How long RSS is watched, once a second, at each step: a process's RSS
 * falls when V8 next collects, which depends on allocation and on its memory
 * reducer (Clapboard's idle process: 83 MiB until 10 s, 73 MiB from 16 s;
 * after its boards unloaded, 597 MiB read at 10 s and 148 MiB at 14 s in one
 * run). So each step reports its first reading and the lowest in the watch.
 */
const IDLE_WATCH_MS = 20_000;
const LOADED_WATCH_MS = 30_000;
const AFTER_IDLE_WATCH_MS = 30_000;

/** A step's RSS: read once at the start of the watch, then the lowest of a reading a second. */
export interface RssWatch {
  first: number;
  lowest: number;
  /** Seconds into the watch at which the lowest reading was first seen. */
  lowestAtSeconds: number;
}

export interface MemoryResult {
  /** Before any board: `first` 1.5 s after the process listened, MiB. */
  idle: RssWatch;
  /** K boards loaded, one client each still connected: `first` 2 s after the last was written, MiB. */
  loaded: RssWatch;
  /** (loaded − idle) / K from the first readings. */
  perBoard: number;
  /** (loaded − idle) / K from the lowest readings. */
  perBoardSettled: number;
  /** After the clients left (Clapboard unloads after ROOM_IDLE_MS); `first` 1 s after. */
  afterIdle: RssWatch;
}

export async function runMemory(kind: ServerKind): Promise<MemoryResult> {
  const server = await startServer(kind, { env: kind === 'clapboard' ? { ROOM_IDLE_MS: String(MEMORY_IDLE_MS) } : {} });
  try {
    const idle = await watchRss(server.pid, 1500, IDLE_WATCH_MS);
    const watchers: BenchSocket[] = [];
    for (let board = 0; board < settings.boards; board += 1) {
      watchers.push(await seedBoard(await server.createBoard(`Memory ${board}`), settings.notes));
    }
    const loaded = await watchRss(server.pid, 2000, LOADED_WATCH_MS);
    await Promise.all(watchers.map((watcher) => watcher.close()));
    const afterIdle = await watchRss(server.pid, 1000, AFTER_IDLE_WATCH_MS);
    const perBoard = (from: number, to: number) => (to - from) / settings.boards;
    return { idle, loaded, perBoard: perBoard(idle.first, loaded.first), perBoardSettled: perBoard(idle.lowest, loaded.lowest), afterIdle };
  } finally {
    await server.stop({ graceful: false });
  }
}

/** Waits `firstAfterMs`, reads RSS, then reads it once a second until `watchMs` have passed since then. */
async function watchRss(pid: number, firstAfterMs: number, watchMs: number): Promise<RssWatch> {
  await sleep(firstAfterMs);
  const first = rssMiB(pid);
  const watch: RssWatch = { first, lowest: first, lowestAtSeconds: 0 };
  for (let second = 1; second <= watchMs / 1000; second += 1) {
    await sleep(1000);
    const reading = rssMiB(pid);
    if (reading < watch.lowest) [watch.lowest, watch.lowestAtSeconds] = [reading, second];
  }
  return watch;
}

export const memoryDescription = () =>
  `K = ${settings.boards} boards of ${settings.notes.toLocaleString('en')} notes each, written over websockets into a fresh process, one client left on each; RSS (VmRSS) read 1.5 s after the process listened and then every second for ${IDLE_WATCH_MS / 1000} s; 2 s after the last board was written, with its clients connected, then every second for ${LOADED_WATCH_MS / 1000} s; 1 s after the last client left, then every second for ${AFTER_IDLE_WATCH_MS / 1000} s; each step shows its first reading and its lowest (Clapboard started with ROOM_IDLE_MS=${MEMORY_IDLE_MS}; the reference never unloads a document when it stores nothing: \`closeConn\` in its src/utils.js destroys a document only when persistence is configured)`;
