/**
 * The facilitation flow of issue #8, end to end in Chromium: a facilitator
 * creates a board from the focus-group template with an engagement
 * statement; a participant reads the statement, joins and sees the frames;
 * the facilitator locks a frame and the participant's edit there is refused
 * by the server (the stored board is checked, not only the page); the timer
 * shows the same time left in both browsers; the facilitator revokes the
 * participant link and the open participant tab is disconnected and told why.
 * Each step's details have their own flows (statement, templates, controls).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findShippedTemplate, getObjectText, getObjectsMap, readAllObjects, todayDate } from '@clapboard/shared';
import { openBoard, screenshot, waitForReady } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import { fetchServerDoc } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;
const focusGroup = findShippedTemplate('focus-group')!;

const STATEMENT: Record<string, string> = {
  purpose: 'Hear what makes the advice sessions hard to reach, in your own words.',
  canChange: 'Where and when the sessions run, and how they are explained.',
  cannotChange: 'Who is eligible for advice, which the law decides.',
  inputUse: 'The advice team changes the sessions from what is written here.',
  feedback: 'We come back to this group in six weeks to say what changed.',
  runBy: 'The advice team with the refugee-led group',
  deleteOn: todayDate(Date.now() + 90 * 24 * 60 * 60 * 1000),
};

const remainingOn = async (page: Page) => Number(await page.getByTestId('timer').getAttribute('data-remaining-ms'));

describe('running a focus group', () => {
  const suite = useBrowserSuite();

  it('statement → join → frames → a server-enforced lock → one timer → a revoked link', async () => {
    const facilitatorContext = await suite.person('Fatima');
    const create = await facilitatorContext.newPage();
    await create.goto(suite.server.url);
    await create.getByTestId('create-title').fill('Advice sessions');
    await create.getByTestId('create-template').selectOption('focus-group');
    await create.getByTestId('statement-level-consult').check();
    for (const [field, value] of Object.entries(STATEMENT)) await create.getByTestId(`statement-input-${field}`).fill(value);
    await create.getByTestId('create-submit').click();
    await create.getByTestId('board-links').waitFor();
    const participantLink = await create.getByTestId('link-participant-url').inputValue();
    const facilitatorLink = await create.getByTestId('link-facilitator-url').inputValue();

    // The participant reads the statement first, then joins and sees the template's frames.
    const participant = await (await suite.person('Amal', 'phone')).newPage();
    await participant.goto(participantLink);
    await participant.getByTestId('statement-page').waitFor();
    expect(await participant.getByTestId('statement-purpose').textContent()).toBe(STATEMENT.purpose);
    expect(await participant.getByTestId('statement-level').textContent()).toBe('Consult');
    await participant.getByTestId('statement-join').click();
    await waitForReady(participant);
    const frameTitles = () =>
      participant.evaluate(() =>
        Object.values(window.__clapboard!.contentDoc.getMap('objects').toJSON() as Record<string, { type: string; text?: string }>)
          .filter((object) => object.type === 'frame')
          .map((object) => object.text ?? '')
          .sort(),
      );
    await expect.poll(frameTitles, POLL).toEqual(focusGroup.frames.map((frame) => frame.title).sort());

    // The facilitator locks the "who is not in the room" frame; the participant's edit of a note in it is undone by the server.
    const facilitator = await openBoard(facilitatorContext, facilitatorLink);
    const stored = await fetchServerDoc(suite.server.url, facilitatorLink);
    const objects = readAllObjects(stored);
    const frame = objects.find((object) => object.type === 'frame' && object.text.startsWith('Who is not in the room'))!;
    const note = objects.find((object) => object.type === 'note' && object.frameId === frame.id)!;
    const words = note.type === 'note' ? note.text : '';
    await facilitator.locator(`[data-testid="lock-frame-toggle"][data-frame-id="${frame.id}"]`).check();
    await participant.locator(`[data-testid="lock-badge"][data-frame-id="${frame.id}"]`).waitFor();
    await participant.evaluate((id) => {
      const map = window.__clapboard!.contentDoc.getMap('objects').get(id) as import('yjs').Map<unknown>;
      (map.get('text') as import('yjs').Text).insert(0, 'CHANGED BY A PARTICIPANT ');
    }, note.id);
    await expect.poll(() => participant.evaluate((id) => (window.__clapboard!.contentDoc.getMap('objects').get(id) as import('yjs').Map<unknown>).get('text')!.toString(), note.id), POLL).toBe(words);
    const afterLock = await fetchServerDoc(suite.server.url, facilitatorLink);
    expect(getObjectText(getObjectsMap(afterLock).get(note.id))?.toString()).toBe(words);

    // One timer, the same time left on both pages.
    await facilitator.getByTestId('timer-minutes').fill('5');
    await facilitator.getByTestId('timer-set').click();
    const start = facilitator.getByTestId('timer-start');
    await expect.poll(() => start.isEnabled(), POLL).toBe(true);
    await start.click();
    await participant.locator('[data-testid="timer"][data-state="running"]').waitFor();
    await expect.poll(async () => Math.abs((await remainingOn(facilitator)) - (await remainingOn(participant))), POLL).toBeLessThan(1_500);
    await screenshot(participant, 'facilitation-phone-locked-timer');

    // The facilitator revokes the participant link: the open tab is disconnected and told why.
    await facilitator.locator('[data-testid="link-row"][data-role="participant"]').getByTestId('link-revoke').click();
    const ended = participant.getByTestId('connection-ended');
    await ended.waitFor();
    expect(await ended.getAttribute('data-reason')).toBe('revoked');
    expect(await ended.textContent()).toContain('revoked the link you used');
  });
});
