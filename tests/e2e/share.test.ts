/**
 * Issue #15, sharing: the create page keeps a board's links in this browser
 * across a reload, asks before making a second board, and the board's Share
 * dialog shows the participant link with a QR code (drawn in the page) that
 * decodes to exactly that link, and a Copy button that copies it.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { linkIdOfToken, parseBoardLink } from '@clapboard/shared';
import { axeViolations } from './support/axe.ts';
import { openBoard, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

async function decodeQr(element: Locator): Promise<string | null> {
  const png = PNG.sync.read(await element.screenshot());
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

describe('sharing a board', () => {
  const suite = useBrowserSuite();

  it('keeps the links over a reload, asks before a second board, and shares from the board', async () => {
    const context = await suite.person('Fatima');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    const create = await context.newPage();
    await create.goto(suite.server.url);
    await create.getByTestId('create-title').fill('Housing forum');
    await create.getByTestId('create-submit').click();
    await create.getByTestId('board-links').waitFor();
    const participantLink = await create.getByTestId('link-participant-url').inputValue();
    const facilitatorLink = await create.getByTestId('link-facilitator-url').inputValue();

    await create.reload();
    await create.getByTestId('board-links').waitFor();
    expect(await create.getByTestId('link-participant-url').inputValue()).toBe(participantLink);
    const pageViolations = await axeViolations(create, undefined, ['label']);
    expect(pageViolations, JSON.stringify(pageViolations, null, 2)).toEqual([]);

    // A second press asks first; cancelling makes nothing.
    await create.getByTestId('create-title').fill('Second board');
    await create.getByTestId('create-submit').click();
    await expect.poll(() => create.getByTestId('create-again').isVisible(), POLL).toBe(true);
    expect(await create.getByRole('heading', { name: 'Create another board?' }).isVisible()).toBe(true);
    await create.getByTestId('create-again-cancel').click();
    expect(await create.getByTestId('earlier-board-links').count()).toBe(0);
    await create.getByTestId('create-submit').click();
    await create.getByTestId('create-again-confirm').click();
    await create.getByTestId('earlier-board-links').waitFor();
    expect(await create.getByTestId('link-participant-url').inputValue()).not.toBe(participantLink);

    // The board, in the same browser: the Share dialog has the first board's links.
    const board = await openBoard(context, facilitatorLink);
    await board.getByTestId('share-open').click();
    const dialog = board.getByTestId('share-dialog');
    await dialog.waitFor();
    expect(await board.getByTestId('share-participant-url').inputValue()).toBe(participantLink);
    await expect.poll(() => decodeQr(board.getByTestId('share-participant-qr')), POLL).toBe(participantLink);
    await board.getByTestId('share-participant').getByRole('button', { name: 'Copy the Participant link' }).click();
    await expect.poll(() => board.evaluate(() => navigator.clipboard.readText()), POLL).toBe(participantLink);
    expect(await board.getByTestId('share-facilitator').textContent()).toContain('keep this one private');
    console.log('screenshot:', await screenshot(board, 'share-panel'));
    const violations = await axeViolations(board, '[data-testid="share-dialog"]', ['label']);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // Once the participant link is revoked, the dialog offers to make one instead of showing the dead link.
    const participant = parseBoardLink(participantLink)!;
    const facilitatorToken = parseBoardLink(facilitatorLink)!.token!;
    const linkId = await linkIdOfToken(participant.token!);
    const revoked = await fetch(`${suite.server.url}/api/boards/${participant.boardId}/links/${linkId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${facilitatorToken}` },
    });
    expect(revoked.status).toBe(204);
    await board.getByTestId('share-close').click();
    await board.getByTestId('share-open').click();
    await board.getByTestId('share-make-participant').waitFor();
    expect(await board.getByTestId('share-participant-url').count()).toBe(0);

    // "Forget these links" removes them from this browser.
    await create.bringToFront();
    await create.getByTestId('links-forget').click();
    await create.reload();
    await create.getByTestId('board-links').waitFor();
    expect(await create.getByTestId('earlier-board-links').count()).toBe(0);
  });
});
