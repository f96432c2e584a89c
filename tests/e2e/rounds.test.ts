/**
 * Anonymous rounds in the browser (docs/anonymity.md): a facilitator asks a
 * question, participants answer from their own devices (one a phone), the
 * facilitator sees a coarse count and never a word before reveal, the
 * reveal puts every answer on the board, and each author keeps a receipt on
 * their own device to edit, withdraw and look up their answer. A dot vote
 * over the revealed answers runs and closes in between.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { axeViolations } from './support/axe.ts';
import { useBrowserSuite } from './support/suite.ts';
import { everythingVisible } from './support/visible.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

/** The words of every revealed answer in the page's content document. */
async function revealedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.values(window.__clapboard!.contentDoc.getMap('answers').toJSON() as Record<string, { text: string }>)
      .map((answer) => answer.text)
      .sort(),
  );
}

async function storedReceiptKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('clapboard.receipt.')));
}

async function openRound(facilitator: Page, prompt: string, k?: number): Promise<void> {
  await facilitator.getByTestId('round-prompt-input').fill(prompt);
  if (k !== undefined) await facilitator.getByTestId('round-k-input').fill(String(k));
  await facilitator.getByTestId('round-open').click();
  await expect.poll(() => facilitator.getByTestId('round-row').filter({ hasText: prompt }).getAttribute('data-state'), POLL).toBe('open');
}

async function answer(page: Page, text: string, options: { tap?: boolean } = {}): Promise<void> {
  const box = page.getByTestId('round-answer');
  await box.getByTestId('round-answer-text').pressSequentially(text);
  if (options.tap) await box.getByTestId('round-send').tap();
  else await box.getByTestId('round-send').click();
  await expect.poll(() => box.getByTestId('round-status').textContent(), POLL).toBe('Saved');
}

