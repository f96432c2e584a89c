/**
 * A participant on a 390 px touch phone (issue #15): writing a note in a
 * sheet that opens at once, never into someone else's note by accident;
 * reading every note in a list in large type; following a facilitator on a
 * laptop and seeing the same notes whole; and a layout with nothing
 * important off the screen, down to 320 px. Touches are real touch input.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { awarenessClientId, boardToScreen, canvasBox, getViewport, pageNotes, pageObject, setViewport } from './support/board.ts';
import { screenshot } from './support/browser.ts';
import { axeViolations } from './support/axe.ts';
import { seedNote, seededBoard, visibleBoardRect } from './support/editing.ts';
import { insertFrame, seedNoteGrid } from './support/yclient.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

type Rect = { x: number; y: number; width: number; height: number };

const inside = (inner: Rect, outer: Rect, slack = 0.5) =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.width <= outer.x + outer.width + slack &&
  inner.y + inner.height <= outer.y + outer.height + slack;

/** Two taps at the same point, as a finger does. */
async function doubleTap(page: Page, point: { x: number; y: number }): Promise<void> {
  await page.touchscreen.tap(point.x, point.y);
  await page.touchscreen.tap(point.x, point.y);
}

/** The view that puts board point `centre` in the middle of the page's canvas at `zoom`. */
async function centreOn(page: Page, centre: { x: number; y: number }, zoom: number): Promise<void> {
  const box = await canvasBox(page);
  await setViewport(page, { x: centre.x - box.width / 2 / zoom, y: centre.y - box.height / 2 / zoom, zoom });
}

/** Notes as stored in another page's copy of the board (what everyone else sees). */
async function storedNotes(page: Page): Promise<Record<string, { text: string; x: number; y: number; width: number; height: number; frameId: string | null }>> {
  return (await pageNotes(page)) as never;
}

async function computedPx(locator: Locator, property: 'fontSize'): Promise<number> {
  return locator.evaluate((element, property) => parseFloat(getComputedStyle(element)[property]), property);
}

/** Every element matching `selector` lies wholly inside the window. */
async function allOnScreen(page: Page, selector: string): Promise<{ count: number; off: string[] }> {
  return page.evaluate((selector) => {
    const width = document.documentElement.clientWidth;
    const height = window.innerHeight;
    const off: string[] = [];
    const elements = Array.from(document.querySelectorAll<HTMLElement>(selector));
    for (const element of elements) {
      const box = element.getBoundingClientRect();
      if (box.left < -0.5 || box.top < -0.5 || box.right > width + 0.5 || box.bottom > height + 0.5) {
        off.push(`${element.dataset.testid ?? element.tagName} ${JSON.stringify(box)}`);
      }
    }
    return { count: elements.length, off };
  }, selector);
}

