/**
 * Issue #12's accessibility sweep on a 1440×900 desktop, in English and in
 * Arabic: axe-core (WCAG 2.2 A/AA) on every page and state — the create
 * page, the engagement statement, the board as each role, the outline, the
 * round answer box, a ballot, "you said, we did", the room display and the
 * export dialog. Any serious or critical violation fails, naming the rule,
 * its impact and where; moderate and minor ones are counted and printed.
 * In Arabic the document is `<html dir="rtl" lang="ar">` on every page.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { roomDisplayLink } from '@clapboard/shared';
import { screenshot, waitForReady } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import {
  DESKTOP_1440,
  SWEEP_LANGUAGES,
  expectDocumentLanguage,
  expectNoSeriousViolations,
  joinIfAsked,
  personIn,
  printAxeSummary,
  sweepBoard,
  type SweepLanguage,
} from './support/a11y.ts';

const POLL = { timeout: 15_000, interval: 50 } as const;

describe('accessibility sweep on a desktop', () => {
  const suite = useBrowserSuite();
  afterAll(() => printAxeSummary('axe-core, desktop 1440×900 (violations by impact):'));

  /** A page in `language` at 1440×900. */
  async function desktopPage(language: SweepLanguage, name: string): Promise<Page> {
    const context = await personIn(suite, language, name);
    const page = await context.newPage();
    await page.setViewportSize(DESKTOP_1440);
    return page;
  }

  /** Checks the page's language, then axe (`mustPass`: rules that must have found something to pass). */
  async function check(page: Page, language: SweepLanguage, label: string, selector?: string, mustPass?: readonly string[]): Promise<void> {
    await expectDocumentLanguage(page, language);
    await expectNoSeriousViolations(page, `${label} [${language}]`, { ...(selector ? { selector } : {}), ...(mustPass ? { mustPass } : {}) });
  }

  describe.each(SWEEP_LANGUAGES)('in %s', (language) => {
    it('the create-board page, before and after creating, and the engagement statement before Join', async () => {
      const create = await desktopPage(language, 'Fatima');
      await create.goto(suite.server.url);
      await create.getByTestId('create-title').waitFor();
      await check(create, language, 'create board');
      await create.getByTestId('create-title').fill('Housing forum');
      await create.getByTestId('create-submit').click();
      await create.getByTestId('link-facilitator-url').waitFor();
      await check(create, language, 'create board: links shown');

      const sweep = await sweepBoard(suite, language);
      const participant = await desktopPage(language, 'Amal');
      await participant.goto(sweep.board.links.participant);
      await participant.getByTestId('statement-page').waitFor();
      await check(participant, language, 'engagement statement (participant)');
      expect(await participant.getByTestId('statement-purpose').textContent()).toBe(sweep.texts.purpose);
      if (language === 'ar') await screenshot(participant, 'a11y-statement-desktop-ar');
    });

    it('the board as facilitator, participant, observer and interpreter; the outline; the export dialog', async () => {
      const sweep = await sweepBoard(suite, language);
      const { links } = sweep.board;
      for (const [role, link] of [
        ['facilitator', links.facilitator],
        ['participant', links.participant],
        ['observer', links.observer],
        ['interpreter', sweep.interpreter],
      ] as const) {
        const page = await desktopPage(language, `Axe ${role}`);
        await page.goto(link);
        await joinIfAsked(page);
        await expect.poll(() => page.locator('[data-testid="outline-note"]').count(), POLL).toBe(sweep.texts.notes.length);
        await check(page, language, `board: ${role}`);
        await check(page, language, `outline: ${role}`, '[data-testid="outline"]');
        if (role === 'facilitator') {
          await page.getByTestId('export-open').click();
          await page.getByTestId('export-dialog').waitFor();
          await check(page, language, 'export dialog', '[data-testid="export-dialog"]');
          // With a modal open axe treats the rest of the page as inert, <html> included: nothing to insist it checked there.
          await check(page, language, 'board with the export dialog open', undefined, []);
          if (language === 'ar') await screenshot(page, 'a11y-export-dialog-ar');
          await page.keyboard.press('Escape');
          await page.getByTestId('export-dialog').waitFor({ state: 'hidden' });
        }
        if (role === 'participant' && language === 'ar') await screenshot(page, 'a11y-board-participant-ar');
      }
    });

    it('the round answer box, a ballot, "you said, we did" and the room display', async () => {
      const sweep = await sweepBoard(suite, language, { round: true, vote: true });
      const page = await desktopPage(language, 'Amal');
      await page.goto(sweep.board.links.participant);
      await joinIfAsked(page);
      const box = page.getByTestId('round-answer');
      await expect.poll(() => box.getByTestId('round-prompt').textContent(), POLL).toBe(sweep.texts.prompt);
      await check(page, language, 'round answer box', '[data-testid="round-answer"]');
      const ballot = page.getByTestId('ballot-box');
      await expect.poll(() => ballot.getByRole('checkbox').count(), POLL).toBe(sweep.texts.notes.length);
      await check(page, language, 'ballot', '[data-testid="ballot-box"]');
      await check(page, language, 'board: participant with a round and a vote open');
      if (language === 'ar') await screenshot(page, 'a11y-answer-and-ballot-ar');

      await page.getByTestId('said-did-link').click();
      await page.waitForURL(`**/b/${sweep.board.id}/said-did`);
      await expect.poll(() => page.getByTestId('said-did-theme').getByRole('heading', { level: 2 }).textContent(), POLL).toBe(sweep.themeName);
      await check(page, language, 'you said, we did');

      const display = await desktopPage(language, 'Projector');
      await display.goto(roomDisplayLink(suite.server.url, sweep.board.id, sweep.board.tokens.observer, { join: sweep.board.links.participant }));
      await waitForReady(display);
      await display.getByTestId('room-qr').waitFor(POLL);
      await check(display, language, 'room display');
      if (language === 'ar') await screenshot(display, 'a11y-room-display-ar');
    });
  });
});
