import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NOTE_COLORS, deleteObjects, getObjectText, getObjectsMap, insertObject, readAllObjects, updateObject } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { startTestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { RAISED_LIMITS, envInt, printTable } from './support/report.ts';

const SEEDS = envInt('CHAOS_SEEDS', 30);
const FIRST_SEED = envInt('CHAOS_SEED', 1);
/** Operations per seed, across all clients. */
const OPS = envInt('CHAOS_OPS', 400);
const CLIENTS = envInt('CHAOS_CLIENTS', 4);

type Op = 'insert' | 'move' | 'type' | 'erase' | 'recolor' | 'delete' | 'same note' | 'disconnect' | 'reconnect';

/** Relative frequency of each operation, as in Yjs's own randomized tests. */
const OP_WEIGHTS: Array<[Op, number]> = [
  ['insert', 14],
  ['move', 14],
  ['type', 20],
  ['erase', 8],
  ['recolor', 5],
  ['delete', 5],
  ['same note', 10],
  ['disconnect', 5],
  ['reconnect', 7],
];
const WEIGHT_SUM = OP_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

function pickOp(rng: prng.PRNG): Op {
  let draw = prng.uint32(rng, 0, WEIGHT_SUM - 1);
  for (const [op, weight] of OP_WEIGHTS) {
    if (draw < weight) return op;
    draw -= weight;
  }
  return 'insert';
}

/** Ids this replica has, sorted, so a seed picks the same one whatever the map's order. */
const idsOf = (client: Client) => [...getObjectsMap(client.doc).keys()].sort();

/** Applies one operation to one replica; false if it had nothing to apply it to. */
function apply(op: Op, client: Client, rng: prng.PRNG, newId: () => string): boolean {
  const doc = client.doc;
  const ids = idsOf(client);
  const someId = () => prng.oneOf(rng, ids);
  switch (op) {
    case 'insert':
      insertObject(doc, { id: newId(), type: 'note', x: prng.int32(rng, -2000, 2000), y: prng.int32(rng, -2000, 2000), width: 200, height: 200, z: prng.uint32(rng, 0, 100), frameId: null, color: prng.oneOf(rng, [...NOTE_COLORS]), text: prng.word(rng, 0, 12) });
      return true;
    case 'move':
      if (ids.length === 0) return false;
      updateObject(doc, someId(), { x: prng.int32(rng, -2000, 2000), y: prng.int32(rng, -2000, 2000), z: prng.uint32(rng, 0, 100) });
      return true;
    case 'recolor':
      if (ids.length === 0) return false;
      updateObject(doc, someId(), { color: prng.oneOf(rng, [...NOTE_COLORS]) });
      return true;
    case 'type': {
      const text = ids.length > 0 ? getObjectText(getObjectsMap(doc).get(someId())) : null;
      if (!text) return false;
      text.insert(prng.uint32(rng, 0, text.length), prng.oneOf(rng, [prng.word(rng, 1, 6), ' ', prng.utf16String(rng, 4)]));
      return true;
    }
    case 'erase': {
      const text = ids.length > 0 ? getObjectText(getObjectsMap(doc).get(someId())) : null;
      if (!text || text.length === 0) return false;
      const at = prng.uint32(rng, 0, text.length - 1);
      text.delete(at, prng.uint32(rng, 1, text.length - at));
      return true;
    }
    case 'delete':
      if (ids.length === 0) return false;
      deleteObjects(doc, [someId()]);
      return true;
    default:
      return false;
  }
}

interface SeedResult {
  seed: number;
  ops: number;
  concurrent: number;
  offlineEdits: number;
  disconnects: number;
  objects: number;
  ms: number;
}

/**
 * One seed: CLIENTS real y-websocket clients on one board edit at random,
 * go offline and come back; then every replica, and the board reloaded
 * from storage by a fresh server, must be the same document.
 */
async function convergeSeed(seed: number): Promise<SeedResult> {
  const started = Date.now();
  const rng = prng.create(seed);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-chaos-converge-'));
  const where = `seed ${seed} (CHAOS_SEED=${seed} CHAOS_SEEDS=1)`;
  let server = await startTestServer({ dataDir, env: RAISED_LIMITS });
  const clients: Client[] = [];
  const result: SeedResult = { seed, ops: 0, concurrent: 0, offlineEdits: 0, disconnects: 0, objects: 0, ms: 0 };
  let idCount = 0;
  const newId = () => `s${seed}n${(idCount += 1)}`;
  try {
    const board = await server.createBoard(`Converge ${seed}`);
    for (let index = 0; index < CLIENTS; index += 1) clients.push(await connectSynced(server.syncUrl, board.id, board.tokens.participant));
    const offline = new Set<Client>();

    for (let step = 0; step < OPS; step += 1) {
      const op = pickOp(rng);
      const client = prng.oneOf(rng, clients);
      if (op === 'disconnect') {
        // Always keep one replica online, so the server keeps getting edits.
        if (offline.has(client) || offline.size >= CLIENTS - 1) continue;
        client.provider.disconnect();
        offline.add(client);
        result.disconnects += 1;
      } else if (op === 'reconnect') {
        if (!offline.has(client)) continue;
        client.provider.connect();
        offline.delete(client);
      } else if (op === 'same note') {
        // Several replicas edit one note in the same tick: nobody has seen the others' change.
        const shared = idsOf(clients[0]!).filter((id) => clients.every((other) => getObjectsMap(other.doc).has(id)));
        if (shared.length === 0) continue;
        const id = prng.oneOf(rng, shared);
        for (const editor of clients) {
          if (!prng.bool(rng)) continue;
          const text = getObjectText(getObjectsMap(editor.doc).get(id));
          if (prng.bool(rng) && text) text.insert(prng.uint32(rng, 0, text.length), `[${clients.indexOf(editor)}]`);
          else updateObject(editor.doc, id, { x: prng.int32(rng, -2000, 2000), color: prng.oneOf(rng, [...NOTE_COLORS]) });
          result.concurrent += 1;
        }
      } else if (apply(op, client, rng, newId)) {
        if (offline.has(client)) result.offlineEdits += 1;
      } else {
        continue;
      }
      result.ops += 1;
      // Let the network move a random amount between operations, so
      // messages cross in every order: this paces the schedule, it does not
      // wait for anything to happen.
      const pause = prng.uint32(rng, 0, 9);
      if (pause < 6) for (let tick = 0; tick < pause; tick += 1) await new Promise((resolve) => setImmediate(resolve));
      else await new Promise((resolve) => setTimeout(resolve, pause - 5));
    }

    for (const client of offline) client.provider.connect();
    const reference = clients[0]!;
    await waitFor(
      () => {
        for (const client of clients) {
          expect(client.provider.wsconnected, where).toBe(true);
          expect(Y.encodeStateVector(client.doc), where).toEqual(Y.encodeStateVector(reference.doc));
          expect(JSON.stringify(readAllObjects(client.doc)), where).toBe(JSON.stringify(readAllObjects(reference.doc)));
        }
      },
      { timeout: 30_000 },
    );
    const stateVector = Y.encodeStateVector(reference.doc);
    const objects = JSON.stringify(readAllObjects(reference.doc));
    result.objects = readAllObjects(reference.doc).length;
    for (const client of clients.splice(0)) client.destroy();

    // The stored board: a fresh server loads it from SQLite alone.
    await server.close();
    server = await startTestServer({ dataDir, env: RAISED_LIMITS });
    const reloaded = await connectSynced(server.syncUrl, board.id, board.tokens.observer);
    clients.push(reloaded);
    expect(Y.encodeStateVector(reloaded.doc), `${where}: stored board`).toEqual(stateVector);
    expect(JSON.stringify(readAllObjects(reloaded.doc)), `${where}: stored board`).toBe(objects);
  } finally {
    for (const client of clients) client.destroy();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  result.ms = Date.now() - started;
  return result;
}

/**
 * Randomized editing with disconnects, reconnects and offline edits, over
 * many seeds: every replica and the stored board end equal. See docs/chaos.md.
 */
describe('chaos: replicas converge under random editing and disconnects', () => {
  it(`converges over ${SEEDS} seeds of ${OPS} operations by ${CLIENTS} clients`, { timeout: 20 * 60_000 }, async () => {
    const started = Date.now();
    const results: SeedResult[] = [];
    for (let seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed += 1) results.push(await convergeSeed(seed));
    const total = (key: keyof SeedResult) => results.reduce((sum, result) => sum + result[key], 0);
    printTable(`chaos convergence: ${results.length} seeds, ${total('ops')} operations in ${((Date.now() - started) / 1000).toFixed(1)} s`, [
      ...results.map((result) => ({ ...result })),
      { seed: 'all', ops: total('ops'), concurrent: total('concurrent'), offlineEdits: total('offlineEdits'), disconnects: total('disconnects'), objects: total('objects'), ms: total('ms') },
    ]);
    expect(results).toHaveLength(SEEDS);
    // It tested what it says only if replicas did edit offline and concurrently.
    expect(total('offlineEdits')).toBeGreaterThan(0);
    expect(total('concurrent')).toBeGreaterThan(0);
  });
});
