import * as Y from 'yjs';
import { insertObject } from '@clapboard/shared';
import { BenchSocket } from './clients.ts';
import type { BoardTarget } from './servers.ts';
import { encodeSync, SYNC_UPDATE } from './wire.ts';
import { until } from './time.ts';

const NOTES_PER_UPDATE = 1000;
const cache = new Map<number, { updates: Uint8Array[]; bytes: number }>();

/**
 * A big workshop's board as Yjs updates: `notes` notes, 1,000 per
 * transaction (as server/bench/run.ts seeds it), built once with
 * shared/src's insertObject so both servers get the same valid bytes.
 */
export function boardUpdates(notes: number): { updates: Uint8Array[]; bytes: number } {
  const cached = cache.get(notes);
  if (cached) return cached;
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let start = 0; start < notes; start += NOTES_PER_UPDATE) {
    doc.transact(() => {
      for (let i = start; i < Math.min(notes, start + NOTES_PER_UPDATE); i += 1) {
        insertObject(doc, { type: 'note', x: (i % 100) * 220, y: Math.floor(i / 100) * 220, width: 200, height: 200, z: i, frameId: null, color: 'yellow', text: `Note number ${i}: interpreters at every session` });
      }
    });
  }
  const result = { updates, bytes: Y.encodeStateAsUpdate(doc).byteLength };
  doc.destroy();
  cache.set(notes, result);
  return result;
}

/**
 * Writes the board into a server over one websocket and returns a watcher
 * that stays connected (so the board stays loaded) once it has seen every
 * update relayed: on Clapboard that means every one is durable.
 */
export async function seedBoard(target: BoardTarget, notes: number): Promise<BenchSocket> {
  const { updates } = boardUpdates(notes);
  const watcher = new BenchSocket(target, null);
  const seeder = new BenchSocket(target, null);
  await Promise.all([watcher.synced, seeder.synced]);
  const seen = watcher.updatesSeen;
  for (const update of updates) seeder.send(encodeSync(SYNC_UPDATE, update));
  await until(() => watcher.updatesSeen >= seen + updates.length, 120_000, 'the seeded board to be relayed');
  await seeder.close();
  return watcher;
}
