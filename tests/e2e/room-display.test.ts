/**
 * The room display in Chromium: the board title, the current step and the
 * timer in large type, no editing chrome, following the facilitator's
 * view, and a QR code (drawn in the page) that decodes to exactly the
 * participant link — and never to a link of another role.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardSessionSchema, MAIN_TIMER, STEP_SETTING, getSettingsMap, getTimersMap, parseBoardLink, roomDisplayLink } from '@clapboard/shared';
import { axeViolations } from './support/axe.ts';
import { getViewport, setViewport } from './support/board.ts';
import { openBoard, screenshot } from './support/browser.ts';
import { seedNote, seededBoard } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';
import { connectNodeClient, type NodeClient } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

/** What the QR code in the page's pixels says, read from a screenshot as a phone's camera would. */
async function decodeQr(page: Page): Promise<string | null> {
  const png = PNG.sync.read(await page.screenshot());
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

/** Buttons, fields and anything else a person could edit or press. */
/** Controls on the page other than the language picker, the one control every page keeps (issue #12: the room's language is picked before projecting). */
async function controlsOnPage(page: Page): Promise<number> {
  const all = await page.locator('button, input, textarea, select, [contenteditable="true"], [role="toolbar"]').count();
  const picker = await page.locator('[data-testid="language-picker"] select').count();
  expect(picker).toBe(1);
  return all - picker;
}

async function roleOf(serverUrl: string, link: string): Promise<string> {
  const { boardId, token } = parseBoardLink(link)!;
  const response = await fetch(`${serverUrl}/api/boards/${boardId}/session`, { headers: { authorization: `Bearer ${token}` } });
  return BoardSessionSchema.parse(await response.json()).role;
}

describe('the room display', () => {
  const suite = useBrowserSuite();
  const clients: NodeClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  async function boardWithStepAndTimer() {
    const board = await seededBoard(suite.server, 'Welcome letter workshop', (doc) => {
      seedNote(doc, 'first-day', { x: 0, y: 0 }, { text: 'Where to get a bus pass' });
      seedNote(doc, 'far-away', { x: 3000, y: 2000 }, { text: 'Which GP to register with' });
    });
    // The facilitator's client sets the step and starts the timer, as the step panel and timer controls do.
    const control = await connectNodeClient(suite.server.url, board.links.facilitator, { doc: 'control' });
    clients.push(control);
    control.doc.transact(() => {
      getSettingsMap(control.doc).set(STEP_SETTING, { index: 1, count: 4, title: 'What should the letter say first?', prompt: 'Write one thing you wish you had known on your first day.' });
      getTimersMap(control.doc).set(MAIN_TIMER, { state: 'running', durationMs: 600_000, remainingMs: 600_000, startedAt: Date.now() });
    });
    return board;
  }

  it('shows the title, step and timer, has no editing chrome, follows the facilitator, and its QR code is exactly the participant link', async () => {
    const board = await boardWithStepAndTimer();
    const facilitator = await suite.openAs('Fatima', board.links.facilitator);
    await setViewport(facilitator, { x: 2800, y: 1900, zoom: 1.5 });

    // The link the create page gives: the observer token to read with, the participant link for the QR code.
    const displayLink = roomDisplayLink(suite.server.url, board.id, board.tokens.observer, { join: board.links.participant });
    const display = await openBoard(await suite.person('Projector'), displayLink);
    await display.getByTestId('room-qr').waitFor();
    expect(display.url()).not.toContain('#');

    expect(await display.getByTestId('room-title').textContent()).toBe('Welcome letter workshop');
    expect(await display.getByTestId('room-step').textContent()).toContain('Step 2 of 4');
    expect(await display.locator('.room-step-title').textContent()).toBe('What should the letter say first?');
    expect(await display.getByTestId('room-step-prompt').textContent()).toBe('Write one thing you wish you had known on your first day.');
    const time = await display.getByTestId('room-timer-time').textContent();
    expect(time).toMatch(/^(10:00|9:[0-5]\d)$/);
    // Read across a room: the timer and the step title in type far larger than a page's.
    const fontSize = (testId: string) => display.getByTestId(testId).evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(await fontSize('room-timer-time')).toBeGreaterThanOrEqual(96);
    expect(await fontSize('room-step-prompt')).toBeGreaterThanOrEqual(40);

    expect(await controlsOnPage(display)).toBe(0);
    expect(await display.getByTestId('toolbar').count()).toBe(0);
    expect(await display.getByTestId('board-title-input').count()).toBe(0);

    // It shows what the facilitator is looking at, centred, at their zoom, and moves when they do.
    const centre = (view: { x: number; y: number; zoom: number }, size: { width: number; height: number }) => ({
      x: Math.round(view.x + size.width / view.zoom / 2),
      y: Math.round(view.y + size.height / view.zoom / 2),
      zoom: view.zoom,
    });
    const canvasSize = (page: Page, testId: string) => page.getByTestId(testId).evaluate((element) => ({ width: element.clientWidth, height: element.clientHeight }));
    const facilitatorCentre = centre(await getViewport(facilitator), await canvasSize(facilitator, 'board-canvas'));
    await expect.poll(async () => centre(await getViewport(display), await canvasSize(display, 'display-canvas')), POLL).toEqual(facilitatorCentre);
    await setViewport(facilitator, { x: -200, y: -100, zoom: 1 });
    const movedCentre = centre(await getViewport(facilitator), await canvasSize(facilitator, 'board-canvas'));
    await expect.poll(async () => centre(await getViewport(display), await canvasSize(display, 'display-canvas')), POLL).toEqual(movedCentre);

    // A phone in the room reads exactly the participant link from the screen.
    await expect.poll(() => decodeQr(display), POLL).toBe(board.links.participant);
    await screenshot(display, 'room-display');
    const violations = await axeViolations(display, undefined, ['color-contrast', 'document-title', 'svg-img-alt']);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it('opened from the facilitator’s header, it needs no facilitator key and shows a participant link of its own', async () => {
    const board = await boardWithStepAndTimer();
    const facilitatorContext = await suite.person('Fatima');
    const facilitator = await openBoard(facilitatorContext, board.links.facilitator);
    const popup = facilitatorContext.waitForEvent('page');
    await facilitator.getByTestId('room-display-open').click();
    const display = await popup;
    await display.getByTestId('room-display').waitFor();
    await display.getByTestId('room-qr').waitFor(POLL);
    const link = await decodeQr(display);
    expect(link).not.toBeNull();
    expect(parseBoardLink(link!)?.boardId).toBe(board.id);
    expect(await roleOf(suite.server.url, link!)).toBe('participant');
    expect(await display.evaluate(() => window.opener)).toBeNull();
    // The window on the projector reads with an observer link made for it, never the facilitator's.
    const stored = await display.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? 'null') as { token: string } | null, `clapboard.display.${board.id}`);
    expect(stored?.token).not.toBe(board.tokens.facilitator);
    expect(await roleOf(suite.server.url, `${suite.server.url}/b/${board.id}#token=${stored!.token}`)).toBe('observer');
    expect(display.url()).not.toContain('#');
  });

  it('asks for the participant link when it has none, and refuses any other role’s', async () => {
    const board = await boardWithStepAndTimer();
    const display = await openBoard(await suite.person('Projector'), roomDisplayLink(suite.server.url, board.id, board.tokens.facilitator));
    await display.getByTestId('room-join-form').waitFor();
    expect(await display.getByTestId('room-qr').count()).toBe(0);
    for (const wrong of [board.links.facilitator, board.links.observer, 'https://example.org/b/nope#token=x']) {
      await display.getByTestId('room-join-input').fill(wrong);
      await display.getByTestId('room-join-submit').click();
      await display.getByTestId('room-join-problem').waitFor(POLL);
      expect(await display.getByTestId('room-qr').count()).toBe(0);
    }
    await display.getByTestId('room-join-input').fill(board.links.participant);
    await display.getByTestId('room-join-submit').click();
    await display.getByTestId('room-qr').waitFor(POLL);
    await expect.poll(() => decodeQr(display), POLL).toBe(board.links.participant);
    // Once the code is up there is nothing left to press.
    expect(await controlsOnPage(display)).toBe(0);
  });

  it('will not open with a participant’s link', async () => {
    const board = await boardWithStepAndTimer();
    const page = await (await suite.person('Someone')).newPage();
    await page.goto(roomDisplayLink(suite.server.url, board.id, board.tokens.participant));
    await expect.poll(() => page.getByTestId('board-error').textContent(), POLL).toBe('A room display opens with a facilitator or observer link.');
  });
});