describe('writing and reading notes on a phone', () => {
  const suite = useBrowserSuite();

  it('“Add note” opens a sheet at once; the note lands beside the facilitator’s note, which stays as it was', async () => {
    const board = await seededBoard(suite.server, 'Housing workshop', (doc) => {
      insertFrame(doc, { id: 'housing', x: -300, y: -300, width: 1000, height: 900, title: 'Housing' });
      seedNote(doc, 'theirs', { x: 0, y: 0 }, { text: 'Housing first', frameId: 'housing' });
    });
    const fran = await suite.openAs('Fran', board.links.facilitator);
    const amal = await suite.openAs('Amal', board.links.participant, 'phone');
    // The facilitator's note fills the middle of the phone's screen.
    await centreOn(amal, { x: 100, y: 100 }, 1);
    const before = await storedNotes(fran);

    await amal.getByTestId('phone-add-note').tap();
    const sheet = amal.getByTestId('note-sheet');
    await sheet.waitFor();
    // Nothing is on the board yet, and the sheet says where the note will go.
    expect(Object.keys(await pageNotes(amal))).toEqual(['theirs']);
    expect((await sheet.textContent())?.replace(/[\u2066-\u2069]/g, '')).toContain('Your note will go in the area “Housing”.');
    // Full width, at the top of the screen where the keyboard does not reach, in type big enough to read.
    const box = (await sheet.boundingBox())!;
    expect(box).toMatchObject({ x: 0, y: 0, width: 390 });
    const text = amal.getByTestId('note-sheet-text');
    expect(await computedPx(text, 'fontSize')).toBeGreaterThanOrEqual(18);
    expect(await text.evaluate((element) => element === document.activeElement)).toBe(true);
    await screenshot(amal, 'phone-writing-sheet');
    const violations = await axeViolations(amal, '[data-testid="note-sheet"]', ['button-name', 'label', 'color-contrast', 'target-size']);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    const words = 'Clinic hours in the evening';
    await amal.keyboard.type(words);
    // Typing writes nothing to the board until Save.
    expect(Object.keys(await pageNotes(amal))).toEqual(['theirs']);
    await amal.getByTestId('note-sheet-save').tap();
    await sheet.waitFor({ state: 'detached' });
    await expect.poll(() => amal.getByTestId('phone-notice').textContent(), POLL).toBe('Your note is on the board.');

    // Everyone sees a new note with her words, in the area, not covering the facilitator's note; theirs is untouched.
    await expect.poll(async () => Object.values(await storedNotes(fran)).filter((note) => note.text === words).length, POLL).toBe(1);
    const after = await storedNotes(fran);
    const [mineId, mine] = Object.entries(after).find(([, note]) => note.text === words)!;
    expect(mine.frameId).toBe('housing');
    expect(after.theirs).toEqual(before.theirs);
    const overlap = !(mine.x >= 200 || mine.x + mine.width <= 0 || mine.y >= 200 || mine.y + mine.height <= 0);
    expect(overlap).toBe(false);
    // It is on her screen, whole.
    const view = await visibleBoardRect(amal);
    expect(inside(mine, view)).toBe(true);

    // One step: a single Undo takes the whole note away again.
    await amal.getByTestId('phone-undo').tap();
    await expect.poll(async () => (await storedNotes(fran))[mineId], POLL).toBeUndefined();
    expect((await storedNotes(fran)).theirs).toEqual(before.theirs);
  });

  it('a double-tap on someone else’s note asks first, and offers a note of one’s own', async () => {
    const board = await seededBoard(suite.server, 'Ask first', (doc) => {
      seedNote(doc, 'theirs', { x: 0, y: 0 }, { text: 'Housing first' });
    });
    const fran = await suite.openAs('Fran', board.links.facilitator);
    const amal = await suite.openAs('Amal', board.links.participant, 'phone');
    await centreOn(amal, { x: 100, y: 100 }, 1);
    const before = (await storedNotes(fran)).theirs;

    // The natural double-tap at the same spot: not straight into their note.
    await doubleTap(amal, await boardToScreen(amal, { x: 100, y: 100 }));
    const ask = amal.getByTestId('note-sheet-ask');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('Someone else wrote this');
    await screenshot(amal, 'phone-ask-first');
    const asking = await axeViolations(amal, '[data-testid="note-sheet"]', ['button-name', 'color-contrast', 'target-size']);
    expect(asking, JSON.stringify(asking, null, 2)).toEqual([]);
    await amal.getByTestId('note-sheet-own').tap();
    const text = amal.getByTestId('note-sheet-text');
    await text.waitFor();
    expect(await text.inputValue()).toBe('');
    await text.pressSequentially('Letters in my language');
    await amal.getByTestId('note-sheet-save').tap();
    await expect.poll(async () => Object.values(await storedNotes(fran)).some((note) => note.text === 'Letters in my language'), POLL).toBe(true);
    expect((await storedNotes(fran)).theirs).toEqual(before);

    // Her own note opens straight for writing, with its words, and a change replaces them.
    const [mineId] = Object.entries(await pageNotes(amal)).find(([, note]) => note.text === 'Letters in my language')!;
    const mine = (await pageObject(amal, mineId))!;
    await doubleTap(amal, await boardToScreen(amal, { x: mine.x! + 100, y: mine.y! + 100 }));
    await text.waitFor();
    expect(await amal.getByTestId('note-sheet-ask').count()).toBe(0);
    expect(await text.inputValue()).toBe('Letters in my language');
    await text.fill('Letters in Arabic and Tigrinya');
    await amal.getByTestId('note-sheet-save').tap();
    await expect.poll(async () => (await storedNotes(fran))[mineId]?.text, POLL).toBe('Letters in Arabic and Tigrinya');

    // Cancel leaves nothing: a double-tap on empty board, words typed, then Cancel.
    // (Saving moved the camera to show her note whole; back to the facilitator's.)
    await centreOn(amal, { x: 100, y: 100 }, 1);
    const count = Object.keys(await storedNotes(fran)).length;
    await doubleTap(amal, await boardToScreen(amal, { x: 100, y: 330 }));
    await text.waitFor();
    await text.pressSequentially('Never mind');
    await amal.getByTestId('note-sheet-cancel').tap();
    await amal.getByTestId('note-sheet').waitFor({ state: 'detached' });
    expect(Object.keys(await pageNotes(amal))).toHaveLength(count);

    // "Change it anyway" is there for who means it, and still changes only the words.
    await doubleTap(amal, await boardToScreen(amal, { x: 100, y: 100 }));
    await amal.getByTestId('note-sheet-change-anyway').tap();
    expect(await text.inputValue()).toBe('Housing first');
    await amal.getByTestId('note-sheet-cancel').tap();
    await amal.getByTestId('note-sheet').waitFor({ state: 'detached' });
    expect((await storedNotes(fran)).theirs).toEqual(before);

    // "My notes" lists hers only.
    await amal.getByTestId('phone-my-notes').tap();
    const list = amal.getByTestId('note-list');
    await list.waitFor();
    expect(await list.getByTestId('note-list-text').allTextContents()).toEqual(['Letters in Arabic and Tigrinya']);
    await amal.getByTestId('note-list-close').tap();
    await list.waitFor({ state: 'detached' });

    // Deleting their note asks first too; "Keep" keeps it.
    const theirSpot = await boardToScreen(amal, { x: 100, y: 100 });
    await amal.touchscreen.tap(theirSpot.x, theirSpot.y);
    await amal.getByTestId('phone-selection-delete').tap();
    const confirm = amal.getByTestId('phone-delete-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Someone else wrote this note');
    const confirming = await axeViolations(amal, '[data-testid="phone-delete-confirm"]', ['button-name', 'color-contrast', 'target-size']);
    expect(confirming, JSON.stringify(confirming, null, 2)).toEqual([]);
    await amal.getByTestId('phone-delete-confirm-no').tap();
    await amal.getByTestId('phone-selection').waitFor();
    expect((await storedNotes(fran)).theirs).toEqual(before);

    // Once the facilitator lets participants delete only their own notes, Delete is not offered for hers at all.
    await fran.getByTestId('delete-own-only-toggle').check();
    await expect.poll(() => amal.getByTestId('phone-selection-delete').count(), POLL).toBe(0);
  });

  it('the list shows every note in large type, area by area, for participants and observers alike', async () => {
    const board = await seededBoard(suite.server, 'Reading', (doc) => {
      insertFrame(doc, { id: 'health', x: 0, y: 0, width: 700, height: 500, title: 'Health' });
      insertFrame(doc, { id: 'housing', x: 0, y: 700, width: 700, height: 500, title: 'Housing' });
      seedNote(doc, 'h1', { x: 40, y: 80 }, { text: 'A GP who listens', frameId: 'health' });
      seedNote(doc, 'h2', { x: 300, y: 80 }, { text: 'مترجم في المستشفى', frameId: 'health', color: 'blue' });
      seedNote(doc, 'o1', { x: 40, y: 780 }, { text: 'Repairs that get done. '.repeat(8).trim(), frameId: 'housing', color: 'green' });
      seedNote(doc, 'loose', { x: 1000, y: 0 }, { text: 'Buses at night' });
    });
    for (const role of ['participant', 'observer'] as const) {
      const page = await suite.openAs(`Reader ${role}`, board.links[role], 'phone');
      await page.getByTestId('phone-list').tap();
      const list = page.getByTestId('note-list');
      await list.waitFor();
      const headings = (await list.locator('h3').allTextContents()).map((text) => text.replace(/[\u2066-\u2069]/g, ''));
      expect(headings).toEqual(['Area: Health 2 notes', 'Area: Housing 1 note', 'Not in an area 1 note']);
      const texts = list.getByTestId('note-list-text');
      expect(await texts.allTextContents()).toEqual(['A GP who listens', 'مترجم في المستشفى', 'Repairs that get done. '.repeat(8).trim(), 'Buses at night']);
      // Every word shown, none cut to a line or two; each in its own direction, its language not taken for English.
      for (const element of await texts.all()) {
        expect(await element.getAttribute('dir')).toBe('auto');
        expect(await element.getAttribute('lang')).toBe('');
        expect(await computedPx(element, 'fontSize')).toBeGreaterThanOrEqual(18);
        expect(await element.evaluate((node) => node.scrollHeight <= node.clientHeight + 1)).toBe(true);
      }
      expect(await list.getByText('Blue note.').count()).toBe(1);
      expect(await list.getByTestId('note-list-change').count()).toBe(role === 'observer' ? 0 : 4);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (role === 'participant') await screenshot(page, 'phone-note-list');
      const violations = await axeViolations(page, '[data-testid="note-list"]', ['button-name', 'color-contrast', 'target-size']);
      expect(violations, `${role}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);

      // "Show on the board" goes back to the canvas with that note in view, whole.
      await list.locator('[data-object-id="o1"]').getByTestId('note-list-show').tap();
      await list.waitFor({ state: 'detached' });
      const view = await visibleBoardRect(page);
      expect(inside({ x: 40, y: 780, width: 200, height: 200 }, view)).toBe(true);
      // And the list opens again from the bar, and closes back to it.
      await page.getByTestId('phone-list').tap();
      await list.waitFor();
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('phone-list');
    }
  });

  it('following a facilitator on a laptop shows the same notes whole; the facilitator sees who follows', async () => {
    const board = await seededBoard(suite.server, 'Follow the laptop', (doc) => {
      seedNoteGrid(doc, { count: 48, columns: 8, pitch: 260, text: (i) => `Idea ${i + 1}` });
    });
    const fran = await suite.openAs('Fran', board.links.facilitator);
    await fran.setViewportSize({ width: 1440, height: 900 });
    await setViewport(fran, { x: 150, y: 120, zoom: 0.8 });
    const amal = await suite.openAs('Amal', board.links.participant, 'phone');
    const franId = await awarenessClientId(fran);

    /** The notes the facilitator sees whole, and whether each is whole on `page` too. */
    const sameNotesWhole = async (page: Page) => {
      const [leader, follower, notes] = await Promise.all([visibleBoardRect(fran), visibleBoardRect(page), storedNotes(fran)]);
      const seen = Object.entries(notes).filter(([, note]) => inside(note, leader, 0));
      return { seen: seen.length, missing: seen.filter(([, note]) => !inside(note, follower)).map(([id]) => id) };
    };

    await amal.getByTestId('phone-people').tap();
    const people = amal.getByTestId('people-sheet');
    await people.waitFor();
    await screenshot(amal, 'phone-people');
    const violations = await axeViolations(amal, '[data-testid="people-sheet"]', ['button-name', 'color-contrast']);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await people.locator(`[data-testid="presence-item"][data-client-id="${franId}"]`).getByRole('button').tap();
    // Choosing whom to follow goes back to the board.
    await people.waitFor({ state: 'detached' });
    await expect.poll(() => amal.getByTestId('phone-following').textContent().then((text) => text?.replace(/[\u2066-\u2069]/g, '')), POLL).toBe(
      'You are following Fran: you see what they see.Stop',
    );
    await expect.poll(() => sameNotesWhole(amal), POLL).toEqual({ seen: expect.any(Number), missing: [] });
    expect((await sameNotesWhole(amal)).seen).toBeGreaterThanOrEqual(6);
    // Not a copy of the laptop's zoom, which would show a crop of its view.
    expect((await getViewport(amal)).zoom).toBeLessThan(0.8);
    await screenshot(amal, 'phone-following-laptop');

    // The facilitator sees who follows.
    const amalId = await awarenessClientId(amal);
    const entry = fran.locator(`[data-testid="presence-item"][data-client-id="${amalId}"]`);
    await expect.poll(() => entry.getByTestId('presence-follows-you').count(), POLL).toBe(1);
    await expect.poll(() => fran.getByTestId('presence-followers').textContent(), POLL).toBe('1 person is following your view.');

    // She moves on; the phone goes with her, still showing the same notes whole.
    await setViewport(fran, { x: 900, y: 700, zoom: 1.2 });
    await expect.poll(async () => (await getViewport(amal)).x > 800, POLL).toBe(true);
    await expect.poll(() => sameNotesWhole(amal), POLL).toEqual({ seen: expect.any(Number), missing: [] });

    // "Bring everyone to me" does the same for someone who was not following.
    const bilal = await suite.openAs('Bilal', board.links.participant, 'phone');
    await setViewport(bilal, { x: -3000, y: -3000, zoom: 1 });
    await setViewport(fran, { x: 300, y: 400, zoom: 0.6 });
    await fran.getByTestId('summon-everyone').click();
    await expect.poll(() => sameNotesWhole(bilal), POLL).toEqual({ seen: expect.any(Number), missing: [] });
    expect((await sameNotesWhole(bilal)).seen).toBeGreaterThanOrEqual(12);
    await expect.poll(() => bilal.getByTestId('phone-notice').textContent().then((text) => text?.replace(/[\u2066-\u2069]/g, '')), POLL).toBe(
      'Fran brought everyone to this part of the board.',
    );
  });

  it('keeps everything important on the screen at 390 and at 320 px', async () => {
    const board = await seededBoard(suite.server, 'A workshop title long enough to wrap onto five lines on a phone', (doc) => {
      insertFrame(doc, { id: 'ideas', x: -40, y: -100, width: 1000, height: 800, title: 'Ideas' });
      seedNoteGrid(doc, { count: 6, columns: 3, frameId: 'ideas', text: (i) => `Idea ${i + 1}` });
    });
    for (const role of ['participant', 'observer', 'facilitator'] as const) {
      const page = await suite.openAs(`Small ${role}`, board.links[role], 'phone');
      for (const width of [390, 320]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 640 });
        const bar = page.getByTestId('phone-bar');
        await bar.waitFor();
        await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), POLL).toBeLessThanOrEqual(width);
        const buttons = await allOnScreen(page, '[data-testid="phone-bar"] button, .board-header > *, .board-header button');
        expect(buttons.off, `${role} at ${width}`).toEqual([]);
        expect(buttons.count).toBeGreaterThanOrEqual(role === 'observer' ? 2 : 5);
        // The title takes one line; the canvas most of the screen.
        const title = page.locator('.board-title, .board-title-input').first();
        const titleBox = (await title.boundingBox())!;
        expect(titleBox.height).toBeLessThan(40);
        // A facilitator's panels open from the bar over the canvas; they take no strip of their own.
        const canvas = await canvasBox(page);
        expect(canvas.height / (width === 390 ? 844 : 640), `${role} at ${width}`).toBeGreaterThan(0.6);
        // The connection status is shown whole.
        const status = page.getByTestId('connection-status');
        expect(await status.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
        expect(await status.textContent()).toBe('Live');
      }
      if (role === 'facilitator') {
        // "Run" opens the facilitator's panels over the board, and "Back to the board" puts them away.
        await page.getByTestId('phone-controls').tap();
        await page.getByTestId('step-controls').waitFor();
        expect((await allOnScreen(page, '[data-testid="phone-controls-close"]')).off).toEqual([]);
        await page.getByTestId('phone-controls-close').tap();
        await page.getByTestId('board-side').waitFor({ state: 'hidden' });
        expect(await page.getByTestId('phone-controls').getAttribute('aria-expanded')).toBe('false');
      }
      if (role !== 'observer') {
        // A selected note's actions (words, colour, delete) are all on screen too, at 320 px.
        const centre = await boardToScreen(page, { x: 100, y: 100 });
        await page.touchscreen.tap(centre.x, centre.y);
        await page.getByTestId('phone-selection').waitFor();
        const actions = await allOnScreen(page, '[data-testid="phone-selection"] button');
        expect(actions.off).toEqual([]);
        expect(actions.count).toBe(11);
        // A tap on empty board (the gap between two notes in the area) puts it away.
        const gap = await boardToScreen(page, { x: 220, y: 100 });
        await page.touchscreen.tap(gap.x, gap.y);
        await page.getByTestId('phone-selection').waitFor({ state: 'detached' });
      }
      await page.setViewportSize({ width: 390, height: 844 });
      if (role === 'participant') {
        await page.getByTestId('phone-bar').waitFor();
        await screenshot(page, 'phone-board');
        const violations = await axeViolations(page, '[data-testid="phone-bar"]', ['button-name', 'color-contrast', 'target-size']);
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      }
    }
  });
});
