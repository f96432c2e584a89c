/**
 * The engagement statement in the reader's language (issue #12): a
 * facilitator translates it from the board, and a participant whose phone
 * reads Arabic reads it in Arabic before joining, right to left, with the
 * original one tap away. A field the facilitator left empty shows the
 * original, and nothing on the page fails axe-core.
 */
import { describe, expect, it } from 'vitest';
import { dateInDays } from '@clapboard/shared';
import { ar } from '../../client/src/i18n/locales/ar.ts';
import { en } from '../../client/src/i18n/locales/en.ts';
import { createBoardWith } from '../support/server.ts';
import { axeViolations } from './support/axe.ts';
import { PHONE, openBoard, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 15_000, interval: 50 } as const;

const STATEMENT = {
  purpose: 'Rewrite the letter people get when they first arrive in the borough.',
  level: 'involve',
  canChange: 'What the letter says, in what order, and in which languages.',
  cannotChange: 'Home Office rules about housing and payments.',
  inputUse: 'The housing team writes the new letter from what is on this board.',
  feedback: 'We bring the draft back to the Thursday drop-in in May.',
  runBy: 'Lewisham Council housing team with Refugee Welcome',
  deleteOn: dateInDays(60),
} as const;
const PURPOSE_AR = 'إعادة كتابة الرسالة التي يتلقاها الناس عند وصولهم إلى المنطقة أول مرة.';
const RUN_BY_AR = 'فريق الإسكان في مجلس لويشام مع منظمة «ترحيب باللاجئين»';

describe('the engagement statement in other languages', () => {
  const suite = useBrowserSuite();

  it('a facilitator translates it on the board; an Arabic phone reads it in Arabic before joining, and the original on request', async () => {
    const board = await createBoardWith(suite.server.url, { title: 'Welcome letter', statement: STATEMENT });

    const facilitator = await openBoard(await suite.person('Fatima'), board.links.facilitator);
    await facilitator.getByTestId('statement-open').click();
    await facilitator.getByTestId('statement-translate').click();
    const form = facilitator.getByTestId('statement-translate-form');
    await form.getByTestId('statement-translate-language').selectOption('ar');
    // The original stands above each box, so the translator sees what they translate.
    expect(await form.locator('#statement-translate-purpose-original').textContent()).toContain(STATEMENT.purpose);
    await form.getByTestId('statement-translate-purpose').fill(PURPOSE_AR);
    await form.getByTestId('statement-translate-runBy').fill(RUN_BY_AR);
    expect(await form.getByTestId('statement-translate-purpose').getAttribute('lang')).toBe('ar');
    const formViolations = await axeViolations(facilitator, '[data-testid="statement-dialog"]', ['label']);
    expect(formViolations, JSON.stringify(formViolations, null, 2)).toEqual([]);
    await form.getByTestId('statement-translate-save').click();
    await expect.poll(() => facilitator.getByTestId('statement-saved').textContent(), POLL).toBe(en.statement.translate.saved);
    await expect.poll(() => facilitator.getByTestId('statement-translated-into').textContent(), POLL).toContain('العربية');

    // A participant whose phone prefers Arabic opens the link.
    const phone = await suite.browser.newContext({ ...PHONE, locale: 'ar-SY' });
    try {
      await phone.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
      const participant = await phone.newPage();
      await participant.goto(board.links.participant);
      await participant.getByTestId('statement-page').waitFor();
      await expect.poll(() => participant.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir })), POLL).toEqual({ lang: 'ar', dir: 'rtl' });
      const purpose = participant.getByTestId('statement-purpose');
      await expect.poll(() => purpose.textContent(), POLL).toBe(PURPOSE_AR);
      expect(await purpose.getAttribute('lang')).toBe('ar');
      expect(await participant.getByTestId('statement-runBy').textContent()).toBe(RUN_BY_AR);
      // Not translated: the original, as written.
      expect(await participant.getByTestId('statement-canChange').textContent()).toBe(STATEMENT.canChange);
      expect(await participant.getByTestId('statement-translation-note').textContent()).toContain(ar.statement.translation.note);
      const violations = await axeViolations(participant);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      await screenshot(participant, 'statement-phone-ar');

      // The original is one tap away, and back.
      await participant.getByTestId('statement-show-original').click();
      await expect.poll(() => purpose.textContent(), POLL).toBe(STATEMENT.purpose);
      expect(await purpose.getAttribute('lang')).toBeNull();
      await participant.getByTestId('statement-show-original').click();
      await expect.poll(() => purpose.textContent(), POLL).toBe(PURPOSE_AR);
    } finally {
      await phone.close();
    }
  });
});
