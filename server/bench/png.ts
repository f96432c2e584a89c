/**
 * PNG export benchmark (issue #10). Run: `pnpm bench:png` from the repo root.
 *
 * Boards of 1,000 and 10,000 notes (frames of 100 notes, mixed English,
 * Arabic and Persian text), drawn by renderBoardPng in this process: the
 * whole board within the default pixel budget (notes then ~35 px wide at
 * 10,000, still drawn at full detail with their text), and one frame.
 * Times are from the content document to the PNG bytes, BENCH_RUNS (5) runs.
 * "loop blocked" is the longest the event loop waited during those runs
 * (what a live connection on the same server would feel): reading the
 * records is one synchronous step, drawing yields every 20 ms, and encoding
 * runs off the loop.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { insertObject } from '@clapboard/shared';
import { DEFAULT_MAX_EXPORT_PIXELS, renderBoardPng } from '../src/findings/png/renderBoardPng.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TEXTS = [
  'An interpreter at every appointment, booked by the surgery',
  'نحتاج إلى مترجم في مواعيد الطبيب',
  'کلاس زبان برای مادران با بچه',
  'Letters we can read: plain words, and in our language',
  'A caseworker who calls back within a week',
  'Somewhere for children to play while we wait',
];

function buildBoard(notes: number): { doc: Y.Doc; firstFrame: string } {
  const doc = new Y.Doc();
  const perFrame = 100;
  const framesPerRow = 10;
  const frameSide = 10 * 220 + 20;
  let firstFrame = '';
  doc.transact(() => {
    for (let f = 0; f < Math.ceil(notes / perFrame); f++) {
      const fx = (f % framesPerRow) * (frameSide + 100);
      const fy = Math.floor(f / framesPerRow) * (frameSide + 144);
      const frameId = insertObject(doc, { type: 'frame', x: fx, y: fy, width: frameSide, height: frameSide + 44, z: f, frameId: null, text: `Question ${f + 1}` });
      firstFrame ||= frameId;
      for (let i = 0; i < perFrame && f * perFrame + i < notes; i++) {
        const n = f * perFrame + i;
        insertObject(doc, {
          type: 'note',
          x: fx + 20 + (i % 10) * 220,
          y: fy + 64 + Math.floor(i / 10) * 220,
          width: 200,
          height: 200,
          z: 1000 + n,
          frameId,
          color: (['yellow', 'blue', 'green', 'pink', 'orange'] as const)[n % 5]!,
          text: `${TEXTS[n % TEXTS.length]} (${n})`,
        });
      }
    }
  });
  return { doc, firstFrame };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function time(run: () => Promise<Uint8Array>): Promise<{ p50: number; max: number; bytes: number; blocked: number; size: string }> {
  const samples: number[] = [];
  let bytes = 0;
  let size = '';
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const png = await run();
    bytes = png.length;
    // Width and height from the PNG's IHDR chunk.
    const header = Buffer.from(png.buffer, png.byteOffset, 24);
    size = `${header.readUInt32BE(16).toLocaleString('en')} × ${header.readUInt32BE(20).toLocaleString('en')}`;
    samples.push(performance.now() - started);
  }
  loop.disable();
  samples.sort((a, b) => a - b);
  return { p50: quantile(samples, 0.5), max: samples.at(-1)!, bytes, blocked: loop.max / 1e6, size };
}

function row(notes: number, scope: string, t: Awaited<ReturnType<typeof time>>): string {
  return `| ${notes.toLocaleString('en')} | ${scope} | ${t.size} px | ${t.p50.toFixed(0)} ms | ${t.max.toFixed(0)} ms | ${t.blocked.toFixed(0)} ms | ${(t.bytes / 1024 / 1024).toFixed(1)} MiB |`;
}

const rows: string[] = [];
for (const notes of [1_000, 10_000]) {
  const { doc, firstFrame } = buildBoard(notes);
  const whole = await time(() => renderBoardPng(doc));
  rows.push(row(notes, 'whole board', whole));
  const frame = await time(() => renderBoardPng(doc, { frameId: firstFrame }));
  rows.push(row(notes, 'one frame (100 notes)', frame));
}
console.log(`PNG export, pixel budget ${DEFAULT_MAX_EXPORT_PIXELS.toLocaleString('en')}, ${RUNS} runs`);
console.log('| notes | scope | image | p50 | max | loop blocked (max) | PNG size |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
