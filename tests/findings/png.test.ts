/**
 * The board as a PNG (issue #10), drawn on the server by renderBoardPng with
 * the shared drawing code. Each image is decoded with pngjs and read pixel
 * by pixel: colours are looked for where the objects are, scaled, and text
 * is found as dark ink on a note's paper.
 */
import { PNG } from 'pngjs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { NOTE_PALETTE, createTheme, getAnswersMap, insertObject, type NewBoardObject } from '@clapboard/shared';
import { FrameNotFoundError, renderBoardPng } from '../../server/src/findings/png/renderBoardPng.ts';

/** Board units of white around the whole board (renderBoardPng's margin) and its largest scale. */
const MARGIN = 40;
const MAX_SCALE = 2;

function board(objects: NewBoardObject[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const object of objects) insertObject(doc, object);
  });
  return doc;
}

function note(id: string, x: number, y: number, color: keyof typeof NOTE_PALETTE, text: string, frameId: string | null = null): NewBoardObject {
  return { id, type: 'note', x, y, width: 200, height: 200, z: 1, frameId, color, text };
}

interface Image {
  width: number;
  height: number;
  rgb(x: number, y: number): [number, number, number];
}

async function render(doc: Y.Doc, options?: Parameters<typeof renderBoardPng>[1]): Promise<Image> {
  const bytes = await renderBoardPng(doc, options);
  const png = PNG.sync.read(Buffer.from(bytes));
  return {
    width: png.width,
    height: png.height,
    rgb: (x, y) => {
      const i = (Math.floor(y) * png.width + Math.floor(x)) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    },
  };
}

function hex(color: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
}

/** Pixels in the box (image pixels) for which `test` holds. */
function count(image: Image, box: { x: number; y: number; width: number; height: number }, test: (rgb: [number, number, number]) => boolean): number {
  let n = 0;
  for (let y = Math.max(0, box.y); y < Math.min(image.height, box.y + box.height); y++) {
    for (let x = Math.max(0, box.x); x < Math.min(image.width, box.x + box.width); x++) if (test(image.rgb(x, y))) n++;
  }
  return n;
}

const isWhite = ([r, g, b]: [number, number, number]) => r === 255 && g === 255 && b === 255;
/** Note ink is #1a1a1a; anti-aliased edges of glyphs are lighter, their cores this dark. */
const isInk = ([r, g, b]: [number, number, number]) => r < 90 && g < 90 && b < 90;

