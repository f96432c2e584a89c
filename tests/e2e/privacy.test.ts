/**
 * Data protection in the browser (issue #11): a participant who has joined
 * finds the two optional forms (who we reach; a contact), sends each on its
 * own, and the page has no WCAG 2.2 A/AA violations axe-core can find while
 * they are open; a page on a board that is then deleted says so, stops, and
 * drops its offline copy.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe.ts';
import { screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import { request } from '../privacy/support.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

/** Clicks the button and reads back the file the page saves. */
async function downloaded(page: Page, testId: string): Promise<{ name: string; json: unknown }> {
  const [saved] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(testId).click()]);
  const file = await saved.path();
  return { name: saved.suggestedFilename(), json: JSON.parse(fs.readFileSync(file!, 'utf8')) };
}

describe('equality monitoring, contacts and erasure', () => {
  const suite = useBrowserSuite();

  it('a participant answers who-we-reach and leaves a contact, each optional and sent on its own', async () => {
    const board = await suite.server.createBoard('Who we reach');
    for (const device of ['desktop', 'phone'] as const) {
      const page = await suite.openAs(`Monitoring ${device}`, board.links.participant, device);
      await page.getByTestId('monitoring-open').click();
      const dialog = page.getByTestId('monitoring-dialog');
      await dialog.waitFor();
      const violations = await axeViolations(page, '[data-testid="monitoring-dialog"]', ['label']);
      expect(violations, `${device}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      await page.getByTestId('monitoring-ageBand').selectOption('25to34');
      await page.getByTestId('monitoring-disability').selectOption('preferNotToSay');
      await page.getByTestId('monitoring-submit').click();
      await page.getByTestId('monitoring-sent').waitFor();
      await page.getByTestId('contact-input').fill(`${device}@example.org`);
      await page.getByTestId('contact-submit').click();
      await page.getByTestId('contact-sent').waitFor();
      await screenshot(page, `privacy-monitoring-${device}`);
      await page.getByTestId('monitoring-close').click();
      await dialog.waitFor({ state: 'detached' });
    }
    const contacts = await request(suite.server.url, 'GET', `/api/boards/${board.id}/contacts`, board.tokens.facilitator);
    expect(contacts.body).toEqual({ contacts: ['desktop@example.org', 'phone@example.org'] });
    const counts = await request(suite.server.url, 'GET', `/api/boards/${board.id}/monitoring`, board.tokens.facilitator);
    // Two responses: waiting for their group of five, shown to nobody yet.
    expect(counts.body).toMatchObject({ responses: 'fewer than 5', pending: 2 });
  });

  it('only participants are asked', async () => {
    const board = await suite.server.createBoard('Not asked');
    for (const link of [board.links.facilitator, board.links.observer]) {
      const page = await suite.openAs('Not asked', link);
      await page.getByTestId('role-badge').waitFor({ state: 'attached' });
      expect(await page.getByTestId('monitoring-open').count()).toBe(0);
    }
  });

  it('a facilitator downloads what is held, each part on its own, then deletes the board for everyone', async () => {
    const board = await suite.server.createBoard('Held');
    expect((await request(suite.server.url, 'POST', `/api/boards/${board.id}/contact`, board.tokens.participant, { contact: 'held@example.org' })).status).toBe(201);
    const participant = await suite.openAs('Still here', board.links.participant);
    await participant.getByTestId('role-badge').waitFor({ state: 'attached' });
    const facilitator = await suite.openAs('Fran', board.links.facilitator);
    await facilitator.getByTestId('export-open').click();
    await facilitator.getByTestId('export-dialog').waitFor();
    const everything = await downloaded(facilitator, 'export-held-export-all');
    expect(everything.name).toBe('Held-export-all.json');
    expect(everything.json).toHaveProperty('about');
    expect(JSON.stringify(everything.json)).not.toContain('held@example.org');
    const contacts = await downloaded(facilitator, 'export-held-contacts');
    expect(contacts.json).toEqual({ contacts: ['held@example.org'] });
    const counts = await downloaded(facilitator, 'export-held-monitoring');
    expect(JSON.stringify(counts.json)).not.toContain('held@example.org');
    const held = await axeViolations(facilitator, '[data-testid="export-dialog"]', ['button-name']);
    expect(held, JSON.stringify(held, null, 2)).toEqual([]);
    await facilitator.getByTestId('export-close').click();

    // Asked first; "Keep it" keeps it.
    await facilitator.getByTestId('delete-board-open').click();
    await facilitator.getByTestId('delete-board-cancel').click();
    await facilitator.getByTestId('delete-board-open').click();
    expect(await facilitator.getByTestId('delete-board').textContent()).toContain('It cannot be undone');
    await facilitator.getByTestId('delete-board-confirm').click();
    for (const page of [facilitator, participant]) {
      await expect.poll(() => page.getByTestId('connection-ended').getAttribute('data-reason'), POLL).toBe('deleted');
    }
    // The pages are told before the erasure commits; the board is gone once it has.
    await expect.poll(async () => (await request(suite.server.url, 'GET', `/api/boards/${board.id}/statement`, board.tokens.facilitator)).status, POLL).toBe(401);
  });

  it('a page on a board that is deleted says so, and stops', async () => {
    const board = await suite.server.createBoard('Soon gone');
    const page = await suite.openAs('Still here', board.links.participant, 'phone');
    await page.getByTestId('role-badge').waitFor({ state: 'attached' });
    const offlineCopies = () => page.evaluate(async (boardId) => (await indexedDB.databases()).map((database) => database.name ?? '').filter((name) => name.includes(boardId)), board.id);
    await expect.poll(offlineCopies, POLL).not.toEqual([]);
    expect((await request(suite.server.url, 'DELETE', `/api/boards/${board.id}`, board.tokens.facilitator)).status).toBe(204);
    const notice = page.getByTestId('connection-ended');
    await expect.poll(() => notice.getAttribute('data-reason'), POLL).toBe('deleted');
    expect(await notice.textContent()).toContain('This board was deleted');
    // Nor does this device keep its offline copy.
    await expect.poll(offlineCopies, POLL).toEqual([]);
    await screenshot(page, 'privacy-board-deleted');
  });
});
