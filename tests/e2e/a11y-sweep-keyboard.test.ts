/**
 * Issue #12: a participant's whole flow with the keyboard alone, on a
 * 390×844 phone, in English and in Arabic — open the link, read the
 * engagement statement, Join, answer a round, vote, open "you said, we
 * did" — with Tab, Shift+Tab, Enter, Space and typing only (no mouse, no
 * taps, no locator clicks). At every step the focused element shows its
 * focus (an outline or a box-shadow), Tab never gets stuck, and the answer
 * and the ballot really reach the server (read back through the
 * facilitator's API once the round and the vote are closed).
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { postJson } from '../support/postJson.ts';
import { focusedTestId } from './support/board.ts';
import { screenshot, waitForReady } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import {
  SWEEP_LANGUAGES,
  expectDocumentLanguage,
  expectFocusVisible,
  expectNoHorizontalScroll,
  openRound,
  openVote,
  personIn,
  sweepBoard,
  tabTo,
  tabWalks,
  type SweepLanguage,
} from './support/a11y.ts';

const POLL = { timeout: 15_000, interval: 50 } as const;
const ANSWERS: Record<SweepLanguage, string> = {
  en: 'A map of the bus routes, please',
  ar: 'خريطة لخطوط الحافلات من فضلك',
};

/** GET with the facilitator's token; the JSON answer. */
async function getJson(baseUrl: string, path: string, token: string): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.json();
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement?.closest('label')?.textContent ?? document.activeElement?.textContent ?? '').trim());
}

