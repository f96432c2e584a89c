import { BenchSocket, Writer } from './clients.ts';
import { settings } from './config.ts';
import { Ledger } from './ledger.ts';
import { boardUpdates, seedBoard } from './seedBoard.ts';
import { onServer, startServer, type BenchServer, type BoardTarget, type ServerKind } from './servers.ts';
import { median } from './stats.ts';
import { sleep, until } from './time.ts';

/** One run of scenario 4 on one server: join times in ms (medians of `settings.joins` joins). */
export interface JoinResult {
  /** Board in memory, unchanged since the previous join (a server may answer from a cache). */
  loadedUnchanged: number;
  /** Board in memory, just edited (whatever was cached is stale). */
  loadedAfterEdit: number;
  /** Clapboard: first join of a freshly started process, board only in SQLite. */
  coldRestart: number;
  /** Clapboard: the board unloaded after ROOM_IDLE_MS, process warm. */
  coldUnloaded: number;
  /** Size of the sync step 2 answering an empty state vector. */
  replyBytes: number;
}

/** How long Clapboard keeps an idle board in the cold part of this scenario. */
const COLD_IDLE_MS = 1000;

/** A new client: sync step 1 (empty state vector) sent on open → the whole sync step 2 received. */
async function join(target: BoardTarget): Promise<{ ms: number; bytes: number }> {
  const socket = new BenchSocket(target, null);
  const result = await socket.synced;
  await socket.close();
  return result;
}

async function joins(target: BoardTarget, before: () => Promise<void> = async () => {}): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < settings.joins; run += 1) {
    await before();
    const result = await join(target);
    times.push(result.ms);
    bytes = result.bytes;
  }
  return { ms: median(times), bytes };
}

export async function runJoin(kind: ServerKind): Promise<JoinResult> {
  let server: BenchServer = await startServer(kind);
  try {
    const target = await server.createBoard('Join');
    const watcher = await seedBoard(target, settings.notes);
    const writer = new Writer(target, new Ledger());
    await writer.socket.synced;
    writer.createNote(0);
    await until(() => watcher.updatesSeen > 0, 10_000, 'the writer note');
    await sleep(300);
    const unchanged = await joins(target);
    let edits = 0;
    const afterEdit = await joins(target, async () => {
      const seen = watcher.updatesSeen;
      writer.writeText(`edit ${(edits += 1)}`);
      await until(() => watcher.updatesSeen > seen, 10_000, 'the edit to be relayed');
    });
    await writer.socket.close();
    await watcher.close();
    writer.doc.destroy();
    let coldRestart = NaN;
    let coldUnloaded = NaN;
    if (kind === 'clapboard') {
      // The reference keeps boards in memory only: it has no cold case.
      await server.stop({ keepData: true });
      server = await startServer('clapboard', { dataDir: server.dataDir!, env: { ROOM_IDLE_MS: String(COLD_IDLE_MS) } });
      // Let start-up work (JIT, storage threads) finish, as in server/bench/run.ts.
      await sleep(500);
      const moved = onServer(target, server);
      coldRestart = (await join(moved)).ms;
      coldUnloaded = (
        await joins(moved, async () => {
          await sleep(COLD_IDLE_MS + 1000);
        })
      ).ms;
    }
    return { loadedUnchanged: unchanged.ms, loadedAfterEdit: afterEdit.ms, coldRestart, coldUnloaded, replyBytes: unchanged.bytes };
  } finally {
    await server.stop({ graceful: false });
  }
}

export const joinDescription = () =>
  `a board of ${settings.notes.toLocaleString('en')} notes (${(boardUpdates(settings.notes).bytes / 1024 / 1024).toFixed(2)} MiB encoded), written in ${Math.ceil(settings.notes / 1000)} updates of 1,000 notes; a new client's join is timed from the sync step 1 (empty state vector) it sends on open to the last byte of the server's sync step 2; median of ${settings.joins} joins per variant and run`;
