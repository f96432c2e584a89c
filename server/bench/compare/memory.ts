import type { BenchSocket } from './clients.ts';
import { settings } from './config.ts';
import { rssMiB } from './procStats.ts';
import { seedBoard } from './seedBoard.ts';
import { startServer, type ServerKind } from './servers.ts';
import { sleep } from './time.ts';

/** How long Clapboard keeps a board nobody is connected to, in this scenario. */
export const MEMORY_IDLE_MS = 3000;
/**
 * How long RSS is sampled, once a second, after the last client left. When
 * memory comes back depends on when V8 next collects and when the
 * compaction thread stops: read once at 10 s, it was 597 MiB in one run and
 * 148 MiB at 14 s. So the lowest sample is reported, and when it was seen.
 */
const AFTER_IDLE_WATCH_MS = 30_000;

export interface MemoryResult {
  /** RSS of the started process before any board, MiB. */
  idle: number;
  /** RSS with K boards loaded (one client each), MiB. */
  loaded: number;
  /** (loaded − idle) / K. */
  perBoard: number;
  /** Lowest RSS in the AFTER_IDLE_WATCH_MS after the clients left (Clapboard unloads after ROOM_IDLE_MS), MiB. */
  afterIdle: number;
  /** Seconds after the clients left at which that lowest RSS was first seen. */
  afterIdleAtSeconds: number;
  /** RSS at the end of the watch, MiB. */
  afterIdleLast: number;
}

export async function runMemory(kind: ServerKind): Promise<MemoryResult> {
  const server = await startServer(kind, { env: kind === 'clapboard' ? { ROOM_IDLE_MS: String(MEMORY_IDLE_MS) } : {} });
  try {
    await sleep(1500);
    const idle = rssMiB(server.pid);
    const watchers: BenchSocket[] = [];
    for (let board = 0; board < settings.boards; board += 1) {
      watchers.push(await seedBoard(await server.createBoard(`Memory ${board}`), settings.notes));
    }
    await sleep(2000);
    const loaded = rssMiB(server.pid);
    await Promise.all(watchers.map((watcher) => watcher.close()));
    let afterIdle = Infinity;
    let afterIdleAtSeconds = 0;
    let afterIdleLast = NaN;
    for (let second = 1; second <= AFTER_IDLE_WATCH_MS / 1000; second += 1) {
      await sleep(1000);
      afterIdleLast = rssMiB(server.pid);
      if (afterIdleLast < afterIdle) [afterIdle, afterIdleAtSeconds] = [afterIdleLast, second];
    }
    return { idle, loaded, perBoard: (loaded - idle) / settings.boards, afterIdle, afterIdleAtSeconds, afterIdleLast };
  } finally {
    await server.stop({ graceful: false });
  }
}

export const memoryDescription = () =>
  `K = ${settings.boards} boards of ${settings.notes.toLocaleString('en')} notes each, written over websockets into a fresh process, one client left on each; RSS (VmRSS) before, with them loaded, and every second for ${AFTER_IDLE_WATCH_MS / 1000} s after the last client left, the lowest kept (Clapboard started with ROOM_IDLE_MS=${MEMORY_IDLE_MS}; the reference never unloads a document when it stores nothing: \`closeConn\` in its src/utils.js destroys a document only when persistence is configured)`;