describe('renderBoardPng', () => {
  it('draws the whole board with a margin, at twice its size, on white, each note in its colour where it is', async () => {
    const doc = board([note('yellow1', 0, 0, 'yellow', 'Evening classes'), note('blue1', 400, 100, 'blue', 'Interpreters')]);
    const image = await render(doc);
    // Content is 600 × 300 board units, plus the margin on each side.
    expect(image.width).toBe((600 + 2 * MARGIN) * MAX_SCALE);
    expect(image.height).toBe((300 + 2 * MARGIN) * MAX_SCALE);
    expect(image.rgb(5, 5)).toEqual([255, 255, 255]);
    // Near each note's bottom-right corner, inside its edge and below its text: the paper colour.
    const at = (bx: number, by: number) => image.rgb((bx + MARGIN) * MAX_SCALE, (by + MARGIN) * MAX_SCALE);
    expect(at(190, 190)).toEqual(hex(NOTE_PALETTE.yellow.fill));
    expect(at(590, 290)).toEqual(hex(NOTE_PALETTE.blue.fill));
    // Between the notes there is nothing.
    expect(at(300, 50)).toEqual([255, 255, 255]);
    const all = { x: 0, y: 0, width: image.width, height: image.height };
    expect(count(image, all, (rgb) => !isWhite(rgb))).toBeGreaterThan(2 * 200 * 200 * MAX_SCALE * MAX_SCALE * 0.9);
    // Each note's words are drawn on it.
    const noteBox = (bx: number, by: number) => ({ x: (bx + MARGIN) * MAX_SCALE, y: (by + MARGIN) * MAX_SCALE, width: 400, height: 400 });
    expect(count(image, noteBox(0, 0), isInk)).toBeGreaterThan(200);
    expect(count(image, noteBox(400, 100), isInk)).toBeGreaterThan(200);
  });

  it('draws an Arabic note with its words starting from the right', async () => {
    const doc = board([note('arabic', 0, 0, 'green', 'نحتاج إلى مترجم')]);
    const image = await render(doc);
    const left = { x: MARGIN * MAX_SCALE, y: MARGIN * MAX_SCALE, width: 200, height: 400 };
    const right = { ...left, x: left.x + 200 };
    const inkRight = count(image, right, isInk);
    expect(inkRight).toBeGreaterThan(300);
    // One short line, right-aligned: most of the ink is in the note's right half.
    expect(inkRight).toBeGreaterThan(count(image, left, isInk) * 2);
  });

  it('scales a large board down to the pixel budget, keeping its proportions', async () => {
    const notes = Array.from({ length: 40 }, (_, i) => note(`n${i}`, (i % 8) * 1000, Math.floor(i / 8) * 1000, 'orange', `idea ${i}`));
    const image = await render(board(notes), { maxPixels: 1_000_000 });
    expect(image.width * image.height).toBeLessThanOrEqual(1_000_000);
    expect(image.width * image.height).toBeGreaterThan(990_000);
    const content = { width: 7200 + 2 * MARGIN, height: 4200 + 2 * MARGIN };
    expect(image.width / image.height).toBeCloseTo(content.width / content.height, 2);
    // Notes are about 23 px here, drawn as blocks of their colour like the zoomed-out canvas.
    const scale = image.width / content.width;
    expect(image.rgb((7000 + 100 + MARGIN) * scale, (4000 + 100 + MARGIN) * scale)).toEqual(hex(NOTE_PALETTE.orange.fill));
  });

  it('cuts a frame export to the frame, with what lies on it and nothing beside it', async () => {
    const doc = board([
      { id: 'frame1', type: 'frame', x: 1000, y: 500, width: 600, height: 400, z: 0, frameId: null, text: 'Housing' },
      note('inside', 1100, 600, 'pink', 'Repairs take months', 'frame1'),
      note('outside', 0, 0, 'violet', 'Elsewhere'),
    ]);
    const image = await render(doc, { frameId: 'frame1' });
    expect(image.width).toBe(600 * MAX_SCALE);
    expect(image.height).toBe(400 * MAX_SCALE);
    // The note inside, 100 units from the frame's corner; the frame's white area beside it.
    expect(image.rgb(290 * MAX_SCALE, 290 * MAX_SCALE)).toEqual(hex(NOTE_PALETTE.pink.fill));
    expect(image.rgb(500 * MAX_SCALE, 300 * MAX_SCALE)).toEqual([255, 255, 255]);
    const violet = hex(NOTE_PALETTE.violet.fill);
    const all = { x: 0, y: 0, width: image.width, height: image.height };
    expect(count(image, all, (rgb) => rgb.every((v, i) => v === violet[i]))).toBe(0);
    // The frame's title bar is drawn along its top.
    expect(image.rgb(590 * MAX_SCALE, 20 * MAX_SCALE)).toEqual(hex('#eeeeee'));
  });

  it('refuses a frame that is not on the board', async () => {
    const doc = board([note('only', 0, 0, 'yellow', 'hi')]);
    await expect(renderBoardPng(doc, { frameId: 'only' })).rejects.toBeInstanceOf(FrameNotFoundError);
    await expect(renderBoardPng(doc, { frameId: 'missing' })).rejects.toBeInstanceOf(FrameNotFoundError);
  });

  it("draws an answer card's words from the answers root", async () => {
    const doc = board([{ id: 'card1', type: 'answer', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'teal', answerId: 'answer1' }]);
    const blank = await render(doc);
    const box = { x: MARGIN * MAX_SCALE, y: MARGIN * MAX_SCALE, width: 400, height: 400 };
    expect(count(blank, box, isInk)).toBe(0);
    doc.transact(() => {
      const words = new Y.Map<unknown>();
      words.set('text', 'Please call back within a week');
      words.set('roundId', 'round-0123456789ab');
      getAnswersMap(doc).set('answer1', words);
    });
    const image = await render(doc);
    expect(image.rgb((190 + MARGIN) * MAX_SCALE, (190 + MARGIN) * MAX_SCALE)).toEqual(hex(NOTE_PALETTE.teal.fill));
    expect(count(image, box, isInk)).toBeGreaterThan(300);
  });

  it("draws a theme's area tinted in its colour below its notes, with its label", async () => {
    const doc = board([note('member', 100, 100, 'yellow', 'A')]);
    createTheme(doc, { name: 'Language', noteIds: ['member'], area: { x: 0, y: 0, width: 800, height: 400 }, color: 'blue' });
    const image = await render(doc);
    const at = (bx: number, by: number) => image.rgb((bx + MARGIN) * MAX_SCALE, (by + MARGIN) * MAX_SCALE);
    // A pale blue (28 % of the note colour over white) beside the note; the note on top of it, opaque.
    const tint = hex(NOTE_PALETTE.blue.fill).map((v) => 255 * 0.72 + v * 0.28);
    at(600, 300).forEach((v, i) => expect(Math.abs(v - tint[i]!)).toBeLessThanOrEqual(2));
    expect(at(290, 290)).toEqual(hex(NOTE_PALETTE.yellow.fill));
    // "Language · 1 note" across its top-left.
    const label = { x: (16 + MARGIN) * MAX_SCALE, y: (8 + MARGIN) * MAX_SCALE, width: 300 * MAX_SCALE, height: 36 * MAX_SCALE };
    expect(count(image, label, isInk)).toBeGreaterThan(300);
  });

  it("draws a theme inside a frame on the frame, not under its fill", async () => {
    const doc = board([
      { id: 'frame1', type: 'frame', x: 0, y: 0, width: 1000, height: 600, z: 0, frameId: null, text: 'Ideas' },
      note('member', 200, 200, 'yellow', 'A', 'frame1'),
    ]);
    createTheme(doc, { name: 'Language', noteIds: ['member'], area: { x: 100, y: 100, width: 800, height: 400 }, color: 'blue' });
    const image = await render(doc);
    const at = (bx: number, by: number) => image.rgb((bx + MARGIN) * MAX_SCALE, (by + MARGIN) * MAX_SCALE);
    // The tint shows inside the frame, beside the note; the note is still on top.
    const tint = hex(NOTE_PALETTE.blue.fill).map((v) => 255 * 0.72 + v * 0.28);
    at(700, 400).forEach((v, i) => expect(Math.abs(v - tint[i]!)).toBeLessThanOrEqual(2));
    expect(at(390, 390)).toEqual(hex(NOTE_PALETTE.yellow.fill));
  });

  it('gives an empty board a blank page', async () => {
    const image = await render(new Y.Doc());
    expect(image.width).toBeGreaterThan(0);
    const all = { x: 0, y: 0, width: image.width, height: image.height };
    expect(count(image, all, (rgb) => !isWhite(rgb))).toBe(0);
  });
});
