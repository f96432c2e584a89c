/**
 * Issue #12's accessibility sweep on a phone, in English and in Arabic: a
 * participant's pages at 390×844 with a touch screen (the engagement
 * statement, the board, the round answer box, a ballot, "you said, we
 * did") pass axe-core with no serious or critical violation; and at 320 px
 * wide (WCAG 1.4.10, reflow) the statement, the board and the answer box
 * do not scroll sideways.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { screenshot, waitForReady } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import {
  NARROW_320,
  PAGE_MUST_PASS,
  SWEEP_LANGUAGES,
  expectDocumentLanguage,
  expectNoHorizontalScroll,
  expectNoSeriousViolations,
  openRound,
  personIn,
  printAxeSummary,
  sweepBoard,
  type SweepLanguage,
} from './support/a11y.ts';

const POLL = { timeout: 15_000, interval: 50 } as const;

describe('accessibility sweep on a phone', () => {
  const suite = useBrowserSuite();
  afterAll(() => printAxeSummary('axe-core, phone 390×844 (violations by impact):'));

  /** Checks the page's language, then axe; on a phone, touch targets (target-size) must have been checked too. */
  async function check(page: Page, language: SweepLanguage, label: string, selector?: string): Promise<void> {
    await expectDocumentLanguage(page, language);
    const mustPass = selector ? ['target-size'] : [...PAGE_MUST_PASS, 'target-size'];
    await expectNoSeriousViolations(page, `${label} [${language}, phone]`, selector ? { selector, mustPass } : { mustPass });
  }

  /** The statement page of a fresh participant, then Join (a tap: the keyboard has its own test). */
  async function join(page: Page): Promise<void> {
    await page.getByTestId('statement-join').tap();
    await waitForReady(page);
    await page.getByTestId('board-canvas').waitFor();
  }

  describe.each(SWEEP_LANGUAGES)('in %s', (language) => {
    it('a participant’s statement, board, answer box, ballot and "you said, we did" at 390×844', async () => {
      const sweep = await sweepBoard(suite, language, { round: true, vote: true });
      const page = await (await personIn(suite, language, 'Amal', 'phone')).newPage();
      await page.goto(sweep.board.links.participant);
      await page.getByTestId('statement-page').waitFor();
      await check(page, language, 'engagement statement');
      await expectNoHorizontalScroll(page, 'the statement page at 390 px');
      await screenshot(page, `a11y-statement-phone-${language}`);

      await join(page);
      const box = page.getByTestId('round-answer');
      await expect.poll(() => box.getByTestId('round-prompt').textContent(), POLL).toBe(sweep.texts.prompt);
      await check(page, language, 'board: participant');
      await check(page, language, 'round answer box', '[data-testid="round-answer"]');
      await screenshot(page, `a11y-board-phone-${language}`);
      const ballot = page.getByTestId('ballot-box');
      await expect.poll(() => ballot.getByRole('checkbox').count(), POLL).toBe(sweep.texts.notes.length);
      await ballot.scrollIntoViewIfNeeded();
      await check(page, language, 'ballot', '[data-testid="ballot-box"]');
      await expectNoHorizontalScroll(page, 'the board with a round and a vote at 390 px');

      await page.getByTestId('said-did-link').tap();
      await page.waitForURL(`**/b/${sweep.board.id}/said-did`);
      await expect.poll(() => page.getByTestId('said-did-theme').getByRole('heading', { level: 2 }).textContent(), POLL).toBe(sweep.themeName);
      await check(page, language, 'you said, we did');
      await expectNoHorizontalScroll(page, '"you said, we did" at 390 px');
      if (language === 'ar') await screenshot(page, 'a11y-said-did-phone-ar');
    });

    it('at 320 px wide the statement, the board and the answer box do not scroll sideways', async () => {
      const sweep = await sweepBoard(suite, language);
      const page = await (await personIn(suite, language, 'Bilal', 'phone')).newPage();
      await page.setViewportSize(NARROW_320);
      await page.goto(sweep.board.links.participant);
      await page.getByTestId('statement-page').waitFor();
      await expectDocumentLanguage(page, language);
      await expectNoHorizontalScroll(page, 'the statement page at 320 px');

      await join(page);
      await expectNoHorizontalScroll(page, 'the board at 320 px');
      await openRound(suite, sweep);
      const box = page.getByTestId('round-answer');
      await expect.poll(() => box.getByTestId('round-prompt').textContent(), POLL).toBe(sweep.texts.prompt);
      await expectNoHorizontalScroll(page, 'the board with the answer box at 320 px');
      // The box itself lies inside the screen's width, not only the page.
      const panel = (await box.boundingBox())!;
      expect(panel.x).toBeGreaterThanOrEqual(0);
      expect(panel.x + panel.width).toBeLessThanOrEqual(NARROW_320.width);
      await check(page, language, 'round answer box at 320 px', '[data-testid="round-answer"]');
      if (language === 'ar') await screenshot(page, 'a11y-answer-box-320-ar');
    });
  });
});
