/**
 * How the canvas spends its work: each note is painted into a bitmap once,
 * and only what changed is painted again. These are the properties that keep
 * a 10,000-note board fast (figures in docs/benchmarks.md), checked as
 * counts rather than timings.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getObjectText } from '@clapboard/shared';
import { afterFrames, setViewport } from './support/board.ts';
import { seededBoard } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';
import { connectNodeClient, countObjects, seedNoteGrid, waitForServerDoc } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

async function painted(page: Page): Promise<number> {
  return page.evaluate(() => window.__clapboard!.renderStats().notesPainted);
}

/**
 * The paint count once the canvas has gone idle: no frame drawn at all for a
 * few animation frames. (A canvas that kept redrawing, e.g. notes forever
 * waiting for a paint budget, never settles and fails here.)
 */
async function settledPaintCount(page: Page): Promise<number> {
  let previous = -1;
  for (let attempt = 0; attempt < 50; attempt++) {
    await afterFrames(page, 5);
    const { frames } = await page.evaluate(() => window.__clapboard!.renderStats());
    if (frames === previous) return painted(page);
    previous = frames;
  }
  throw new Error('the canvas never stopped drawing');
}

describe('canvas rendering work', () => {
  const suite = useBrowserSuite();

  it('repaints only the note a remote edit touched, and nothing for an edit off screen', async () => {
    const board = await suite.server.createBoard('Paint');
    const editor = await connectNodeClient(suite.server.url, board.links.participant);
    // 10 × 10 notes, 240 units apart: at zoom 1 the screen shows the top-left 7 × 4.
    const ids = seedNoteGrid(editor.doc, { count: 100, columns: 10 });
    await waitForServerDoc(suite.server.url, board.links.participant, (doc) => countObjects(doc) === 100);
    const page = await suite.openAs('Paula', board.links.participant);
    await setViewport(page, { x: 0, y: 0, zoom: 1 });
    await expect.poll(() => page.evaluate(() => window.__clapboard!.renderStats().lod), POLL).toBe('full');
    const before = await settledPaintCount(page);
    expect(before).toBeGreaterThan(0);

    const edit = async (id: string, suffix: string) => {
      const text = getObjectText(editor.doc.getMap('objects').get(id) as never)!;
      editor.doc.transact(() => text.insert(text.length, suffix));
      await expect
        .poll(() => page.evaluate((id) => String((window.__clapboard!.contentDoc.getMap('objects').get(id) as { get(k: string): unknown }).get('text')), id), POLL)
        .toContain(suffix);
    };

    await edit(ids[11]!, ' (edited)');
    expect(await settledPaintCount(page)).toBe(before + 1);

    // The last note is far outside the view and the area kept ready around it.
    await edit(ids[99]!, ' (edited too)');
    expect(await settledPaintCount(page)).toBe(before + 1);
    editor.close();
  });

  it('panning away and back paints only the notes that came into view, once', async () => {
    // 100 × 4 notes, 240 units apart: the page opens fitting the whole board,
    // and this wide a board fits only zoomed out past full detail, so that
    // view paints no bitmaps. (On a 20 × 20 grid it showed every note in full
    // detail, and on a loaded machine enough frames drew before the zoom to 1
    // that the notes the pan brings into view had been painted already.)
    const board = await seededBoard(suite.server, 'Pan', (doc) => seedNoteGrid(doc, { count: 400, columns: 100 }));
    const page = await suite.openAs('Pat', board.links.participant);
    await setViewport(page, { x: 0, y: 0, zoom: 1 });
    await expect.poll(() => page.evaluate(() => window.__clapboard!.renderStats().lod), POLL).toBe('full');
    const atStart = await settledPaintCount(page);

    await setViewport(page, { x: 2400, y: 0, zoom: 1 });
    // The notes that come into view are mounted by React after the frame that
    // culled them, and on a loaded machine that can take longer than the few
    // idle frames settledPaintCount waits for: wait for the first new paint.
    await expect.poll(() => painted(page), POLL).toBeGreaterThan(atStart);
    const afterPan = await settledPaintCount(page);

    await setViewport(page, { x: 0, y: 0, zoom: 1 });
    expect(await settledPaintCount(page)).toBe(afterPan);
  });
});
