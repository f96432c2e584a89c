/**
 * Themes on the board (issue #10), in Chromium at 1440×900: select notes,
 * Make theme, rename it, drag one note out of its area and another in; a
 * second person's outline shows the theme with exactly its notes (real
 * sync through the server); Suggest themes groups the remaining notes and
 * Accept makes a theme from a suggestion. axe checks the synthesis panel.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readThemes, type Theme } from '@clapboard/shared';
import { axeViolations } from './support/axe.ts';
import { pageObject, setViewport } from './support/board.ts';
import { openBoard } from './support/browser.ts';
import { clickObject, seedNote, seededBoard } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';
import { connectNodeClient } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;
const SIZE = { width: 1440, height: 900 } as const;

/** The themes as this page's own document holds them. */
function pageThemes(page: Page): Promise<Theme[]> {
  return page.evaluate(() => {
    const doc = window.__clapboard!.contentDoc;
    return { themes: doc.getMap('themes').toJSON(), objects: doc.getMap('objects').toJSON() };
  }).then(({ themes, objects }) => {
    // Rebuilt in Node and read with the shared reader, so the test checks what every reader sees.
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const [id, fields] of Object.entries(objects as Record<string, Record<string, unknown>>)) {
        const map = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(fields)) map.set(key, value);
        doc.getMap('objects').set(id, map);
      }
      for (const [id, fields] of Object.entries(themes as Record<string, Record<string, unknown>>)) {
        const map = new Y.Map<unknown>();
        doc.getMap('themes').set(id, map);
        for (const [key, value] of Object.entries(fields)) {
          if (key === 'members') {
            const members = map.set('members', new Y.Map<unknown>());
            for (const [noteId, flag] of Object.entries(value as Record<string, unknown>)) members.set(noteId, flag);
          } else map.set(key, value);
        }
      }
    });
    return readThemes(doc);
  });
}

