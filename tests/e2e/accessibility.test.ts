/**
 * Checks that do not need a person: axe-core's WCAG 2.2 A/AA rules on the
 * board page as each role sees it, and right-to-left note text drawn from
 * the right. A screen-reader walkthrough is still a manual check.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setViewport } from './support/board.ts';
import { screenshot } from './support/browser.ts';
import { axeViolations } from './support/axe.ts';
import { useBrowserSuite } from './support/suite.ts';
import { seedNote, seededBoard } from './support/editing.ts';
import { insertFrame, seedNoteGrid } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

/** Horizontal extent (board x) of dark (text) pixels inside a board rect, read from the content layer's canvas at zoom 1. */
async function inkExtent(page: Page, rect: { x: number; y: number; width: number; height: number }): Promise<{ left: number; right: number } | null> {
  return page.evaluate((rect) => {
    const layer = document.querySelector<HTMLCanvasElement>('[data-testid="board-canvas"] canvas')!;
    const ratio = layer.width / layer.clientWidth;
    const data = layer.getContext('2d')!.getImageData(rect.x * ratio, rect.y * ratio, rect.width * ratio, rect.height * ratio);
    let left = Infinity;
    let right = -Infinity;
    for (let y = 0; y < data.height; y++) {
      for (let x = 0; x < data.width; x++) {
        const i = (y * data.width + x) * 4;
        if (data.data[i]! + data.data[i + 1]! + data.data[i + 2]! < 200 && data.data[i + 3]! > 200) {
          left = Math.min(left, x / ratio);
          right = Math.max(right, x / ratio);
        }
      }
    }
    return left === Infinity ? null : { left: rect.x + left, right: rect.x + right };
  }, rect);
}

describe('accessibility and right-to-left text', () => {
  const suite = useBrowserSuite();

  /** A frame of twelve notes; the links of every role. */
  async function checkedBoard(): Promise<{ facilitator: string; participant: string; observer: string }> {
    const board = await seededBoard(suite.server, 'Checks', (doc) => {
      insertFrame(doc, { id: 'frame-a', x: -40, y: -100, width: 1400, height: 900, title: 'Ideas' });
      seedNoteGrid(doc, { count: 12, columns: 4, frameId: 'frame-a', text: (i) => `Idea ${i + 1}` });
    });
    return board.links;
  }

  it('the board page has no WCAG 2.2 A/AA violations axe-core can find, for any role, on a desktop or a phone', async () => {
    const links = await checkedBoard();
    for (const [role, link] of Object.entries(links)) {
      for (const device of ['desktop', 'phone'] as const) {
        const page = await suite.openAs(`Axe ${role}`, link, device);
        const violations = await axeViolations(page);
        expect(violations, `${role} on a ${device}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      }
    }
  });

  it('the create-board page, before and after creating a board, has no violations either', async () => {
    const page = await (await suite.person('Axe home')).newPage();
    await page.goto(suite.server.url);
    await page.getByTestId('create-title').fill('Housing workshop');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('create-submit').click();
    await page.getByTestId('link-facilitator-url').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reads out what Tab selects on the canvas: kind, colour by name, text and frame', async () => {
    const links = await checkedBoard();
    const page = await suite.openAs('Sol', links.participant);
    await page.getByTestId('board-canvas').focus();
    const status = page.getByTestId('canvas-selection-status');
    const heard: string[] = [];
    const said = async () => ((await status.textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');
    for (let i = 0; i < 3; i++) {
      const before = await said();
      await page.keyboard.press('Tab');
      await expect.poll(said, POLL).not.toBe(before);
      heard.push(await said());
    }
    expect(heard).toContain('Area: Ideas');
    expect(heard.some((text) => /^(Yellow|Orange|Red|Pink|Violet|Blue|Teal|Green|Grey) note: Idea \d+, in area Ideas$/.test(text))).toBe(true);
    await page.keyboard.press('Control+a');
    await expect.poll(() => status.textContent(), POLL).toBe('13 objects selected');
  });

  it('draws a note written in Arabic from the right, and one in English from the left', async () => {
    const board = await seededBoard(suite.server, 'RTL', (doc) => {
      seedNote(doc, 'ltr', { x: 100, y: 100 }, { text: 'Hello' });
      seedNote(doc, 'rtl', { x: 400, y: 100 }, { text: 'مرحبا' });
    });
    const page = await suite.openAs('Rana', board.links.participant);
    await setViewport(page, { x: 0, y: 0, zoom: 1 });
    await expect.poll(() => page.evaluate(() => window.__clapboard!.renderStats()), POLL).toMatchObject({ lod: 'full', total: 2 });
    const notes = await page.evaluate(() => window.__clapboard!.contentDoc.getMap('objects').toJSON() as Record<string, { x: number; y: number; width: number; height: number }>);
    const ltr = notes.ltr!;
    const rtl = notes.rtl!;
    const centre = (note: typeof ltr) => note.x + note.width / 2;
    await expect.poll(async () => {
      const ink = await inkExtent(page, ltr);
      return ink !== null && ink.right < centre(ltr);
    }, POLL).toBe(true);
    await expect.poll(async () => {
      const ink = await inkExtent(page, rtl);
      return ink !== null && ink.left > centre(rtl);
    }, POLL).toBe(true);
    await screenshot(page, 'notes-ltr-and-rtl');
  });
});
