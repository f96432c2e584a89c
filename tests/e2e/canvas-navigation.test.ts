/**
 * Getting around with a mouse wheel or a trackpad. Chromium reports a
 * trackpad's two-finger scroll as wheel events and its pinch as wheel events
 * with Ctrl held, so these are the same events a laptop's trackpad sends.
 */
import { describe, expect, it } from 'vitest';
import { canvasBox, getViewport, setViewport } from './support/board.ts';
import { seedNote, seededBoard } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

describe('wheel and trackpad', () => {
  const suite = useBrowserSuite();

  it('scrolling pans the board; pinching (Ctrl+wheel) zooms around the pointer', async () => {
    const board = await seededBoard(suite.server, 'Wheel', (doc) => seedNote(doc, 'only', { x: 0, y: 0 }));
    const page = await suite.openAs('Wren', board.links.participant);
    await setViewport(page, { x: 0, y: 0, zoom: 1 });
    const box = await canvasBox(page);
    const pointer = { x: box.x + 300, y: box.y + 200 };
    await page.mouse.move(pointer.x, pointer.y);

    // Two-finger scroll: right 120 and down 80 screen pixels, zoom unchanged.
    await page.mouse.wheel(120, 80);
    await expect.poll(() => getViewport(page), POLL).toMatchObject({ x: 120, y: 80, zoom: 1 });

    // Pinch out: the zoom grows and the board point under the pointer stays under it.
    const underPointer = { x: 120 + 300, y: 80 + 200 };
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -50);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await getViewport(page)).zoom, POLL).toBeGreaterThan(1.2);
    const view = await getViewport(page);
    expect(view.x + 300 / view.zoom).toBeCloseTo(underPointer.x, 0);
    expect(view.y + 200 / view.zoom).toBeCloseTo(underPointer.y, 0);
    // The page itself did not zoom: the canvas is the same size.
    expect(await canvasBox(page)).toEqual(box);
  });
});
