/**
 * Cost of the write-scope check (src/sync/updateScope.ts), which runs on every
 * client update before Yjs applies it. Run: `npx tsx bench/updateScope.ts`
 * in server/. Prints, per kind of update, the median time of the check and of
 * Y.applyUpdate for the same update, so the check's share is visible.
 */
import * as Y from 'yjs';
import {
  CLIENT_WRITABLE_CONTENT_ROOTS,
  CURRENT_SCHEMA_VERSION,
  getMetaMap,
  getObjectText,
  getObjectsMap,
  insertObject,
  updateObject,
} from '@clapboard/shared';
import { checkUpdateScope } from '../src/sync/updateScope.ts';

const NOTES = Number(process.env.BENCH_NOTES ?? 10_000);
const SMALL_RUNS = 2_000;
const BIG_RUNS = 15;

const note = (i: number) => ({
  type: 'note' as const, x: (i % 100) * 220, y: Math.floor(i / 100) * 220, width: 200, height: 200, z: i,
  frameId: null, color: 'yellow' as const, text: `Note number ${i}: interpreters at every session`,
});

const check = (doc: Y.Doc, update: Uint8Array) => checkUpdateScope(doc, update, CLIENT_WRITABLE_CONTENT_ROOTS);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function fmt(ms: number): string {
  return ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`;
}

const rows: Array<[string, string, string, string]> = [];
function row(name: string, bytes: number, checkMs: number, applyMs: number): void {
  rows.push([name, `${bytes} B`, fmt(checkMs), fmt(applyMs)]);
}

/** A new board as the server creates it: meta only. */
function newBoard(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => getMetaMap(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION));
  return doc;
}

/** The board filled by a client: NOTES notes, a history of edits and deletions. */
function boardWithHistory(base: Y.Doc): Y.Doc {
  const doc = clone(base);
  const ids: string[] = [];
  for (let i = 0; i < NOTES; i += 1) doc.transact(() => ids.push(insertObject(doc, note(i))));
  for (let i = 0; i < NOTES; i += 10) {
    doc.transact(() => {
      updateObject(doc, ids[i]!, { x: i, y: i });
      getObjectText(getObjectsMap(doc).get(ids[i]!)!)!.insert(5, ' edited');
    });
  }
  doc.transact(() => { for (let i = 5; i < NOTES; i += 50) getObjectsMap(doc).delete(ids[i]!); });
  return doc;
}

function clone(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Small updates, each checked and then applied in order, as the server does. */
function smallUpdates(name: string, server: Y.Doc, client: Y.Doc, change: (i: number) => void): void {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  client.on('update', collect);
  for (let i = 0; i < SMALL_RUNS; i += 1) client.transact(() => change(i));
  client.off('update', collect);
  const checks: number[] = [];
  const applies: number[] = [];
  for (const update of updates) {
    let verdict = '';
    checks.push(time(() => (verdict = check(server, update))));
    if (verdict !== 'allowed') throw new Error(`${name}: ${verdict}`);
    applies.push(time(() => Y.applyUpdate(server, update)));
  }
  row(name, median(updates.map((u) => u.byteLength)), median(checks), median(applies));
}

function main(): void {
  const empty = newBoard();
  const board = boardWithHistory(empty);
  const ids = [...getObjectsMap(board).keys()];

  // 1. The whole board in one update: a client that built it offline, into an empty room.
  const whole = Y.encodeStateAsUpdate(board, Y.encodeStateVector(empty));
  const wholeChecks: number[] = [];
  const wholeApplies: number[] = [];
  for (let i = 0; i < BIG_RUNS; i += 1) {
    if (check(empty, whole) !== 'allowed') throw new Error('whole board refused');
    wholeChecks.push(time(() => check(empty, whole)));
    const target = clone(empty);
    wholeApplies.push(time(() => Y.applyUpdate(target, whole)));
  }
  row(`whole ${NOTES}-note board (step 2 into an empty room)`, whole.byteLength, median(wholeChecks), median(wholeApplies));

  // 2. A reconnecting client that has everything: its step 2 is the board's whole delete set.
  const reconnect = Y.encodeStateAsUpdate(clone(board), Y.encodeStateVector(board));
  const reconnectChecks: number[] = [];
  const reconnectApplies: number[] = [];
  for (let i = 0; i < BIG_RUNS; i += 1) {
    reconnectChecks.push(time(() => check(board, reconnect)));
    reconnectApplies.push(time(() => Y.applyUpdate(board, reconnect)));
  }
  row(`reconnect step 2 on the ${NOTES}-note board (delete set only)`, reconnect.byteLength, median(reconnectChecks), median(reconnectApplies));

  // 3. Typical live updates on the big board.
  const client = clone(board);
  const target = ids[Math.floor(ids.length / 2)]!;
  smallUpdates('keystroke in a note’s text', board, client, (i) => getObjectText(getObjectsMap(client).get(target)!)!.insert(10 + (i % 7), 'k'));
  smallUpdates('move a note (x, y)', board, client, (i) => updateObject(client, ids[i % ids.length]!, { x: i, y: -i }));
  const created: string[] = [];
  smallUpdates('create a note', board, client, (i) => created.push(insertObject(client, note(i))));
  smallUpdates('delete a note', board, client, (i) => getObjectsMap(client).delete(created[i]!));

  const widths = [0, 1, 2, 3].map((c) => Math.max(...[['update', 'size', 'check', 'Y.applyUpdate'], ...rows].map((r) => r[c]!.length)));
  for (const r of [['update', 'size', 'check', 'Y.applyUpdate'], ...rows]) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
}

main();
