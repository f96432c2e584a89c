/**
 * Issue #15, on a 1440×900 laptop: tools keep their names, a visible "?"
 * opens the keyboard shortcuts, a skip link gets past the canvas, a delete
 * can be undone from a toast, an empty board says how to start, an observer
 * is told what the role can do, and during an outage the people list stays.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe.ts';
import { screenshot } from './support/browser.ts';
import { canvas, focusedTestId, pageNotes, tabUntil } from './support/board.ts';
import { useBrowserSuite } from './support/suite.ts';
import { connectNodeClient, seedNoteGrid } from './support/yclient.ts';

const POLL = { timeout: 15_000, interval: 50 } as const;
const LAPTOP = { width: 1440, height: 900 } as const;

async function openOnLaptop(suite: ReturnType<typeof useBrowserSuite>, name: string, link: string): Promise<Page> {
  const page = await suite.openAs(name, link);
  await page.setViewportSize(LAPTOP);
  return page;
}

describe('desktop help (issue #15)', () => {
  const suite = useBrowserSuite();

  it('shows every tool by name at 1440 px, none cut off', async () => {
    const board = await suite.server.createBoard('Tools');
    const page = await openOnLaptop(suite, 'Fay', board.links.facilitator);
    const tools = page.getByTestId('toolbar').locator('[data-testid^="tool-"]');
    const count = await tools.count();
    expect(count).toBe(8);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const tool = tools.nth(i);
      names.push((await tool.innerText()).trim());
      const box = (await tool.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(LAPTOP.width);
    }
    expect(names.every((name) => name.length > 0)).toBe(true);
    expect(new Set(names).size).toBe(count);
    expect(names).toEqual(expect.arrayContaining(['Note', 'Rectangle', 'Area']));
    await screenshot(page, 'desktop-toolbar-1440');
  });

  it('opens the shortcut help with "?" and the Shortcuts button; Escape closes it and focus returns', async () => {
    const board = await suite.server.createBoard('Help');
    const page = await openOnLaptop(suite, 'Fay', board.links.facilitator);
    const dialog = page.getByTestId('shortcuts-dialog');

    await canvas(page).focus();
    await page.keyboard.press('?');
    await expect.poll(() => dialog.isVisible(), POLL).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    // The list is the keys the board really handles.
    for (const action of ['note', 'tab', 'delete', 'undo', 'fit']) expect(await page.getByTestId(`shortcut-${action}`).isVisible()).toBe(true);
    expect(await axeViolations(page, '[data-testid="shortcuts-dialog"]', ['button-name'])).toEqual([]);
    await screenshot(page, 'desktop-shortcut-help');
    // Keys inside the dialog are the dialog's: N must not add a note behind it.
    await page.keyboard.press('n');
    expect(Object.keys(await pageNotes(page))).toHaveLength(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), POLL).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('board-canvas'))).toBe(true);

    const button = page.getByTestId('shortcuts-button');
    expect((await button.innerText()).trim()).toContain('?');
    await button.click();
    await expect.poll(() => dialog.isVisible(), POLL).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), POLL).toBe(false);
    expect(await focusedTestId(page)).toBe('shortcuts-button');
  });

  it('has a skip link before the canvas that moves focus to the side panel', async () => {
    const board = await suite.server.createBoard('Skip');
    const seeder = await connectNodeClient(suite.server.url, board.links.participant);
    seedNoteGrid(seeder.doc, { count: 6, columns: 3, originX: 100, originY: 100, text: (i) => `Note ${i}` });
    seeder.close();
    const page = await openOnLaptop(suite, 'Pat', board.links.participant);
    await tabUntil(page, '[data-testid="skip-to-side"]');
    // Visible on focus.
    const box = (await page.getByTestId('skip-to-side').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.width).toBeGreaterThan(20);
    await screenshot(page, 'desktop-skip-link');
    // Tab order: the skip link comes right before the canvas.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('board-canvas'))).toBe(true);
    await page.getByTestId('skip-to-side').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('board-side');
    // The next Tab is inside the side panel, not on the canvas.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#board-side') !== null)).toBe(true);
  });

  it('hints on an empty board, until the first note', async () => {
    const board = await suite.server.createBoard('Empty');
    const page = await openOnLaptop(suite, 'Pat', board.links.participant);
    const hint = page.getByTestId('empty-board-hint');
    await expect.poll(() => hint.isVisible(), POLL).toBe(true);
    expect(await hint.innerText()).toBe('Double-click anywhere or press N to add a note.');
    await screenshot(page, 'desktop-empty-board-hint');
    await canvas(page).focus();
    await page.keyboard.press('n');
    await expect.poll(async () => Object.keys(await pageNotes(page)).length, POLL).toBe(1);
    await expect.poll(() => hint.count(), POLL).toBe(0);
    // As the hint says: a double-click on empty board adds a note there, open for typing.
    const box = (await canvas(page).boundingBox())!;
    await page.mouse.dblclick(box.x + 80, box.y + box.height - 80);
    await page.getByTestId('note-editor').waitFor();
    await page.keyboard.type('Second idea');
    await page.keyboard.press('Escape');
    await expect.poll(async () => Object.values(await pageNotes(page)).map((note) => note.text).sort(), POLL).toEqual(['', 'Second idea']);
  });

  it('offers Undo after a delete, which brings the notes back in one step', async () => {
    const board = await suite.server.createBoard('Undo');
    const seeder = await connectNodeClient(suite.server.url, board.links.participant);
    const ids = seedNoteGrid(seeder.doc, { count: 2, columns: 2, originX: 300, originY: 300, text: (i) => `Idea ${i}` });
    seeder.close();
    const page = await openOnLaptop(suite, 'Pat', board.links.participant);
    await expect.poll(async () => Object.keys(await pageNotes(page)).sort(), POLL).toEqual([...ids].sort());

    await canvas(page).focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect.poll(async () => Object.keys(await pageNotes(page)).length, POLL).toBe(0);
    const toast = page.getByTestId('undo-toast');
    expect(await toast.getAttribute('role')).toBe('status');
    await expect.poll(() => toast.innerText(), POLL).toContain('Deleted 2 notes.');
    expect(await axeViolations(page, '[data-testid="undo-toast"]', ['button-name'])).toEqual([]);
    await screenshot(page, 'desktop-undo-toast');

    await page.getByTestId('undo-toast-undo').click();
    await expect.poll(async () => Object.keys(await pageNotes(page)).sort(), POLL).toEqual([...ids].sort());
    expect(await page.getByTestId('undo-toast-undo').count()).toBe(0);
    // One step: a further undo has nothing of this deletion left to take back.
    const notes = await pageNotes(page);
    expect(notes[ids[0]!]!.text).toBe('Idea 0');
  });

  it('tells an observer what the role can do, and the outline reads as text', async () => {
    const board = await suite.server.createBoard('Observed');
    const seeder = await connectNodeClient(suite.server.url, board.links.participant);
    // The second note is long: the outline shows all of it, not its first two lines.
    const long = 'The letter came in English only, and the helpline was closed when I called. '.repeat(4).trim();
    seedNoteGrid(seeder.doc, { count: 2, originX: 200, originY: 200, text: (i) => (i === 0 ? 'Read me' : long) });
    seeder.close();
    const page = await openOnLaptop(suite, 'Oli', board.links.observer);
    const explanation = page.getByTestId('readonly-explanation');
    expect(await explanation.isVisible()).toBe(true);
    expect(await explanation.innerText()).toContain('cannot add or change anything');
    expect(await page.getByTestId('readonly-badge').getAttribute('aria-describedby')).toBe('readonly-explanation');
    const textarea = page.locator('.outline-note textarea').first();
    await textarea.waitFor({ state: 'visible' });
    expect(await textarea.getAttribute('readonly')).not.toBeNull();
    const style = await textarea.evaluate((el) => ({ border: getComputedStyle(el).borderTopStyle, background: getComputedStyle(el).backgroundColor }));
    expect(style).toEqual({ border: 'none', background: 'rgba(0, 0, 0, 0)' });
    expect(await page.getByTestId('empty-board-hint').count()).toBe(0);
    const whole = page.locator('.outline-note textarea').nth(1);
    await expect.poll(() => whole.inputValue(), POLL).toBe(long);
    expect(await whole.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.clientHeight > 4 * parseFloat(getComputedStyle(el).fontSize))).toBe(true);
    await screenshot(page, 'desktop-observer-explanation');
  });

  it('keeps the people list during an outage, greyed, and says the notes are safe', async () => {
    const board = await suite.server.createBoard('Outage');
    const alice = await openOnLaptop(suite, 'Alice', board.links.participant);
    await openOnLaptop(suite, 'Bob', board.links.participant);
    const people = alice.getByTestId('presence-item');
    await expect.poll(() => people.count(), POLL).toBe(2);

    // As offline.test.ts: setOffline blocks reconnects, disconnect() drops the open socket.
    await alice.context().setOffline(true);
    await alice.evaluate(() => window.__clapboard!.disconnect());
    await expect.poll(() => alice.getByTestId('connection-status').getAttribute('data-status'), POLL).toBe('offline');
    expect(await people.count()).toBe(2);
    expect(await alice.getByTestId('presence-list').getAttribute('data-stale')).toBe('true');
    expect(await alice.getByTestId('presence-lost').innerText()).toBe(
      'Connection lost: your notes are kept on this device and will be sent when it is back.',
    );
    await screenshot(alice, 'desktop-outage-people');

    await alice.context().setOffline(false);
    await alice.evaluate(() => window.__clapboard!.connect());
    await expect.poll(() => alice.getByTestId('connection-status').getAttribute('data-status'), POLL).toBe('live');
    await expect.poll(() => alice.getByTestId('presence-lost').count(), POLL).toBe(0);
    expect(await alice.getByTestId('presence-list').getAttribute('data-stale')).toBe('false');
    // Bob is listed again from the state the server resends on join, before he next moves.
    await expect.poll(() => people.allInnerTexts(), POLL).toEqual(expect.arrayContaining([expect.stringContaining('Bob')]));
  });
});