describe('a participant’s whole flow with the keyboard alone, on a phone', () => {
  const suite = useBrowserSuite();
  afterAll(() => console.log(`Tab walks:\n${tabWalks.join('\n')}`));

  it.each(SWEEP_LANGUAGES)('in %s: statement → Join → answer → vote → "you said, we did"', async (language) => {
    const { server } = suite;
    const sweep = await sweepBoard(suite, language);
    const { board } = sweep;
    const roundId = await openRound(suite, sweep);
    const page = await (await personIn(suite, language, 'Amal', 'phone')).newPage();

    // Open the link: the statement comes first, in the reader's language, and focus is on its heading.
    await page.goto(board.links.participant);
    await page.getByTestId('statement-page').waitFor();
    await expectDocumentLanguage(page, language);
    expect(await page.getByTestId('statement-purpose').textContent()).toBe(sweep.texts.purpose);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), POLL).toBe('H1');

    // Join, from the keyboard.
    await tabTo(page, '[data-testid="statement-join"]');
    await expectFocusVisible(page, 'the Join button');
    await page.keyboard.press('Enter');
    await waitForReady(page);
    // The Join button is gone: focus lands on the board's name, not on the empty page.
    await expect.poll(() => focusedTestId(page), POLL).toBe('board-title');
    await expectFocusVisible(page, 'the board title after Join');
    expect(await page.getByTestId('board-title').textContent()).toBe(sweep.texts.title);
    const box = page.getByTestId('round-answer');
    await expect.poll(() => box.getByTestId('round-prompt').textContent(), POLL).toBe(sweep.texts.prompt);

    // Past the canvas with the skip link, to the side panel, where the question is.
    await tabTo(page, '[data-testid="skip-to-side"]');
    await expectFocusVisible(page, 'the skip link');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('board-side');
    await expectFocusVisible(page, 'the side panel after the skip link');

    // Answer the round: to the text box, type, to Send, Enter.
    await tabTo(page, '[data-testid="round-answer-text"]', { max: 10 });
    await expectFocusVisible(page, 'the answer box');
    await page.keyboard.type(ANSWERS[language]);
    expect(await box.getByTestId('round-answer-text').inputValue()).toBe(ANSWERS[language]);
    await tabTo(page, '[data-testid="round-send"]');
    await expectFocusVisible(page, 'the Send button');
    await page.keyboard.press('Enter');
    await expect.poll(() => box.getByTestId('round-sent-text').count(), POLL).toBe(1);
    expect(await box.getByTestId('round-sent-text').textContent()).toBe(ANSWERS[language]);
    // Focus is not dropped to the top of the page: it is on the receipt that replaced the form, and shows.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('round-receipt') ?? false), POLL).toBe(true);
    await expectFocusVisible(page, 'the receipt after sending');

    // The answer is on the server: one answer, counted exactly once the facilitator closes the round.
    expect((await postJson(server.url, `/api/boards/${board.id}/rounds/${roundId}/close`, board.tokens.facilitator)).status).toBe(200);
    await expect
      .poll(async () => (await getJson(server.url, `/api/boards/${board.id}/rounds/${roundId}`, board.tokens.facilitator)) as { state: string; count: number }, POLL)
      .toMatchObject({ state: 'closed', count: 1 });

    // Vote: the facilitator opens one; tick a choice with Space, send with Enter.
    const voteId = await openVote(suite, sweep);
    const ballot = page.getByTestId('ballot-box');
    await expect.poll(() => ballot.getByRole('checkbox').count(), POLL).toBe(sweep.texts.notes.length);
    await tabTo(page, '[data-testid="ballot-box"] input[type="checkbox"]');
    await expectFocusVisible(page, 'a ballot choice');
    const choice = await focusedText(page);
    expect(sweep.texts.notes).toContain(choice);
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).checked), POLL).toBe(true);
    await tabTo(page, '[data-testid="ballot-send"]');
    await expectFocusVisible(page, 'the Send votes button');
    await page.keyboard.press('Enter');
    await ballot.getByTestId('ballot-counted').waitFor(POLL);
    // As after the answer: focus moves to the message that replaced the form, and shows.
    await expect.poll(() => focusedTestId(page), POLL).toBe('ballot-counted');
    await expectFocusVisible(page, 'the "counted" message after voting');
    await expectNoHorizontalScroll(page, 'the board after voting');
    await screenshot(page, `a11y-keyboard-voted-phone-${language}`);

    // The ballot is on the server: one ballot, one dot, on the note whose words were ticked.
    const closed = await postJson(server.url, `/api/boards/${board.id}/votes/${voteId}/close`, board.tokens.facilitator);
    expect(closed.status).toBe(200);
    const chosenId = sweep.noteIds[sweep.texts.notes.indexOf(choice)]!;
    expect(closed.body).toMatchObject({ state: 'closed', ballots: 1 });
    expect(closed.body.counts).toEqual(Object.fromEntries(sweep.noteIds.map((id) => [id, id === chosenId ? 1 : 0])));
    // The closed vote's results replace the message that had focus: focus goes to the box's heading, not to the page.
    await ballot.getByTestId('vote-results-list').waitFor(POLL);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="ballot-box"]') !== null && document.activeElement?.tagName === 'H2'), POLL).toBe(true);
    await expectFocusVisible(page, 'the results heading after the vote closed');

    // "You said, we did": back up the page to the header's link, Enter.
    await tabTo(page, '[data-testid="said-did-link"]', { backwards: true });
    await expectFocusVisible(page, 'the "you said, we did" link');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/b/${board.id}/said-did`);
    const theme = page.getByTestId('said-did-theme');
    await expect.poll(() => theme.getByRole('heading', { level: 2 }).textContent(), POLL).toBe(sweep.themeName);
    expect(await theme.textContent()).toContain(sweep.texts.action);
    await expectDocumentLanguage(page, language);
    // Every control on it is reached by Tab, and shows focus: the way back to the board, the receipt box.
    await tabTo(page, '[data-testid="said-did-back"]');
    await expectFocusVisible(page, 'the link back to the board');
    await tabTo(page, '[data-testid="said-did-receipt"]');
    await expectFocusVisible(page, 'the receipt field');
    await screenshot(page, `a11y-keyboard-said-did-phone-${language}`);
  });
});
