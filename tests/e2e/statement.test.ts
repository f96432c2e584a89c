/**
 * The engagement statement in Chromium: written on the create page, read on
 * a phone before joining (with the IAP2 promise of its level), reachable
 * from the board header, edited by the facilitator, and a participant told
 * that it changed, with the changed part marked.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayDate } from '@clapboard/shared';
import { axeViolations } from './support/axe.ts';
import { collectPageErrors, openBoard, screenshot, waitForReady } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;
const DELETE_ON = todayDate(Date.now() + 60 * 24 * 60 * 60 * 1000);

/** The IAP2 spectrum's promise for "involve", word for word (shared/seeds: the City of London framework's Table 1). */
const INVOLVE_PROMISE =
  'We will work with you to ensure that your concerns and aspirations are directly reflected in the alternatives developed and provide feedback on how public input influenced the decision.';

async function fillStatement(page: Page, values: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(values)) await page.getByTestId(`statement-input-${field}`).fill(value);
}

describe('the engagement statement', () => {
  const suite = useBrowserSuite();

  it('is written on the create page, read on a phone before joining, and its change is shown to the participant', async () => {
    // The facilitator creates the board with its statement.
    const facilitatorContext = await suite.person('Fatima');
    const create = await facilitatorContext.newPage();
    await create.goto(suite.server.url);
    await create.getByTestId('create-title').fill('Welcome letter');
    await fillStatement(create, {
      purpose: 'Rewrite the letter people get when they first arrive in the borough.',
      canChange: 'What the letter says, in what order, and in which languages.',
      cannotChange: 'Home Office rules about housing and payments.',
    });
    // Half-written: refused on the page, with the missing parts marked, and nothing created.
    await create.getByTestId('create-submit').click();
    await expect.poll(() => create.getByTestId('statement-error-summary').textContent(), POLL).toContain('5 problems');
    await expect.poll(() => create.getByTestId('statement-error-level').textContent(), POLL).toBe('Choose how much say people have.');
    expect(await create.getByTestId('statement-input-runBy').getAttribute('aria-invalid')).toBe('true');
    expect(await create.getByTestId('board-links').count()).toBe(0);
    const formViolations = await axeViolations(create, undefined, ['label', 'aria-valid-attr-value', 'color-contrast']);
    expect(formViolations, JSON.stringify(formViolations, null, 2)).toEqual([]);
    await screenshot(create, 'statement-create-errors');

    await create.getByTestId('statement-level-involve').check();
    await fillStatement(create, {
      inputUse: 'The housing team writes the new letter from what is on this board.',
      feedback: 'We bring the draft back to the Thursday drop-in in May.',
      runBy: 'Lewisham Council housing team with Refugee Welcome',
      deleteOn: DELETE_ON,
    });
    await create.getByTestId('create-submit').click();
    await create.getByTestId('board-links').waitFor();
    const participantLink = await create.getByTestId('link-participant-url').inputValue();
    const facilitatorLink = await create.getByTestId('link-facilitator-url').inputValue();

    // A participant on a phone sees the statement first, and nothing connects yet.
    const phone = await suite.person('Amal', 'phone');
    const participant = await phone.newPage();
    const errors = collectPageErrors(participant);
    await participant.goto(participantLink);
    await participant.getByTestId('statement-page').waitFor();
    expect(await participant.evaluate(() => window.__clapboard === undefined)).toBe(true);
    expect(await participant.getByTestId('statement-purpose').textContent()).toBe('Rewrite the letter people get when they first arrive in the borough.');
    expect(await participant.getByTestId('statement-level').textContent()).toBe('Involve');
    expect(await participant.getByTestId('statement-promise').textContent()).toBe(INVOLVE_PROMISE);
    expect(await participant.getByTestId('statement-cannotChange').textContent()).toBe('Home Office rules about housing and payments.');
    expect(await participant.getByTestId('statement-deleteOn').textContent()).toContain(String(new Date(DELETE_ON).getUTCFullYear()));
    const violations = await axeViolations(participant, undefined, ['color-contrast', 'document-title', 'html-has-lang', 'target-size']);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(participant, 'statement-phone');

    // One Join button; the canvas comes after.
    await participant.getByTestId('statement-join').click();
    await waitForReady(participant);
    await participant.getByTestId('board-canvas').waitFor();
    expect(await participant.getByTestId('statement-changed-notice').count()).toBe(0);

    // The facilitator goes straight to the board and edits the statement from the header.
    const facilitator = await openBoard(facilitatorContext, facilitatorLink);
    await screenshot(facilitator, 'statement-facilitator-board');
    await facilitator.getByTestId('statement-open').click();
    await facilitator.getByTestId('statement-edit').click();
    const dialogViolations = await axeViolations(facilitator, '[data-testid="statement-dialog"]', ['label', 'color-contrast']);
    expect(dialogViolations, JSON.stringify(dialogViolations, null, 2)).toEqual([]);
    await facilitator.getByTestId('statement-input-cannotChange').fill('Home Office rules about housing and payments, and the council’s budget for this year.');
    await facilitator.getByTestId('statement-save').click();
    await facilitator.getByTestId('statement-saved').waitFor();

    // The participant is told, and reads what changed, marked.
    await participant.getByTestId('statement-changed-notice').waitFor(POLL);
    await participant.getByTestId('statement-read-changes').click();
    const dialog = participant.getByTestId('statement-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('statement-cannotChange').textContent()).toBe('Home Office rules about housing and payments, and the council’s budget for this year.');
    expect(await dialog.locator('[data-changed="true"] h3').allTextContents()).toEqual(['What cannot change Changed']);
    await screenshot(participant, 'statement-changed-phone');
    await participant.getByTestId('statement-close').click();
    await expect.poll(() => participant.getByTestId('statement-changed-notice').count(), POLL).toBe(0);

    // A reload in the same tab goes back to the board; the statement stays a click away in the header.
    await participant.reload();
    await waitForReady(participant);
    expect(await participant.getByTestId('statement-open').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a link opened afresh on a device that read an older version marks what changed before joining', async () => {
    const response = await fetch(`${suite.server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Drop-in hours',
        statement: {
          purpose: 'Choose new opening hours for the drop-in.',
          level: 'consult',
          canChange: 'The days and the hours.',
          cannotChange: 'The building.',
          inputUse: 'The centre manager decides from what is written here.',
          feedback: 'A poster at the drop-in, within two weeks.',
          runBy: 'The drop-in team',
          deleteOn: DELETE_ON,
        },
      }),
    });
    const { links } = (await response.json()) as { links: Record<string, string> };
    const context = await suite.person('Observer', 'phone');
    const first = await context.newPage();
    await first.goto(links.observer!);
    await first.getByTestId('statement-join').click();
    await waitForReady(first);
    await first.close();

    const facilitator = await suite.openAs('Facilitator', links.facilitator!);
    await facilitator.getByTestId('statement-open').click();
    await facilitator.getByTestId('statement-edit').click();
    await facilitator.getByTestId('statement-level-involve').check();
    await facilitator.getByTestId('statement-save').click();
    await facilitator.getByTestId('statement-saved').waitFor();

    // Stored on the server before the link is opened again (the saved notice is local).
    const token = new URLSearchParams(new URL(links.observer!).hash.slice(1)).get('token');
    await expect
      .poll(async () => {
        const stored = await fetch(`${suite.server.url}/api/boards/${new URL(links.observer!).pathname.split('/')[2]}/statement`, { headers: { authorization: `Bearer ${token}` } });
        return ((await stored.json()) as { statement: { level: string } }).statement.level;
      }, POLL)
      .toBe('involve');
    const again = await context.newPage();
    await again.goto(links.observer!);
    await again.getByTestId('statement-changed-since-read').waitFor(POLL);
    expect(await again.locator('[data-changed="true"] h2').allTextContents()).toEqual(['How much say you have Changed']);
    expect(await again.getByTestId('statement-promise').textContent()).toBe(INVOLVE_PROMISE);
  });
});
