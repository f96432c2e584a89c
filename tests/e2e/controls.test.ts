/**
 * Facilitator controls in Chromium (issue #8): a facilitator locks a frame,
 * and a participant cannot change what is in it and is told why (the
 * server undoes even a change their page makes behind the editor's back);
 * the timer shows the same time left on two pages whose clocks disagree
 * with the server's and with each other; revoking the participant link
 * disconnects the participant's open tab and says why.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getObjectText, getObjectsMap, insertObject, readBoardLocks, readTimer, timeLeftMs } from '@clapboard/shared';
import { objectCentreOnScreen, pageObject } from './support/board.ts';
import { openBoard, screenshot } from './support/browser.ts';
import { positionOf, seedNote, seededBoard } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';
import { connectNodeClient, fetchServerDoc } from './support/yclient.ts';
import { axeViolations } from './support/axe.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;
const MINUTE = 60_000;

/** This page's `Date.now()` runs `offsetMs` off the real clock, from before the app loads. */
async function skewClock(context: BrowserContext, offsetMs: number): Promise<void> {
  await context.addInitScript((offset) => {
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + offset;
  }, offsetMs);
}

const remainingOn = async (page: Page) => Number(await page.getByTestId('timer').getAttribute('data-remaining-ms'));

describe('facilitator controls', () => {
  const suite = useBrowserSuite();

  it('a locked frame: the participant cannot change what is in it, sees why, and the server undoes a change made around the editor', async () => {
    const frameId = 'frameIdeas';
    // A frame with a note in it, and a note outside it.
    const board = await seededBoard(suite.server, 'Locks', (doc) => {
      insertObject(doc, { id: frameId, type: 'frame', x: 60, y: 60, width: 560, height: 460, z: 0, frameId: null, text: 'Ideas' });
      seedNote(doc, 'inside', { x: 120, y: 160 }, { text: 'locked words', frameId });
      seedNote(doc, 'outside', { x: 900, y: 160 }, { text: 'free words' });
    });
    const facilitator = await suite.openAs('Fatima', board.links.facilitator);
    const participant = await suite.openAs('Pavel', board.links.participant);

    await facilitator.locator(`[data-testid="lock-frame-toggle"][data-frame-id="${frameId}"]`).check();
    const control = await connectNodeClient(suite.server.url, board.links.observer, { doc: 'control' });
    await expect.poll(() => readBoardLocks(control.doc).frames.has(frameId), POLL).toBe(true);
    control.close();

    // The participant's page says what is locked, and badges the frame.
    await expect.poll(() => participant.getByTestId('lock-notice').textContent(), POLL).toContain('A facilitator has locked Ideas.');
    await participant.locator(`[data-testid="lock-badge"][data-frame-id="${frameId}"]`).waitFor();

    // A double-click opens no editor; a drag leaves the note where it was; both say why.
    const before = await positionOf(participant, 'inside');
    const centre = await objectCentreOnScreen(participant, 'inside');
    await participant.mouse.dblclick(centre.x, centre.y);
    await participant.getByTestId('lock-refused').waitFor();
    expect(await participant.getByTestId('lock-refused').textContent()).toBe('That is locked by a facilitator, so it was not changed.');
    expect(await participant.getByTestId('note-editor').count()).toBe(0);
    await participant.keyboard.press('Escape');
    await participant.mouse.move(centre.x, centre.y);
    await participant.mouse.down();
    await participant.mouse.move(centre.x + 150, centre.y + 90, { steps: 10 });
    await participant.mouse.up();
    await expect.poll(() => positionOf(participant, 'inside'), POLL).toEqual(before);
    await screenshot(participant, 'controls-locked-frame');
    const violations = await axeViolations(participant, '[data-testid="lock-notice"]');
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // Around the editor, straight into the page's document: the server undoes it, and the page springs back.
    await participant.evaluate(() => {
      const note = window.__clapboard!.contentDoc.getMap('objects').get('inside') as import('yjs').Map<unknown>;
      (note.get('text') as import('yjs').Text).insert(0, 'SCRAWL ');
    });
    await expect.poll(async () => (await pageObject(participant, 'inside'))?.text, POLL).toBe('locked words');
    expect((await pageObject(facilitator, 'inside'))?.text).toBe('locked words');
    const server = await fetchServerDoc(suite.server.url, board.links.observer);
    expect(getObjectText(getObjectsMap(server).get('inside'))?.toString()).toBe('locked words');
    // Still connected, and the unlocked note is theirs to change.
    await participant.evaluate(() => {
      const note = window.__clapboard!.contentDoc.getMap('objects').get('outside') as import('yjs').Map<unknown>;
      (note.get('text') as import('yjs').Text).insert(0, 'more ');
    });
    await expect.poll(async () => (await pageObject(facilitator, 'outside'))?.text, POLL).toBe('more free words');
    expect(await participant.getByTestId('connection-status').getAttribute('data-status')).toBe('live');
  });

  it('the timer shows the same time left on two pages whose clocks disagree with the server', async () => {
    const board = await suite.server.createBoard('Timer');
    const facilitatorContext = await suite.person('Fatima');
    await skewClock(facilitatorContext, 3 * MINUTE);
    const facilitator = await openBoard(facilitatorContext, board.links.facilitator);
    const participantContext = await suite.person('Pavel');
    await skewClock(participantContext, -7 * MINUTE);
    const participant = await openBoard(participantContext, board.links.participant);
    expect(await participant.evaluate(() => Date.now() - new Date().getTime())).toBeLessThan(-6 * MINUTE);

    await facilitator.getByTestId('timer-minutes').fill('10');
    await facilitator.getByTestId('timer-set').click();
    const start = facilitator.getByTestId('timer-start');
    await expect.poll(() => start.isEnabled(), POLL).toBe(true);
    await start.click();
    await participant.locator('[data-testid="timer"][data-state="running"]').waitFor();

    // Both against the server's own clock and timer, read from Node (the real time).
    const control = await connectNodeClient(suite.server.url, board.links.observer, { doc: 'control' });
    await expect.poll(() => readTimer(control.doc)?.state, POLL).toBe('running');
    const timer = readTimer(control.doc)!;
    const startedAt = timer.startedAt!;
    expect(Math.abs(startedAt - Date.now())).toBeLessThan(10_000);
    const agree = async () => {
      const [a, b] = await Promise.all([remainingOn(facilitator), remainingOn(participant)]);
      const expected = timeLeftMs(timer, Date.now());
      return Math.max(Math.abs(a - b), Math.abs(a - expected), Math.abs(b - expected));
    };
    // 250 ms ticks on each page, and the reads a few ms apart: well under two seconds when the clocks are right.
    await expect.poll(agree, POLL).toBeLessThan(1_500);
    const shown = await participant.locator('.timer-face').textContent();
    expect(shown).toMatch(/^(10:00|9:5\d)$/);

    await facilitator.getByTestId('timer-pause').click();
    await participant.locator('[data-testid="timer"][data-state="paused"]').waitFor();
    const paused = await remainingOn(participant);
    expect(await remainingOn(facilitator)).toBe(paused);
    expect(paused).toBeGreaterThan(9 * MINUTE);
    // Someone joining late, with a clock of their own, sees the same.
    const lateContext = await suite.person('Lara');
    await skewClock(lateContext, 11 * MINUTE);
    const late = await openBoard(lateContext, board.links.observer);
    await late.locator('[data-testid="timer"][data-state="paused"]').waitFor();
    expect(await remainingOn(late)).toBe(paused);
    control.close();
    await screenshot(participant, 'controls-timer');
  });

  it('revoking the participant link disconnects the open participant tab and tells it why', async () => {
    const board = await suite.server.createBoard('Revoke');
    const facilitator = await suite.openAs('Fatima', board.links.facilitator);
    const participant = await suite.openAs('Pavel', board.links.participant);
    const row = facilitator.locator('[data-testid="link-row"][data-role="participant"]');
    await row.getByTestId('link-revoke').click();
    await expect.poll(() => facilitator.getByTestId('links-message').textContent(), POLL).toContain('The link was revoked.');
    await expect.poll(() => facilitator.locator('[data-testid="link-row"][data-role="participant"]').count(), POLL).toBe(0);

    const notice = participant.getByTestId('connection-ended');
    await notice.waitFor();
    expect(await notice.getAttribute('data-reason')).toBe('revoked');
    expect(await notice.textContent()).toBe(
      'A facilitator has revoked the link you used, so this page is no longer connected to the board. Ask a facilitator for a new link.',
    );
    await expect.poll(() => participant.getByTestId('connection-status').getAttribute('data-status'), POLL).toBe('ended');
    await screenshot(participant, 'controls-link-revoked');
    // It stays disconnected: nothing the participant writes now reaches the board.
    await participant.evaluate(() => {
      window.__clapboard!.contentDoc.transact(() => {
        const map = new (window.__clapboard!.contentDoc.getMap('objects').constructor as typeof import('yjs').Map)();
        window.__clapboard!.contentDoc.getMap('objects').set('afterRevoke', map);
      });
    });
    expect(await participant.evaluate(() => window.__clapboard!.connection().status)).toBe('ended');

    // Opening the old link again is refused with words, not a blank board.
    const again = await (await suite.person('Pavel')).newPage();
    await again.goto(board.links.participant);
    await again.getByTestId('board-error').waitFor();
    expect(await again.getByTestId('board-error').textContent()).toBe('This link is not valid any more. Ask the facilitator for a new one.');
    const server = await fetchServerDoc(suite.server.url, board.links.facilitator);
    expect(getObjectsMap(server).has('afterRevoke')).toBe(false);
  });
});
