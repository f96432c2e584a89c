/**
 * Single-person canvas interactions that must feel solid: a drag moves the
 * note exactly with the pointer, and selecting something does not shift the
 * canvas under the pointer.
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { canvasBox, dragObject, objectCentreOnScreen, pageObject, setViewport } from './support/board.ts';
import { useBrowserSuite } from './support/suite.ts';
import { seededBoard } from './support/editing.ts';
import { seedNoteGrid } from './support/yclient.ts';

describe('canvas interaction', () => {
  const suite = useBrowserSuite();

  it('selecting a note does not move the canvas, and a drag follows the pointer exactly', async () => {
    const board = await seededBoard(suite.server, 'Drag', (doc) => seedNoteGrid(doc, { count: 20, columns: 5, text: (i) => `Idea ${i}` }));
    const page = await suite.openAs('Dana', board.links.participant);
    await setViewport(page, { x: -50, y: -50, zoom: 1 });

    // Selecting: the canvas stays where it was (no toolbar row appearing above it).
    const boxBefore = await canvasBox(page);
    const centre = await objectCentreOnScreen(page, 'n6');
    await page.mouse.click(centre.x, centre.y);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const boxAfter = await canvasBox(page);
    if (boxAfter.y !== boxBefore.y) await screenshot(page, 'layout-shift-on-select');
    expect({ x: boxAfter.x, y: boxAfter.y }).toEqual({ x: boxBefore.x, y: boxBefore.y });
    await page.keyboard.press('Escape');

    // Dragging an unselected note: it ends exactly where the pointer moved it.
    const before = (await pageObject(page, 'n12'))!;
    await dragObject(page, 'n12', { x: 180, y: 120 });
    await expect
      .poll(async () => {
        const after = (await pageObject(page, 'n12'))!;
        return { dx: after.x! - before.x!, dy: after.y! - before.y! };
      }, { timeout: 5_000 })
      .toEqual({ dx: 180, dy: 120 });
  });
});