describe('anonymous rounds', () => {
  const suite = useBrowserSuite();

  it('two participants answer, the facilitator sees no words before reveal, the reveal puts both on the board', async () => {
    const board = await suite.server.createBoard('Rounds');
    const facilitator = await suite.openAs('Fatima', board.links.facilitator);
    expect(await facilitator.getByTestId('round-k-input').inputValue()).toBe('3');
    const prompt = 'What would make the clinic easier to reach?';
    await openRound(facilitator, prompt, 2);

    const amal = await suite.openAs('Amal', board.links.participant, 'phone');
    const bilal = await suite.openAs('Bilal', board.links.participant);
    const amalBox = amal.getByTestId('round-answer');
    await expect.poll(() => amalBox.getByTestId('round-prompt').textContent(), POLL).toBe(prompt);
    await expect.poll(() => amalBox.textContent(), POLL).toContain('nobody, not the facilitator and not the other participants, can see who wrote it');

    // The box fits a 390 px phone: nothing runs off the side, and it is laid out inside the screen's width.
    const panel = (await amalBox.boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(390);
    expect(await amal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(amal, 'rounds-phone-compose');
    const composing = await axeViolations(amal, '[data-testid="round-answer"]', ['button-name', 'color-contrast', 'target-size']);
    expect(composing, JSON.stringify(composing, null, 2)).toEqual([]);

    const amalWords = 'A bus that stops at the door';
    const bilalWords = 'Letters that say which floor';
    // Typing sets nothing in presence: no "typing" field, no words.
    const before = await amal.evaluate(() => JSON.stringify(window.__clapboard!.awareness.getLocalState()));
    await amalBox.getByTestId('round-answer-text').pressSequentially(amalWords.slice(0, 10));
    expect(await amal.evaluate(() => JSON.stringify(window.__clapboard!.awareness.getLocalState()))).toBe(before);
    await amalBox.getByTestId('round-answer-text').fill('');
    await answer(amal, amalWords, { tap: true });
    expect(await amal.evaluate(() => window.__clapboard!.awareness.getLocalState()?.editing ?? null)).toBeNull();

    // The receipt is shown to its author and kept on their device only.
    const receipt = (await amalBox.getByTestId('round-receipt').textContent())!;
    expect(receipt).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await storedReceiptKeys(amal)).toHaveLength(1);
    expect(await storedReceiptKeys(bilal)).toEqual([]);
    await screenshot(amal, 'rounds-phone-saved');
    const saved = await axeViolations(amal, '[data-testid="round-answer"]', ['button-name', 'color-contrast', 'target-size']);
    expect(saved, JSON.stringify(saved, null, 2)).toEqual([]);

    // One answer is not enough to reveal without naming its author.
    const row = facilitator.getByTestId('round-row').filter({ hasText: prompt });
    await row.getByTestId('round-reveal').click();
    await expect.poll(() => row.getByTestId('round-row-status').textContent(), POLL).toBe(
      'Not enough answers yet to reveal without identifying anyone (needs 2).',
    );

    await answer(bilal, bilalWords);
    expect(await storedReceiptKeys(bilal)).toHaveLength(1);

    // The count moves on the server's tick, coarsely; the words are nowhere on the facilitator's page.
    await suite.server.app.rounds.tickNow();
    await expect.poll(() => row.getByTestId('round-count').textContent(), POLL).toContain('About 2 answers');
    for (const page of [facilitator, bilal]) {
      const visible = await everythingVisible(page);
      expect(visible).not.toContain(amalWords);
      expect(visible).not.toContain(receipt);
    }
    const facilitatorSees = await everythingVisible(facilitator);
    expect(facilitatorSees).not.toContain(bilalWords);
    expect(await revealedTexts(facilitator)).toEqual([]);

    await row.getByTestId('round-reveal').click();
    await expect.poll(() => row.getAttribute('data-state'), POLL).toBe('revealed');
    await expect.poll(() => row.getByTestId('round-row-status').textContent(), POLL).toBe('Revealed: the answers are on the board.');
    await expect.poll(() => revealedTexts(facilitator), POLL).toEqual([amalWords, bilalWords].sort());
    const cards = await facilitator.evaluate(
      () => Object.values(window.__clapboard!.contentDoc.getMap('objects').toJSON() as Record<string, { type: string }>).filter((o) => o.type === 'answer').length,
    );
    expect(cards).toBe(2);
    await row.getByTestId('round-show').click();

    // A dot vote over the revealed answers: nobody sees a count until it closes, then the board shows them.
    const voteControls = facilitator.getByTestId('vote-controls');
    await voteControls.getByTestId('vote-per-person').fill('1');
    await voteControls.getByTestId('vote-start').click();
    await expect.poll(() => voteControls.getByTestId('vote-row').getAttribute('data-state'), POLL).toBe('open');
    const amalBallot = amal.getByTestId('ballot-box');
    await expect.poll(() => amalBallot.getByRole('checkbox').count(), POLL).toBe(2);
    await amalBallot.getByRole('checkbox', { name: bilalWords }).tap();
    // One dot each: the other choice is closed off until this one is untaken.
    expect(await amalBallot.getByRole('checkbox', { name: amalWords }).isDisabled()).toBe(true);
    expect(await amal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const ballotViolations = await axeViolations(amal, '[data-testid="ballot-box"]', ['button-name', 'color-contrast', 'target-size']);
    expect(ballotViolations, JSON.stringify(ballotViolations, null, 2)).toEqual([]);
    await amalBallot.getByTestId('ballot-send').tap();
    await expect.poll(() => amalBallot.getByTestId('ballot-counted').isVisible(), POLL).toBe(true);
    const bilalBallot = bilal.getByTestId('ballot-box');
    await bilalBallot.getByRole('checkbox', { name: bilalWords }).click();
    await bilalBallot.getByTestId('ballot-send').click();
    await expect.poll(() => bilalBallot.getByTestId('ballot-counted').isVisible(), POLL).toBe(true);
    // No page holds a count or a choice while the vote is open: the ballots are in no document.
    for (const page of [facilitator, amal, bilal]) {
      expect(await page.evaluate(() => JSON.stringify(window.__clapboard!.controlDoc.getMap('votes').toJSON()))).toMatch(/"counts":null/);
      expect(await page.getByTestId('vote-badge').count()).toBe(0);
    }
    const voteAxe = await axeViolations(facilitator, '[data-testid="vote-controls"]', ['button-name', 'color-contrast', 'target-size']);
    expect(voteAxe, JSON.stringify(voteAxe, null, 2)).toEqual([]);
    await voteControls.getByTestId('vote-close').click();
    await expect.poll(() => voteControls.getByTestId('vote-row').getAttribute('data-state'), POLL).toBe('closed');
    // The counts are written onto the board, for everyone: two dots on Bilal's answer, none on Amal's.
    for (const page of [facilitator, amal, bilal]) {
      await expect.poll(() => page.getByTestId('vote-badge').allTextContents(), POLL).toEqual(['2']);
    }
    await expect.poll(() => amalBallot.getByTestId('vote-results-list').textContent(), POLL).toContain('2 people voted.');
    expect(await amalBallot.getByTestId('vote-results-list').locator('li').first().textContent()).toBe(`2 dots ${bilalWords}`);
    await screenshot(amal, 'votes-phone-results');

    // Amal looks her answer up by receipt: it is on the board.
    await expect.poll(() => amalBox.textContent(), POLL).toContain('The answers to this question are on the board.');
    await amalBox.getByTestId('round-lookup').tap();
    await expect.poll(() => amalBox.getByTestId('round-lookup-result').textContent(), POLL).toBe('Revealed: your answer is on the board.');
    await screenshot(facilitator, 'rounds-facilitator-revealed');
  });

  it('an author edits and withdraws by receipt before reveal; the board shows only what stands', async () => {
    const board = await suite.server.createBoard('Rounds edit');
    const facilitator = await suite.openAs('Fatima', board.links.facilitator);
    const prompt = 'One thing to change at the front desk';
    await openRound(facilitator, prompt, 2);
    const carla = await suite.openAs('Carla', board.links.participant);
    const dawit = await suite.openAs('Dawit', board.links.participant);
    const esi = await suite.openAs('Esi', board.links.participant);
    const esiBox = esi.getByTestId('round-answer');
    await esiBox.getByTestId('round-answer-text').pressSequentially('Half an ans');

    await answer(carla, 'First words');
    const carlaBox = carla.getByTestId('round-answer');
    await carlaBox.getByTestId('round-edit').click();
    const text = carlaBox.getByTestId('round-answer-text');
    expect(await text.inputValue()).toBe('First words');
    await text.fill('Second words');
    await carlaBox.getByTestId('round-send').click();
    await expect.poll(() => carlaBox.getByTestId('round-status').textContent(), POLL).toBe('Saved: your answer is changed.');
    expect(await carlaBox.getByTestId('round-sent-text').textContent()).toBe('Second words');

    await answer(dawit, 'Withdrawn words');
    const dawitBox = dawit.getByTestId('round-answer');
    await dawitBox.getByTestId('round-lookup').click();
    await expect.poll(() => dawitBox.getByTestId('round-lookup-result').textContent(), POLL).toBe('Not revealed yet: your answer is stored and waiting.');
    await dawitBox.getByTestId('round-withdraw').click();
    await expect.poll(() => dawitBox.getByTestId('round-status').textContent(), POLL).toBe('Withdrawn: your answer is gone.');
    expect(await storedReceiptKeys(dawit)).toEqual([]);
    // The round is still open, so the box is back for a new answer.
    await answer(dawit, 'Kept words');

    const row = facilitator.getByTestId('round-row').filter({ hasText: prompt });
    await row.getByTestId('round-close').click();
    await expect.poll(() => row.getAttribute('data-state'), POLL).toBe('closed');
    await expect.poll(() => row.getByTestId('round-count').textContent(), POLL).toBe('2 answers');
    // Esi, halfway through, is told the question closed; the box does not just vanish.
    await expect.poll(() => esiBox.textContent(), POLL).toContain('This question is closed.');
    expect(await esiBox.getByTestId('round-answer-text').count()).toBe(0);
    await row.getByTestId('round-reveal').click();
    await expect.poll(() => revealedTexts(facilitator), POLL).toEqual(['Kept words', 'Second words']);
  });
});
