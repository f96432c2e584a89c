/**
 * Issue #10, the board page's Export menu: a facilitator saves the findings
 * as Markdown and the board (and the frame in view) as PNG through real
 * downloads from the real server; the files are read back (the PNG decoded,
 * and found to show the board's notes); the menu works from the keyboard and
 * passes axe; a participant is shown no Export menu at all.
 */
import fs from 'node:fs/promises';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NOTE_PALETTE } from '@clapboard/shared';
import { axeViolations } from './support/axe.ts';
import { canvasBox, focusedTestId, setViewport } from './support/board.ts';
import { screenshot } from './support/browser.ts';
import { seedNote, seededBoard } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';
import { insertFrame } from './support/yclient.ts';

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [saved] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(testId).click()]);
  const path = await saved.path();
  return { name: saved.suggestedFilename(), bytes: await fs.readFile(path) };
}

/** How many pixels of the PNG have exactly this colour. */
function pixelsOf(png: PNG, color: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) n++;
  return n;
}

describe('exporting the findings', () => {
  const suite = useBrowserSuite();

  it('lets a facilitator save Markdown and PNG files, and shows participants no Export menu', async () => {
    const board = await seededBoard(suite.server, 'Housing forum', (doc) => {
      insertFrame(doc, { id: 'frame-repairs', x: 0, y: 0, width: 700, height: 500, title: 'Repairs' });
      seedNote(doc, 'note-wait', { x: 40, y: 80 }, { text: 'Repairs take months', color: 'pink', frameId: 'frame-repairs' });
      seedNote(doc, 'note-arabic', { x: 300, y: 80 }, { text: 'نحتاج إلى مترجم', color: 'green', frameId: 'frame-repairs' });
      seedNote(doc, 'note-far', { x: 1400, y: 900 }, { text: 'Elsewhere', color: 'violet' });
    });

    const facilitator = await suite.openAs('Fatima', board.links.facilitator);
    // By keyboard: Enter opens it, focus moves into it, Escape closes it and gives focus back.
    await facilitator.getByTestId('export-open').focus();
    await facilitator.keyboard.press('Enter');
    const dialog = facilitator.getByTestId('export-dialog');
    await dialog.waitFor();
    expect(await focusedTestId(facilitator)).toBe('export-md');
    await facilitator.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedTestId(facilitator)).toBe('export-open');
    await facilitator.getByTestId('export-open').click();
    await dialog.waitFor();
    expect(await facilitator.getByRole('heading', { name: 'Export the findings' }).isVisible()).toBe(true);
    const violations = await axeViolations(facilitator, '[data-testid="export-dialog"]', ['button-name', 'list', 'aria-allowed-attr']);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    const markdown = await download(facilitator, 'export-md');
    expect(markdown.name).toBe('Housing-forum-findings.md');
    expect(markdown.bytes.toString('utf8')).toContain('Repairs take months');
    expect(await facilitator.getByTestId('export-status').textContent()).toContain('Saved Housing-forum-findings.md');

    const whole = await download(facilitator, 'export-png');
    const image = PNG.sync.read(whole.bytes);
    expect(image.width).toBeGreaterThan(1000);
    expect(pixelsOf(image, NOTE_PALETTE.pink.fill)).toBeGreaterThan(10_000);
    expect(pixelsOf(image, NOTE_PALETTE.violet.fill)).toBeGreaterThan(10_000);

    // With the frame in the middle of the view, the menu offers an image of it.
    await facilitator.getByTestId('export-close').click();
    const box = await canvasBox(facilitator);
    await setViewport(facilitator, { x: 350 - box.width / 2, y: 250 - box.height / 2, zoom: 1 });
    await facilitator.getByTestId('export-open').click();
    const framed = await download(facilitator, 'export-png-frame');
    expect(framed.name).toBe('Housing-forum-Repairs.png');
    const frameImage = PNG.sync.read(framed.bytes);
    expect(frameImage.width / frameImage.height).toBeCloseTo(700 / 500, 2);
    expect(pixelsOf(frameImage, NOTE_PALETTE.pink.fill)).toBeGreaterThan(10_000);
    expect(pixelsOf(frameImage, NOTE_PALETTE.violet.fill)).toBe(0);
    await fs.mkdir('/tmp/png-shots', { recursive: true });
    await fs.writeFile('/tmp/png-shots/e2e-board.png', whole.bytes);
    console.log('screenshot:', await screenshot(facilitator, 'export-menu'));

    const participant = await suite.openAs('Amal', board.links.participant);
    await participant.getByTestId('board-title').waitFor();
    expect(await participant.getByTestId('export-open').count()).toBe(0);
  });
});
