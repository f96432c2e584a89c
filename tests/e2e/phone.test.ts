/**
 * A participant on a phone: a 390 px touch screen, no mouse, no keyboard
 * shortcuts. They must be able to find their way around the board with
 * their fingers and add a note. Touches are real touch events sent through
 * the browser's input pipeline (CDP), so the page sees touch pointers.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardToScreen, canvasBox, getViewport, pageNotes, setViewport } from './support/board.ts';
import { screenshot } from './support/browser.ts';
import { seededBoard, seedNote } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

type Finger = { x: number; y: number };

/** Sends one touch frame: every finger now on the screen (an empty list lifts them all). */
async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', fingers: Finger[]): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: fingers.map((f, id) => ({ x: f.x, y: f.y, id })) });
}

/** Moves fingers from `from` to `to` in `steps` touch frames, then lifts them. */
async function swipe(cdp: CDPSession, from: Finger[], to: Finger[], steps = 8): Promise<void> {
  await touch(cdp, 'touchStart', from);
  for (let i = 1; i <= steps; i++) {
    await touch(cdp, 'touchMove', from.map((f, k) => ({ x: f.x + ((to[k]!.x - f.x) * i) / steps, y: f.y + ((to[k]!.y - f.y) * i) / steps })));
  }
  await touch(cdp, 'touchEnd', []);
}

async function boardPointAt(page: Page, screen: Finger): Promise<Finger> {
  const view = await getViewport(page);
  const box = await canvasBox(page);
  return { x: view.x + (screen.x - box.x) / view.zoom, y: view.y + (screen.y - box.y) / view.zoom };
}

describe('on a phone', () => {
  const suite = useBrowserSuite();

  it('taps to add a note, pinches to zoom around the fingers and drags one finger to pan', async () => {
    const board = await seededBoard(suite.server, 'Phone', (doc) => {
      seedNote(doc, 'left', { x: 0, y: 0 }, { text: 'Interpreter at appointments' });
      seedNote(doc, 'right', { x: 600, y: 400 }, { text: 'Letters in my language', color: 'blue' });
    });
    const page = await suite.openAs('Amal', board.links.participant, 'phone');
    const cdp = await page.context().newCDPSession(page);
    await setViewport(page, { x: -50, y: -50, zoom: 0.4 });
    const box = await canvasBox(page);
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

    // Double-tap empty board: the writing sheet opens at once, and the note
    // lands where the finger was when it is saved (phone-writing.test.ts has
    // the sheet itself). (Taps come first: a tap straight after a swipe can be
    // taken by the browser as "stop the fling" and not become a click, as on
    // a real phone.)
    const spot = await boardPointAt(page, centre);
    await page.touchscreen.tap(centre.x, centre.y);
    await page.touchscreen.tap(centre.x, centre.y);
    await page.getByTestId('note-sheet-text').waitFor({ state: 'visible', timeout: POLL.timeout });
    await page.keyboard.type('Clinic hours in the evening');
    await page.getByTestId('note-sheet-save').tap();
    await expect.poll(async () => Object.keys(await pageNotes(page)).length, POLL).toBe(3);
    const [, added] = Object.entries(await pageNotes(page)).find(([id]) => id !== 'left' && id !== 'right')!;
    expect(added.text).toBe('Clinic hours in the evening');
    expect(Math.abs(added.x! + added.width! / 2 - spot.x)).toBeLessThan(added.width!);
    expect(Math.abs(added.y! + added.height! / 2 - spot.y)).toBeLessThan(added.height!);
    await screenshot(page, 'phone-participant');
    await page.getByTestId('board-canvas').focus();

    // Pinch out: fingers 100 px apart move to 200 px apart; the zoom doubles
    // and the board point between them stays between them.
    const anchor = await boardPointAt(page, centre);
    await swipe(cdp, [{ x: centre.x - 50, y: centre.y }, { x: centre.x + 50, y: centre.y }], [{ x: centre.x - 100, y: centre.y }, { x: centre.x + 100, y: centre.y }]);
    await expect.poll(async () => (await getViewport(page)).zoom, POLL).toBeCloseTo(0.8, 2);
    const after = await boardPointAt(page, centre);
    expect(after.x).toBeCloseTo(anchor.x, 0);
    expect(after.y).toBeCloseTo(anchor.y, 0);

    // One finger on empty board (far from every note) pans; nothing moves on the board.
    await setViewport(page, { x: -2000, y: -2000, zoom: 0.8 });
    const before = await getViewport(page);
    await swipe(cdp, [centre], [{ x: centre.x - 120, y: centre.y + 60 }]);
    await expect.poll(async () => (await getViewport(page)).x, POLL).toBeCloseTo(before.x + 120 / before.zoom, 0);
    expect((await getViewport(page)).y).toBeCloseTo(before.y - 60 / before.zoom, 0);
    expect((await pageNotes(page)).left).toMatchObject({ x: 0, y: 0 });
  });

  it('a pinch that starts on a note zooms and leaves the note where it was', async () => {
    const board = await seededBoard(suite.server, 'Phone pinch on note', (doc) => {
      seedNote(doc, 'target', { x: 0, y: 0 }, { text: 'Hold me' });
    });
    const page = await suite.openAs('Bilal', board.links.participant, 'phone');
    const cdp = await page.context().newCDPSession(page);
    await setViewport(page, { x: -40, y: -40, zoom: 0.8 });
    const onNote = await boardToScreen(page, { x: 100, y: 100 });
    // First finger on the note (starts a drag), second finger joins: it becomes a pinch.
    await touch(cdp, 'touchStart', [onNote]);
    await touch(cdp, 'touchMove', [{ x: onNote.x + 20, y: onNote.y }]);
    await touch(cdp, 'touchStart', [{ x: onNote.x + 20, y: onNote.y }, { x: onNote.x + 120, y: onNote.y }]);
    for (let i = 1; i <= 6; i++) await touch(cdp, 'touchMove', [{ x: onNote.x + 20 - i * 10, y: onNote.y }, { x: onNote.x + 120 + i * 10, y: onNote.y }]);
    await touch(cdp, 'touchEnd', []);
    await expect.poll(async () => (await getViewport(page)).zoom, POLL).toBeGreaterThan(1.2);
    expect((await pageNotes(page)).target).toMatchObject({ x: 0, y: 0 });
  });
});
