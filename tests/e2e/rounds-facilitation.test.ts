/**
 * A facilitator runs a round end to end in the browser (issue #9): asks a
 * question with an Arabic translation and a closing time; a participant
 * whose browser speaks Arabic reads it in Arabic with the time left; the
 * facilitator types in two paper answers, a participant answers, the round
 * is revealed, and the facilitator hides one answer with a reason, which
 * every page then shows instead of its words.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DISPLAY_NAME_KEY, openBoard, PHONE, screenshot } from './support/browser.ts';
import { pageObjects } from './support/board.ts';
import { clickObject } from './support/editing.ts';
import { axeViolations } from './support/axe.ts';
import { useBrowserSuite } from './support/suite.ts';
import { everythingVisible } from './support/visible.ts';
import { ar } from '../../client/src/i18n/locales/ar.ts';
import { en } from '../../client/src/i18n/locales/en.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

const PROMPT = 'What would make the advice sessions easier to use?';
const ARABIC = 'ما الذي سيجعل جلسات المشورة أسهل في الاستخدام؟';
const PAPER = ['The room upstairs has no lift', 'Sessions in the evening, after work'];
const TYPED = 'An interpreter who stays for the whole session';
const REASON = 'It names a member of staff';

/** `answers.<answerId>` as the page's content document holds it. */
async function revealedAnswers(page: Page): Promise<Record<string, { text: string; hidden?: boolean; hiddenReason?: string }>> {
  return page.evaluate(() => window.__clapboard!.contentDoc.getMap('answers').toJSON() as Record<string, { text: string; hidden?: boolean; hiddenReason?: string }>);
}

/** The id of the card on the board whose answerId is `answerId`. */
async function cardOf(page: Page, answerId: string): Promise<string> {
  const objects = await pageObjects(page);
  const id = Object.keys(objects).find((key) => objects[key]!.type === 'answer' && objects[key]!.answerId === answerId);
  if (!id) throw new Error(`no card for answer ${answerId}`);
  return id;
}

/** Moves the page's camera so the object is in the middle of its canvas, at 100%. */
async function centreOn(page: Page, id: string): Promise<void> {
  await page.evaluate((id) => {
    const hook = window.__clapboard!;
    const object = (hook.contentDoc.getMap('objects').get(id) as { toJSON(): { x: number; y: number; width: number; height: number } }).toJSON();
    const canvas = document.querySelector('[data-testid="board-canvas"]')!;
    hook.setViewport({ x: object.x + object.width / 2 - canvas.clientWidth / 2, y: object.y + object.height / 2 - canvas.clientHeight / 2, zoom: 1 });
  }, id);
}

/**
 * Selects the card by clicking it, first clicking off it (a canvas corner,
 * away from the centred card): the canvas reads a selection out to screen
 * readers only when it changes, and the card may be selected already.
 */
async function clickCard(page: Page, cardId: string): Promise<void> {
  // Clicked again until the page has it selected (its own presence says so): on a
  // loaded machine a click can land before the camera has moved to the card.
  // Always one fresh click (off, then on): the screen-reader line speaks a change of selection.
  const selected = () => page.evaluate((id) => ((window.__clapboard!.awareness.getLocalState() as { selection?: string[] } | null)?.selection ?? []).includes(id), cardId);
  const click = async () => {
    await centreOn(page, cardId);
    const box = (await page.getByTestId('board-canvas').boundingBox())!;
    await page.mouse.click(box.x + 8, box.y + 8);
    await clickObject(page, cardId);
  };
  await click();
  await expect
    .poll(async () => {
      if (await selected()) return true;
      await click();
      return selected();
    }, { timeout: 20_000, interval: 300 })
    .toBe(true);
}

