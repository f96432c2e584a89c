/**
 * Where the board token travels. Reverse proxies keep URLs, query strings
 * included, in their access logs, so the page sends the token as a websocket
 * subprotocol and never in a websocket URL — on the first connection and on
 * every reconnect.
 */
import { describe, expect, it } from 'vitest';
import { openBoard } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';
import { parseLink } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

describe('the board token', () => {
  const suite = useBrowserSuite();

  it('is in no websocket URL the page opens, and the page still connects', async () => {
    const board = await suite.server.createBoard('Token');
    const { token } = parseLink(board.links.participant);
    const context = await suite.person('Tia');
    const urls: string[] = [];
    context.on('page', (page) => page.on('websocket', (socket) => urls.push(socket.url())));

    const page = await openBoard(context, board.links.participant);
    const status = page.getByTestId('connection-status');
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('live');
    // A reconnect opens new sockets from the same settings.
    await page.evaluate(() => window.__clapboard!.disconnect());
    await expect.poll(() => status.getAttribute('data-status'), POLL).not.toBe('live');
    await page.evaluate(() => window.__clapboard!.connect());
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('live');

    // Content and control, twice each.
    await expect.poll(() => urls.length, POLL).toBeGreaterThanOrEqual(4);
    for (const url of urls) {
      expect(url).not.toContain(token);
      expect(new URL(url).search).toBe('');
    }
  });
});
