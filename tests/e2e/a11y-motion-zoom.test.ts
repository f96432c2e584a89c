/**
 * Two checks the axe sweep cannot make (issue #12, WCAG 2.2 AA): nothing
 * moves on its own for someone who asks for reduced motion, and the pages
 * still work at 200 % zoom (a 1280×800 laptop at 200 % lays out as 640×400
 * CSS pixels): nothing scrolls sideways, and the one thing to do is on screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SWEEP_LANGUAGES, expectNoHorizontalScroll, joinIfAsked, personIn, sweepBoard } from './support/a11y.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 15_000, interval: 50 } as const;

/**
 * CSS animations and transitions on the page that have not finished, pending
 * ones included (the Web Animations API sees both kinds): on a busy machine
 * a frame may not have run since one started, so "running" alone misses it.
 */
const runningAnimations = (page: Page) => page.evaluate(() => document.getAnimations().filter((animation) => animation.playState !== 'finished').length);

describe('motion and zoom', () => {
  const suite = useBrowserSuite();

  it('with reduced motion asked for, nothing animates on the statement page, the board or its dialogs', async () => {
    const sweep = await sweepBoard(suite, 'en', { round: true });
    const context = await personIn(suite, 'en', 'Amal');
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(sweep.board.links.participant);
    await page.getByTestId('statement-page').waitFor();
    expect(await runningAnimations(page)).toBe(0);
    await joinIfAsked(page);
    await page.getByTestId('round-answer').waitFor();
    expect(await runningAnimations(page)).toBe(0);
    await page.getByTestId('statement-open').click();
    await page.getByTestId('statement-dialog').waitFor();
    expect(await runningAnimations(page)).toBe(0);
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
  });

  for (const language of SWEEP_LANGUAGES) {
    it(`${language}: at 200 % zoom the statement page and the board reflow, with Join and the answer box reachable`, async () => {
      const sweep = await sweepBoard(suite, language, { round: true });
      const context = await personIn(suite, language, 'Samir');
      const page = await context.newPage();
      await page.setViewportSize({ width: 640, height: 400 });
      await page.goto(sweep.board.links.participant);
      await page.getByTestId('statement-page').waitFor();
      await expectNoHorizontalScroll(page, `statement at 200 % (${language})`);
      // Join stays in view at the bottom of the screen, however long the statement.
      const join = page.getByTestId('statement-join');
      await expect.poll(() => join.evaluate((button) => {
        const box = button.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight && box.width > 0;
      }), POLL).toBe(true);
      await join.click();
      await page.waitForFunction(() => window.__clapboard?.isReady() === true, null, { timeout: 20_000, polling: 50 });
      await expectNoHorizontalScroll(page, `board at 200 % (${language})`);
      const box = page.getByTestId('round-answer');
      await box.scrollIntoViewIfNeeded();
      await box.getByTestId('round-answer-text').fill(language === 'ar' ? 'جواب' : 'An answer');
      await expectNoHorizontalScroll(page, `answer box at 200 % (${language})`);
    });
  }
});