/** Drags a note so its centre lands on a board point (real mouse events). */
async function dragNoteTo(page: Page, id: string, target: { x: number; y: number }): Promise<void> {
  const note = (await pageObject(page, id))!;
  const view = await page.evaluate(() => window.__clapboard!.getViewport());
  const box = (await page.getByTestId('board-canvas').boundingBox())!;
  const toScreen = (p: { x: number; y: number }) => ({ x: box.x + (p.x - view.x) * view.zoom, y: box.y + (p.y - view.y) * view.zoom });
  const from = toScreen({ x: note.x! + note.width! / 2, y: note.y! + note.height! / 2 });
  const to = toScreen(target);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

describe('themes on the board', () => {
  const suite = useBrowserSuite();

  it('make, rename, drag out and in, seen in another person’s outline; suggestions accepted into a theme', async () => {
    const board = await seededBoard(suite.server, 'Synthesis', (doc) => {
      seedNote(doc, 'gp1', { x: 0, y: 0 }, { text: 'GP appointments take weeks to get' });
      seedNote(doc, 'gp2', { x: 250, y: 0 }, { text: 'Waiting weeks for a GP appointment' });
      seedNote(doc, 'out', { x: 500, y: 0 }, { text: 'Letters are hard to read' });
      seedNote(doc, 'in', { x: 0, y: 700 }, { text: 'GP receptionist could not book an appointment for weeks' });
      seedNote(doc, 'int1', { x: 600, y: 700 }, { text: 'We need an interpreter at the housing office' });
      seedNote(doc, 'int2', { x: 850, y: 700 }, { text: 'No interpreter at the housing office visit' });
      seedNote(doc, 'int3', { x: 1100, y: 700 }, { text: 'Housing office interpreter never came' });
    });
    const watcher = await connectNodeClient(suite.server.url, board.links.facilitator);
    const closeLater: BrowserContext[] = [];
    try {
      // Ana's context lets axe's script in past the page's Content-Security-Policy (the page itself is unchanged).
      const anaContext = await suite.browser.newContext({ viewport: SIZE, deviceScaleFactor: 1, bypassCSP: true });
      closeLater.push(anaContext);
      await anaContext.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
      const ana = await openBoard(anaContext, board.links.facilitator);
      await setViewport(ana, { x: -100, y: -150, zoom: 0.5 });

      // Select three notes and make a theme of them from the toolbar.
      await clickObject(ana, 'gp1');
      await clickObject(ana, 'gp2', { shift: true });
      await clickObject(ana, 'out', { shift: true });
      await ana.getByTestId('make-theme').click();
      const card = ana.getByTestId('theme-card');
      await expect.poll(() => card.count(), POLL).toBe(1);
      await expect.poll(async () => (await pageThemes(ana)).map((theme) => theme.noteIds), POLL).toEqual([['gp1', 'gp2', 'out']]);

      // Rename it in the synthesis panel.
      await card.getByTestId('theme-rename').fill('GP waiting times');
      await card.getByTestId('theme-rename').press('Enter');
      await expect.poll(() => card.getByTestId('theme-name').textContent(), POLL).toBe('GP waiting times');

      // Drag one note out of the theme's area, and another into it (one at a time: clear the selection first).
      const [theme] = await pageThemes(ana);
      await ana.mouse.click(...(await emptySpot(ana)));
      await dragNoteTo(ana, 'out', { x: theme!.x + theme!.width + 400, y: 150 });
      await clickObject(ana, 'in');
      await dragNoteTo(ana, 'in', { x: 600, y: 100 });
      await expect.poll(async () => (await pageThemes(ana)).map((entry) => [entry.name, entry.noteIds]), POLL).toEqual([['GP waiting times', ['gp1', 'gp2', 'in']]]);

      // The server, and another person's outline, show the same theme with the same notes.
      await expect.poll(() => readThemes(watcher.doc).map((entry) => [entry.name, entry.noteIds]), POLL).toEqual([['GP waiting times', ['gp1', 'gp2', 'in']]]);
      const kim = await suite.openAs('Kim', board.links.participant);
      await kim.setViewportSize(SIZE);
      const outlineTheme = kim.getByTestId('outline-theme');
      await expect.poll(() => outlineTheme.getByTestId('outline-theme-name').textContent(), POLL).toBe('GP waiting times');
      await expect
        .poll(() => outlineTheme.getByTestId('theme-member').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-object-id')).sort()), POLL)
        .toEqual(['gp1', 'gp2', 'in']);

      // An observer reads the theme, and cannot change it.
      const olu = await suite.openAs('Olu', board.links.observer);
      await expect.poll(() => olu.getByTestId('theme-card').getByTestId('theme-name').textContent(), POLL).toBe('GP waiting times');
      expect(await olu.getByTestId('theme-rename').count()).toBe(0);
      expect(await olu.getByTestId('make-theme').count()).toBe(0);

      // Suggest themes: the interpreter notes, outside any theme, come back as one suggestion.
      await ana.getByTestId('suggest-run').click();
      const suggestion = ana.getByTestId('suggestion').filter({ has: ana.locator('[data-object-id="int1"]') });
      await expect.poll(() => suggestion.count(), POLL).toBe(1);
      const suggested = await suggestion.getByTestId('suggestion-note').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-object-id')).sort());
      expect(suggested).toEqual(expect.arrayContaining(['int1', 'int2', 'int3']));
      expect(suggested).not.toContain('gp1');

      const violations = await axeViolations(ana, '[data-testid="synthesis-panel"]', ['label', 'button-name']);
      expect(violations).toEqual([]);

      await suggestion.getByTestId('suggestion-edit').click();
      await suggestion.getByTestId('suggestion-name').fill('Interpreters');
      await suggestion.getByTestId('suggestion-accept').click();
      await expect
        .poll(() => readThemes(watcher.doc).map((entry) => [entry.name, entry.origin, entry.noteIds.includes('int1')]), POLL)
        .toEqual([
          ['GP waiting times', 'manual', false],
          ['Interpreters', 'suggested', true],
        ]);
      await expect.poll(() => kim.getByTestId('outline-theme').count(), POLL).toBe(2);
      // The accepted theme's notes were gathered beside the board: its area covers none of the first theme's.
      const [gp, interpreters] = readThemes(watcher.doc);
      expect(interpreters!.x).toBeGreaterThan(gp!.x + gp!.width);
    } finally {
      for (const context of closeLater) await context.close().catch(() => {});
      watcher.close();
    }
  });
});

/** A screen point on the canvas with nothing under it (well below and right of every note). */
async function emptySpot(page: Page): Promise<[number, number]> {
  const view = await page.evaluate(() => window.__clapboard!.getViewport());
  const box = (await page.getByTestId('board-canvas').boundingBox())!;
  return [box.x + (1400 - view.x) * view.zoom, box.y + (300 - view.y) * view.zoom];
}
