/**
 * "You said, we did" in the browser (issue #10): a participant on a phone
 * goes from the board to the page, reads the theme and what is being done
 * about it, and sees which theme the answer they sent from this device fed
 * into (its receipt, kept on the device, is looked up by the page). A
 * facilitator publishes a public link, and someone with no board link opens
 * it. axe on the page.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAction, addToTheme, createTheme, getObjectsMap, insertObject } from '@clapboard/shared';
import { postJson } from '../support/postJson.ts';
import { axeViolations } from './support/axe.ts';
import { openBoard, screenshot, waitFor } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import { connectNodeClient, parseLink } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;
const note = (text: string, x: number) => ({ type: 'note' as const, x, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });

describe('"You said, we did"', () => {
  const suite = useBrowserSuite();

  it('a participant on a phone opens it from the board, reads the theme and its action, and sees where their answer went', async () => {
    const { server } = suite;
    const board = await server.createBoard('Housing advice');
    const facilitatorToken = parseLink(board.links.facilitator).token;
    const participantToken = parseLink(board.links.participant).token;

    // An anonymous question, answered from the participant's device (the receipt stays there), revealed onto the board.
    const roundId = (await postJson(server.url, `/api/boards/${board.id}/rounds`, facilitatorToken, { prompt: 'What would help?', k: 2 })).body.roundId as string;
    const receipt = (await postJson(server.url, `/api/boards/${board.id}/rounds/${roundId}/answers`, participantToken, { text: 'Forms in Tigrinya' })).body.receipt as string;
    await postJson(server.url, `/api/boards/${board.id}/rounds/${roundId}/answers`, participantToken, { text: 'Someone to call' });
    await postJson(server.url, `/api/boards/${board.id}/rounds/${roundId}/close`, facilitatorToken);
    expect((await postJson(server.url, `/api/boards/${board.id}/rounds/${roundId}/reveal`, facilitatorToken)).status).toBe(200);
    const answerId = (await postJson(server.url, `/api/boards/${board.id}/receipts/lookup`, participantToken, { receipt })).body.answerId as string;

    const content = await connectNodeClient(server.url, board.links.facilitator);
    const control = await connectNodeClient(server.url, board.links.facilitator, { doc: 'control' });
    try {
      await waitFor(() => getObjectsMap(content.doc).get(answerId) instanceof Y.Map, { timeout: 10_000, message: 'revealed card' });
      let themeId = '';
      content.doc.transact(() => {
        const letters = insertObject(content.doc, note('Letters only come in English', 0));
        themeId = createTheme(content.doc, { noteIds: [letters], name: 'Language', description: 'Letters and forms people cannot read' });
        addToTheme(content.doc, themeId, [answerId]);
      });
      expect(addAction(control.doc, { themeId, kind: 'will', text: 'Send letters in the language people ask for', owner: 'Housing team', due: '2025-06-30', status: 'in-progress' }, '2025-03-01').ok).toBe(true);
      expect(addAction(control.doc, { themeId, kind: 'cannot', text: 'Interpreters at every visit', reason: 'There is no budget this year', status: 'not-possible' }, '2025-03-02').ok).toBe(true);
      await waitFor(async () => (await fetch(`${server.url}/api/boards/${board.id}/said-did`, { headers: { authorization: `Bearer ${participantToken}` } }).then((r) => r.json())).themes?.[0]?.actions?.length === 2, {
        timeout: 10_000,
        message: 'actions on the server',
      });

      const context = await suite.person('Amal', 'phone');
      // What the answer box keeps on the device after sending (client/src/model/AnswerReceipts.ts).
      await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [`clapboard.receipt.${board.id}.${roundId}`, JSON.stringify({ receipt, text: 'Forms in Tigrinya' })] as const);
      const amal = await openBoard(context, board.links.participant);
      const link = amal.getByTestId('said-did-link');
      await expect.poll(() => link.isVisible(), POLL).toBe(true);
      await link.tap();
      await amal.waitForURL(`**/b/${board.id}/said-did`);

      const theme = amal.getByTestId('said-did-theme');
      await expect.poll(() => theme.count(), POLL).toBe(1);
      expect(await theme.getByRole('heading', { level: 2 }).textContent()).toBe('Language');
      const text = (await theme.textContent()) ?? '';
      expect(text).toContain('Letters and forms people cannot read');
      expect(text).toContain('Forms in Tigrinya');
      expect(text).toContain('We will');
      expect(text).toContain('Send letters in the language people ask for');
      expect(text).toContain('In progress');
      // The reader's own date format (en-US in this browser), from the stored day.
      expect(text).toMatch(/Due (30 June|June 30,) 2025/);
      expect(text).toContain('Owner: Housing team');
      expect(text).toContain('Because: There is no budget this year');
      await expect.poll(() => amal.getByTestId('said-did-yours').textContent(), POLL).toBe('Your answer fed into: Language.');
      expect(await theme.getAttribute('data-yours')).toBe('true');
      // Nothing of the receipt in the address, and the page fits the phone.
      expect(amal.url()).not.toContain(receipt);
      expect(await amal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      // A receipt typed in (written down on paper, say) is looked up the same way.
      await amal.getByTestId('said-did-receipt').fill(receipt);
      await amal.getByTestId('said-did-lookup-button').tap();
      await expect.poll(() => amal.getByTestId('said-did-lookup-result').textContent(), POLL).toBe('Your answer fed into: Language.');
      await amal.getByTestId('said-did-receipt').fill('not-a-receipt');
      await amal.getByTestId('said-did-lookup-button').tap();
      await expect.poll(() => amal.getByTestId('said-did-lookup-result').textContent(), POLL).toContain('No answer has this receipt');

      await screenshot(amal, 'said-did-phone');
      const violations = await axeViolations(amal, undefined, ['color-contrast', 'label']);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

      // Back to the board from the page.
      await amal.getByTestId('said-did-back').tap();
      await amal.waitForURL(`**/b/${board.id}`);
    } finally {
      content.close();
      control.close();
    }
  });

  it('a facilitator adds and updates a theme’s actions from its card; "we can’t" waits for its reason', async () => {
    const { server } = suite;
    const board = await server.createBoard('Actions');
    const participantToken = parseLink(board.links.participant).token;
    const content = await connectNodeClient(server.url, board.links.facilitator);
    try {
      content.doc.transact(() => {
        const id = insertObject(content.doc, note('Opening hours clash with school runs', 0));
        createTheme(content.doc, { noteIds: [id], name: 'Opening hours' });
      });
      const facilitator = await suite.openAs('Fatima', board.links.facilitator);
      const card = facilitator.getByTestId('theme-card').filter({ hasText: 'Opening hours' });
      const actions = card.getByTestId('theme-actions');
      await expect.poll(() => actions.count(), POLL).toBe(1);
      await actions.getByTestId('action-new-open').click();
      const form = actions.getByTestId('action-new');
      await form.getByTestId('action-kind').selectOption('cannot');
      await form.getByTestId('action-text').fill('Open on Sundays');
      await form.getByTestId('action-owner').fill('Advice centre');
      await form.getByTestId('action-add').click();
      // Refused without a reason: nothing written, and the field says why.
      await expect.poll(() => form.getByTestId('action-reason-missing').count(), POLL).toBe(1);
      expect(await actions.getByTestId('action-card').count()).toBe(0);
      await form.getByTestId('action-reason').fill('The building is shared with the library on Sundays');
      await form.getByTestId('action-add').click();
      const saved = actions.getByTestId('action-card');
      await expect.poll(() => saved.count(), POLL).toBe(1);
      expect(await saved.getAttribute('data-kind')).toBe('cannot');
      expect(await saved.getByTestId('action-owner').getAttribute('aria-describedby')).toBeTruthy();
      expect(await saved.textContent()).toContain('A team or role, not a person’s name.');

      // A status change adds an update to the history.
      await saved.getByTestId('action-status').selectOption('not-possible');
      await expect.poll(() => saved.getByTestId('action-history-entry').count(), POLL).toBe(2);

      // What the server now serves to participants.
      const read = async () => (await fetch(`${server.url}/api/boards/${board.id}/said-did`, { headers: { authorization: `Bearer ${participantToken}` } }).then((r) => r.json())).themes[0].actions;
      await expect.poll(read, POLL).toEqual([
        expect.objectContaining({ kind: 'cannot', text: 'Open on Sundays', reason: 'The building is shared with the library on Sundays', status: 'not-possible', owner: 'Advice centre', due: null }),
      ]);
      const violations = await axeViolations(facilitator, '[data-testid="theme-actions"]', ['label']);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    } finally {
      content.close();
    }
  });

  it('a facilitator publishes a public link; someone with no board link reads the page with it', async () => {
    const { server } = suite;
    const board = await server.createBoard('Published');
    const content = await connectNodeClient(server.url, board.links.facilitator);
    try {
      content.doc.transact(() => {
        const id = insertObject(content.doc, note('The waiting room is cold', 0));
        createTheme(content.doc, { noteIds: [id], name: 'Waiting room' });
      });
      const facilitator = await suite.openAs('Fatima', board.links.facilitator);
      await facilitator.getByTestId('said-did-link').click();
      await facilitator.waitForURL(`**/b/${board.id}/said-did`);
      await facilitator.getByTestId('said-did-publish-button').click();
      const url = facilitator.getByTestId('said-did-public-url');
      await expect.poll(() => url.count(), POLL).toBe(1);
      const publicUrl = (await url.textContent())!;
      expect(new URL(publicUrl).pathname).toBe(`/b/${board.id}/said-did`);

      const stranger = await (await suite.person('Reader')).newPage();
      await stranger.goto(publicUrl);
      await expect.poll(() => stranger.getByTestId('said-did-theme').getByRole('heading', { level: 2 }).textContent(), POLL).toBe('Waiting room');
      // The token is taken out of the address bar; no way back to a board it cannot open, and no publish button.
      expect(new URL(stranger.url()).hash).toBe('');
      expect(await stranger.getByTestId('said-did-back').count()).toBe(0);
      expect(await stranger.getByTestId('said-did-publish').count()).toBe(0);
      const violations = await axeViolations(stranger);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    } finally {
      content.close();
    }
  });
});
