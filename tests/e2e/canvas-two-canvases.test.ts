/**
 * Two board canvases on one page — the board and, later, the findings
 * export's offscreen render — each at its own pixel ratio and zoom. Nothing
 * a canvas caches may be shared with the other: each draws at its own
 * resolution, paints each of its notes once, and keeps its bitmaps however
 * often the other draws, and after the other goes away.
 *
 * The page is client/src/testing/twoCanvases.tsx, built on its own (the app
 * has no page with two canvases yet) and served by the browser context.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTE_PALETTE } from '@clapboard/shared';
import { collectPageErrors, launchBrowser, newPersonContext } from './support/browser.ts';
import { buildClientScript, openScriptPage } from './support/clientScript.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

interface View {
  x: number;
  y: number;
  zoom: number;
}

/** What the page exposes (see twoCanvases.tsx), as far as these tests use it. */
interface PageCanvases {
  __mountCanvases(specs: { pixelRatio: number; view: View; width: number; height: number }[], notes: { count: number; columns: number }): void;
  __canvases: {
    mounted: {
      editor: { store: { search(rect: unknown): unknown[] }; viewport: { visible(): unknown; current: View } };
      controller: {
        frame(): void;
        frameCount: number;
        stats: { notesPainted: number; lod: string };
        contentLayer: { getNativeCanvasElement(): HTMLCanvasElement } | null;
      };
    }[];
    setView(i: number, view: View): void;
    unmount(i: number): void;
  };
}

const SIZE = { width: 640, height: 400 };
/** Zooms whose device scales differ (1 × 1 and 0.75 × 2): a bitmap painted for one is wrong for the other. */
const CANVASES = [
  { pixelRatio: 1, view: { x: -20, y: -20, zoom: 1 }, ...SIZE },
  { pixelRatio: 2, view: { x: -20, y: -20, zoom: 0.75 }, ...SIZE },
];

/**
 * Per canvas: bitmap size, notes painted, notes on screen, frames drawn.
 * Each canvas draws a frame first: Konva also draws on its own when nodes
 * mount, and only a frame of the controller's brings its stats up to date.
 */
async function snapshot(page: Page) {
  return page.evaluate(() =>
    (window as unknown as PageCanvases).__canvases.mounted.map(({ editor, controller }) => {
      controller.frame();
      const bitmap = controller.contentLayer?.getNativeCanvasElement();
      return {
        bitmap: { width: bitmap?.width ?? 0, height: bitmap?.height ?? 0 },
        painted: controller.stats.notesPainted,
        onScreen: editor.store.search(editor.viewport.visible()).length,
        frames: controller.frameCount,
        lod: controller.stats.lod,
      };
    }),
  );
}

/** Waits until no canvas has drawn for a few animation frames (notes waiting for a paint budget keep one drawing), then takes a snapshot. */
async function settled(page: Page) {
  let previous = '';
  for (let attempt = 0; attempt < 50; attempt++) {
    const frames = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const count = () => (window as unknown as PageCanvases).__canvases.mounted.map(({ controller }) => controller.frameCount);
          requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(count()))));
        }),
    );
    const now = JSON.stringify(frames);
    if (now === previous && frames.every((count) => count > 0)) return snapshot(page);
    previous = now;
  }
  throw new Error('the canvases never stopped drawing');
}

/** The colour (#rrggbb) of canvas `i`'s content layer at a board point, read from its bitmap in device pixels. */
async function colourAt(page: Page, i: number, board: { x: number; y: number }) {
  return page.evaluate(
    ({ i, board, ratio }) => {
      const { editor, controller } = (window as unknown as PageCanvases).__canvases.mounted[i]!;
      const bitmap = controller.contentLayer!.getNativeCanvasElement();
      const view = editor.viewport.current;
      const x = Math.round((board.x - view.x) * view.zoom * ratio);
      const y = Math.round((board.y - view.y) * view.zoom * ratio);
      const [r, g, b] = bitmap.getContext('2d')!.getImageData(x, y, 1, 1).data;
      return `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
    },
    { i, board, ratio: CANVASES[i]!.pixelRatio },
  );
}

describe('two canvases on one page', () => {
  let script: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [script, browser] = await Promise.all([buildClientScript('src/testing/twoCanvases.tsx'), launchBrowser()]);
    context = await newPersonContext(browser);
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
  });

  it('draw at their own pixel ratios and keep their own note bitmaps', async () => {
    const page = await openScriptPage(context, script);
    const errors = collectPageErrors(page);
    await page.evaluate((specs) => (window as unknown as PageCanvases).__mountCanvases(specs, { count: 12, columns: 4 }), CANVASES);
    const paper = NOTE_PALETTE.yellow.fill;
    // A spot on note n0 (at 0,0, 200 square) below its one line of text.
    const onFirstNote = { x: 30, y: 170 };

    const [a, b] = await settled(page);
    // Each layer's bitmap is its CSS size times its own ratio.
    expect(a!.bitmap).toEqual({ width: 640, height: 400 });
    expect(b!.bitmap).toEqual({ width: 1280, height: 800 });
    // Each painted exactly the notes it shows, once.
    expect(a!.onScreen).toBeGreaterThan(0);
    expect(b!.onScreen).toBeGreaterThan(a!.onScreen);
    expect(a!.painted).toBe(a!.onScreen);
    expect(b!.painted).toBe(b!.onScreen);
    expect(await colourAt(page, 0, onFirstNote)).toBe(paper);
    expect(await colourAt(page, 1, onFirstNote)).toBe(paper);

    // Drawing one and then the other, again and again, repaints nothing:
    // neither finds its bitmaps replaced by the other's resolution.
    await page.evaluate(() => {
      const { mounted } = (window as unknown as PageCanvases).__canvases;
      for (let round = 0; round < 3; round++) for (const { controller } of mounted) controller.frame();
    });
    const [a2, b2] = await snapshot(page);
    expect([a2!.painted, b2!.painted]).toEqual([a!.painted, b!.painted]);

    // The second zoomed right out (blocks, no bitmaps): both still draw.
    await page.evaluate(() => (window as unknown as PageCanvases).__canvases.setView(1, { x: -20, y: -20, zoom: 0.05 }));
    await expect.poll(async () => (await snapshot(page))[1]!.lod, POLL).toBe('simple');
    await settled(page);
    expect(await colourAt(page, 1, { x: 100, y: 100 })).toBe(paper);
    await page.evaluate(() => (window as unknown as PageCanvases).__canvases.mounted[0]!.controller.frame());
    expect(await colourAt(page, 0, onFirstNote)).toBe(paper);

    // The second goes away (its cache with it); the first keeps its bitmaps.
    await page.evaluate(() => (window as unknown as PageCanvases).__canvases.unmount(1));
    await page.evaluate(() => (window as unknown as PageCanvases).__canvases.mounted[0]!.controller.frame());
    expect((await snapshot(page))[0]!.painted).toBe(a!.painted);
    expect(await colourAt(page, 0, onFirstNote)).toBe(paper);
    expect(errors).toEqual([]);
  });
});
