/**
 * The steps in the reader's language (issue #12): a facilitator translates
 * the focus group's step titles and prompts into Arabic from the step
 * controls, and a participant whose phone reads Arabic sees the current
 * step in Arabic; a step left untranslated shows its original.
 */
import { describe, expect, it } from 'vitest';
import { createBoardWith } from '../support/server.ts';
import { axeViolations } from './support/axe.ts';
import { PHONE, openBoard } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 15_000, interval: 50 } as const;
const WELCOME_AR = 'أهلًا وسهلًا';
const QUESTION_AR = 'السؤال الأول: إيجاد المساعدة';

describe('steps in other languages', () => {
  const suite = useBrowserSuite();

  it('a facilitator translates the steps; an Arabic phone follows them in Arabic', async () => {
    const board = await createBoardWith(suite.server.url, { title: 'Advice sessions', template: 'focus-group' });
    const facilitator = await openBoard(await suite.person('Fatima'), board.links.facilitator);
    const controls = facilitator.getByTestId('step-controls');
    await controls.getByTestId('steps-translate').click();
    const form = controls.getByTestId('steps-translate-form');
    await form.getByTestId('steps-translate-language').selectOption('ar');
    await form.getByLabel('Welcome', { exact: true }).fill(WELCOME_AR);
    await form.getByLabel('Question 1: Finding help', { exact: true }).fill(QUESTION_AR);
    expect(await axeViolations(facilitator, '[data-testid="steps-translate-form"]', ['label'])).toEqual([]);
    await form.getByTestId('steps-translate-save').click();
    await expect.poll(() => controls.getByTestId('step-status').textContent(), POLL).toMatch(/^Translation saved\./);

    const phone = await suite.browser.newContext({ ...PHONE, locale: 'ar' });
    try {
      await phone.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
      const participant = await openBoard(phone, board.links.participant);
      await controls.getByTestId('step-next').click();
      const title = participant.getByTestId('step-prompt-title');
      await expect.poll(() => title.textContent(), POLL).toBe(WELCOME_AR);
      expect(await title.getAttribute('lang')).toBe('ar');
      await controls.getByTestId('step-next').click();
      await expect.poll(() => title.textContent(), POLL).toBe(QUESTION_AR);
      // Its prompt was left empty: the original words, with no language claimed for them.
      const prompt = participant.getByTestId('step-prompt-text');
      await expect.poll(() => prompt.textContent(), POLL).toBe('What is it like to find help and services here?');
      expect(await prompt.getAttribute('lang')).toBeNull();
      // The facilitator, reading English, still sees the original.
      await expect.poll(() => controls.getByTestId('step-position').innerText(), POLL).toMatch(/Question 1: Finding help$/);
    } finally {
      await phone.close();
    }
  });
});
