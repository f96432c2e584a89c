import type { BenchSocket } from './clients.ts';
import { settings } from './config.ts';
import { rssMiB } from './procStats.ts';
import { seedBoard } from './seedBoard.ts';
import { startServer, type ServerKind } from './servers.ts';
import { sleep } from './time.ts';

/** How long Clapboard keeps a board nobody is connected to, in this scenario. */
export const MEMORY_IDLE_MS = 3000;
/** How long after the last client left the "after idle" figure is read. */
const AFTER_IDLE_WAIT_MS = MEMORY_IDLE_MS + 7000;

export interface MemoryResult {
  /** RSS of the started process before any board, MiB. */
  idle: number;
  /** RSS with K boards loaded (one client each), MiB. */
  loaded: number;
  /** (loaded − idle) / K. */
  perBoard: number;
  /** RSS after the clients left and (Clapboard) ROOM_IDLE_MS passed, MiB. */
  afterIdle: number;
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
    await sleep(AFTER_IDLE_WAIT_MS);
    const afterIdle = rssMiB(server.pid);
    return { idle, loaded, perBoard: (loaded - idle) / settings.boards, afterIdle };
  } finally {
    await server.stop({ graceful: false });
  }
}

export const memoryDescription = () =>
  `K = ${settings.boards} boards of ${settings.notes.toLocaleString('en')} notes each, written over websockets into a fresh process, one client left on each; RSS (VmRSS) before, with them loaded, and ${AFTER_IDLE_WAIT_MS / 1000} s after the last client left (Clapboard started with ROOM_IDLE_MS=${MEMORY_IDLE_MS}; the reference never unloads a document when it stores nothing: \`closeConn\` in its src/utils.js destroys a document only when persistence is configured)`;