describe('a facilitator runs a round: translation, closing time, paper answers, hiding', () => {
  const suite = useBrowserSuite();

  /** A phone whose browser prefers Arabic (navigator.languages, Accept-Language), as suite.person makes them otherwise. */
  async function arabicPhone(name: string, link: string): Promise<Page> {
    const context = await suite.browser.newContext({ ...PHONE, locale: 'ar' });
    context.setDefaultTimeout(15_000);
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [DISPLAY_NAME_KEY, name] as const);
    // Closed with the browser when the suite ends.
    return openBoard(context, link);
  }

  it('from asking to hiding, with every page following', async () => {
    const board = await suite.server.createBoard('Advice sessions');
    const facilitator = await suite.openAs('Fatima', board.links.facilitator);
    const controls = facilitator.getByTestId('round-controls');

    // Nothing typed: the form names the field, links the words to it and puts focus there.
    await controls.getByTestId('round-open').click();
    const promptInput = controls.getByTestId('round-prompt-input');
    await expect.poll(() => promptInput.getAttribute('aria-invalid'), POLL).toBe('true');
    const errorId = (await promptInput.getAttribute('aria-describedby'))!;
    expect(await facilitator.locator(`[id="${errorId}"]`).textContent()).toBe('Write the question.');
    expect(await promptInput.evaluate((element) => element === document.activeElement)).toBe(true);

    await promptInput.fill(PROMPT);
    // By keyboard: "Add a translation" puts focus in the new row's language field.
    await controls.getByTestId('round-add-translation').focus();
    await facilitator.keyboard.press('Enter');
    const row = controls.getByTestId('round-translation');
    await expect.poll(() => row.getByTestId('round-translation-lang').evaluate((element) => element === document.activeElement), POLL).toBe(true);
    await facilitator.keyboard.type('ar');
    await expect.poll(() => row.getByTestId('round-translation-name').textContent(), POLL).toBe('Recognised as Arabic.');
    await row.getByTestId('round-translation-text').fill(ARABIC);
    await controls.getByTestId('round-closing-choice').selectOption('in-10');
    await expect.poll(() => controls.getByTestId('round-closing-help').textContent(), POLL).toMatch(/^If you ask it now, it closes at .+\. You can still close it by hand before then\.$/);

    // The filled-in form passes axe, and fits a 390 px phone.
    const filled = await axeViolations(facilitator, '[data-testid="round-controls"]', ['label', 'color-contrast', 'target-size']);
    expect(filled, JSON.stringify(filled, null, 2)).toEqual([]);
    await facilitator.setViewportSize(PHONE.viewport);
    expect(await facilitator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
    // On a phone the facilitator's panels open from the bar ("Run"), over the board.
    await facilitator.getByTestId('phone-controls').click();
    await controls.getByTestId('round-new-form').waitFor();
    const form = (await controls.getByTestId('round-new-form').boundingBox())!;
    expect(form.x).toBeGreaterThanOrEqual(0);
    expect(form.x + form.width).toBeLessThanOrEqual(PHONE.viewport.width);
    await screenshot(facilitator, 'rounds-facilitator-form-phone');
    await facilitator.setViewportSize({ width: 1600, height: 900 });

    await controls.getByTestId('round-open').click();
    await expect.poll(() => controls.getByTestId('round-controls-status').textContent(), POLL).toBe('The question is open for answers.');
    const round = controls.getByTestId('round-row').filter({ hasText: PROMPT });
    await expect.poll(() => round.getAttribute('data-state'), POLL).toBe('open');
    expect(await round.getByTestId('round-translated').textContent()).toBe('Translated into Arabic.');
    await expect.poll(() => round.getByTestId('round-closing').textContent(), POLL).toMatch(/^Closes at .+: (10|9) minutes left\.$/);
    // The language stays for the next question; its words do not.
    expect(await row.getByTestId('round-translation-lang').inputValue()).toBe('ar');
    expect(await row.getByTestId('round-translation-text').inputValue()).toBe('');

    // A participant whose phone speaks Arabic reads the Arabic question, with the original a tap away, and the time left.
    const amal = await arabicPhone('Amal', board.links.participant);
    const amalBox = amal.getByTestId('round-answer');
    await expect.poll(() => amalBox.getByTestId('round-prompt').textContent(), POLL).toBe(ARABIC);
    expect(await amalBox.getByTestId('round-prompt').getAttribute('lang')).toBe('ar');
    await amalBox.getByTestId('round-original').locator('summary').tap();
    await expect.poll(() => amalBox.getByTestId('round-original').innerText(), POLL).toContain(PROMPT);
    // Her whole page is in Arabic now (issue #12), time left in Arabic's own plural form for 3 to 10.
    const arabicMinutesLeft = new RegExp(`^${ar.rounds.closing.minutes_few.replace(/\.$/, '\\.').replace('{{time}}', '.+').replace('{{count}}', '(10|9)')}$`);
    await expect.poll(() => amalBox.getByTestId('round-closing').textContent(), POLL).toMatch(arabicMinutesLeft);
    expect(await amal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
    await screenshot(amal, 'rounds-arabic-prompt-phone');
    // An observer is shown the question and its time too, with nothing to answer in.
    const omar = await suite.openAs('Omar', board.links.observer);
    await expect.poll(() => omar.getByTestId('round-notice').getByTestId('round-closing').textContent(), POLL).toMatch(/minutes left\.$/);
    expect(await omar.getByTestId('round-answer-text').count()).toBe(0);

    // Two paper answers: the box empties after each 201 and says how many were added; no receipt is kept.
    const paper = round.getByTestId('round-paper');
    await paper.locator('summary').click();
    expect(await paper.innerText()).toContain('their authors cannot edit, withdraw or look them up later');
    for (const [index, words] of PAPER.entries()) {
      await paper.getByTestId('round-paper-text').fill(words);
      await paper.getByTestId('round-paper-add').click();
      const count = index + 1;
      await expect.poll(() => paper.getByTestId('round-paper-status').textContent(), POLL).toBe(
        `Added. You have typed in ${count} paper ${count === 1 ? 'answer' : 'answers'} since opening this page.`,
      );
      expect(await paper.getByTestId('round-paper-text').inputValue()).toBe('');
    }
    expect(await facilitator.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('clapboard.receipt.')))).toEqual([]);

    await amalBox.getByTestId('round-answer-text').fill(TYPED);
    await amalBox.getByTestId('round-send').tap();
    await expect.poll(() => amalBox.getByTestId('round-status').textContent(), POLL).toBe(ar.rounds.answer.saved);

    // Three answers reach the default threshold of 3.
    await round.getByTestId('round-reveal').click();
    await expect.poll(() => round.getAttribute('data-state'), POLL).toBe('revealed');
    const pages = [facilitator, amal, omar];
    for (const page of pages) await expect.poll(async () => Object.values(await revealedAnswers(page)).map((a) => a.text).sort(), POLL).toEqual([...PAPER, TYPED].sort());

    // The facilitator selects the card on the board and hides it, with a reason.
    const answers = await revealedAnswers(facilitator);
    const hiddenId = Object.keys(answers).find((key) => answers[key]!.text === PAPER[0])!;
    const card = await cardOf(facilitator, hiddenId);
    await centreOn(facilitator, card);
    await clickObject(facilitator, card);
    const hide = facilitator.getByTestId('round-hide');
    await expect.poll(() => hide.getByTestId('round-hide-text').textContent(), POLL).toBe(PAPER[0]);
    const hiding = await axeViolations(facilitator, '[data-testid="round-hide"]', ['label', 'color-contrast', 'target-size']);
    expect(hiding, JSON.stringify(hiding, null, 2)).toEqual([]);
    await hide.getByTestId('round-hide-submit').click();
    const reason = hide.getByTestId('round-hide-reason');
    await expect.poll(() => reason.getAttribute('aria-invalid'), POLL).toBe('true');
    const reasonError = (await reason.getAttribute('aria-describedby'))!.split(' ')[0]!;
    expect(await facilitator.locator(`[id="${reasonError}"]`).textContent()).toBe('Give a reason: it is shown on the card instead of the words.');
    await reason.fill(REASON);
    await reason.press('Enter');
    await expect.poll(() => hide.getByTestId('round-hide-status').textContent(), POLL).toBe('Hidden: the card now shows your reason.');
    await expect.poll(() => hide.getByTestId('round-hide-already').textContent(), POLL).toBe(`This answer is hidden. The card shows: ${REASON}`);
    await screenshot(facilitator, 'rounds-facilitator-hidden');

    // Every page: the reason, and the words nowhere (not in the page, its documents or presence).
    for (const page of pages) {
      await expect.poll(async () => (await revealedAnswers(page))[hiddenId], POLL).toMatchObject({ text: '', hidden: true, hiddenReason: REASON });
      // Polled: the canvas's screen-reader line settles 300 ms after what it describes changes.
      await expect.poll(async () => (await everythingVisible(page)).includes(PAPER[0]!), POLL).toBe(false);
      const cardId = await cardOf(page, hiddenId);
      await clickCard(page, cardId);
      // The reason is isolated (\u2068…\u2069) so a right-to-left reason cannot reorder the sentence around it.
      const said = (page === amal ? ar : en).describe.hiddenAnswer.replace('{{reason}}', `\u2068${REASON}\u2069`);
      await expect.poll(() => page.getByTestId('canvas-selection-status').textContent(), POLL).toMatch(new RegExp(`^${said}`));
    }
  });
});
