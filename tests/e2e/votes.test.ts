/**
 * A dot vote with one-time voting codes in the browser: the facilitator gets
 * codes shown once, a participant on a phone types one in, the page blinds a
 * ballot with the vote's key (RFC 9474, WebCrypto in Chromium), the server
 * signs it blind, and the ballot is cast later with no code attached.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '../support/clients.ts';
import { boardWithNotes } from '../votes/support.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

describe('votes with one-time codes', () => {
  const suite = useBrowserSuite();
  const clients: Client[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  it('a code buys one ballot, works only once, and the counts reach the board', async () => {
    const board = await suite.server.createBoard('Steering group');
    const notes = await boardWithNotes(suite.server, board, 3);
    clients.push(...notes.clients);
    const facilitator = await suite.openAs('Fatima', board.links.facilitator);
    const controls = facilitator.getByTestId('vote-controls');
    await controls.getByTestId('vote-per-person').fill('1');
    await controls.getByTestId('vote-with-codes').check();
    await controls.getByTestId('vote-code-count').fill('2');
    await controls.getByTestId('vote-start').click();
    const shown = facilitator.getByTestId('voting-codes');
    await expect.poll(() => shown.locator('code').count(), POLL).toBe(2);
    const codes = await shown.locator('code').allTextContents();
    for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Shown once: the codes are in no document any page holds.
    expect(await facilitator.evaluate(() => JSON.stringify(window.__clapboard!.controlDoc.toJSON()))).not.toContain(codes[0]!);

    const ruth = await suite.openAs('Ruth', board.links.participant, 'phone');
    const ballot = ruth.getByTestId('ballot-box');
    await ballot.getByTestId('ballot-code').fill('0000-0000-0000');
    await ballot.getByTestId('ballot-use-code').tap();
    await expect.poll(() => ballot.getByRole('status').last().textContent(), POLL).toBe('This code does not work for this vote, or it has already been used.');
    // Typed as someone might from paper: lower case, no dashes.
    await ballot.getByTestId('ballot-code').fill(codes[0]!.toLowerCase().replace(/-/g, ''));
    await ballot.getByTestId('ballot-use-code').tap();
    await expect.poll(() => ballot.getByRole('checkbox').count(), POLL).toBe(3);
    await ballot.getByRole('checkbox', { name: 'idea 1' }).tap();
    await ballot.getByTestId('ballot-send').tap();
    await expect.poll(() => ballot.getByTestId('ballot-counted').isVisible(), POLL).toBe(true);
    // The device keeps the ballot (so a reload cannot vote twice) but not the code or the choice.
    const kept = await ruth.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith('clapboard.ballot.')).map(([, value]) => value).join());
    expect(kept).not.toMatch(new RegExp(codes[0]!.replace(/-/g, '-?'), 'i'));
    for (const id of notes.noteIds) expect(kept).not.toContain(id);

    // The same code on another device buys nothing.
    const sam = await suite.openAs('Sam', board.links.participant);
    const samBallot = sam.getByTestId('ballot-box');
    await samBallot.getByTestId('ballot-code').fill(codes[0]!);
    await samBallot.getByTestId('ballot-use-code').click();
    await expect.poll(() => samBallot.getByRole('status').last().textContent(), POLL).toBe('This code does not work for this vote, or it has already been used.');

    await controls.getByTestId('vote-close').click();
    await expect.poll(() => controls.getByTestId('vote-row').getAttribute('data-state'), POLL).toBe('closed');
    await expect.poll(() => ruth.getByTestId('vote-badge').allTextContents(), POLL).toEqual(['1']);
    const target = await ruth.getByTestId('vote-badge').getAttribute('data-target');
    expect(await ruth.evaluate((id) => (window.__clapboard!.contentDoc.getMap('objects').get(id!) as { toJSON(): { text: string } } | undefined)?.toJSON().text, target)).toBe('idea 1');
    await expect.poll(() => ballot.getByTestId('vote-results-list').textContent(), POLL).toContain('1 person voted.');
  });
});
