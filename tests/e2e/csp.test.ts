/**
 * The board page and the room display under the server's strict
 * Content-Security-Policy (docs/security.md), in Chromium: no violation is
 * reported and no page error raised while they load, sync and draw. Run
 * with a private client build (CLIENT_DIST).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { roomDisplayLink } from '@clapboard/shared';
import { collectPageErrors, waitForReady } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Opens `link` with every CSP violation recorded from the very first script on. */
async function openWatched(context: BrowserContext, link: string): Promise<{ page: Page; errors: string[]; csp: string | null }> {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
    });
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const response = await page.goto(link, { waitUntil: 'domcontentloaded' });
  await waitForReady(page);
  return { page, errors, csp: (await response?.allHeaders())?.['content-security-policy'] ?? null };
}

describe('the strict Content-Security-Policy', () => {
  const suite = useBrowserSuite();

  it('the board page loads and syncs with no CSP violation and no page error', async () => {
    const board = await suite.server.createBoard('CSP');
    const { page, errors, csp } = await openWatched(await suite.person('Facilitator'), board.links.facilitator);
    expect(csp).toContain("script-src 'self'");
    const violations = await page.evaluate(() => window.__cspViolations ?? []);
    expect(violations).toEqual([]);
    expect(errors.filter((error) => /Content Security Policy|Refused to/i.test(error))).toEqual([]);
    expect(errors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
  });

  it('the room display (QR code drawn in the page) loads with no CSP violation', async () => {
    const board = await suite.server.createBoard('CSP display');
    const link = roomDisplayLink(suite.server.url, board.id, board.tokens.observer, { join: board.links.participant });
    const { page, errors } = await openWatched(await suite.person('Projector'), link);
    await page.waitForSelector('canvas, img, svg');
    expect(await page.evaluate(() => window.__cspViolations ?? [])).toEqual([]);
    expect(errors.filter((error) => /Content Security Policy|Refused to|pageerror/i.test(error))).toEqual([]);
  });
});
