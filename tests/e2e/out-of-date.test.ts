/**
 * A tab loaded before the server was upgraded must not open the board: its
 * code could write objects in a shape other clients no longer read, or
 * speak an old protocol. The session answer says which versions the server
 * runs; when either is newer than the page's own, the page asks the person
 * to reload, and connects to nothing — no websocket, no offline copy.
 * The real server's answer is rewritten in flight with `page.route`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardSessionSchema, CURRENT_SCHEMA_VERSION, PROTOCOL_VERSION, type BoardSession } from '@clapboard/shared';
import { waitForReady } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

/** Answers the page's session requests with the server's real answer, changed by `patch`; counts them. */
async function rewriteSession(page: Page, patch: (session: BoardSession) => BoardSession): Promise<{ requests: () => number; served: BoardSession[] }> {
  const served: BoardSession[] = [];
  await page.route('**/api/boards/*/session', async (route) => {
    const response = await route.fetch();
    const real = BoardSessionSchema.parse(await response.json());
    // The server runs this build's versions; "newer" below means newer than the page's too.
    expect([real.schemaVersion, real.protocolVersion]).toEqual([CURRENT_SCHEMA_VERSION, PROTOCOL_VERSION]);
    const session = patch(real);
    served.push(session);
    await route.fulfill({ response, json: session });
  });
  return { requests: () => served.length, served };
}

function watchSockets(page: Page): string[] {
  const urls: string[] = [];
  page.on('websocket', (socket) => urls.push(socket.url()));
  return urls;
}

/** Names of this origin's IndexedDB databases (the board's offline copies live there). */
function databases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
}

describe('a tab older than the server', () => {
  const suite = useBrowserSuite();

  it.each([
    ['schema', (session: BoardSession) => ({ ...session, schemaVersion: session.schemaVersion + 1 })],
    ['protocol', (session: BoardSession) => ({ ...session, protocolVersion: session.protocolVersion + 1 })],
  ])('with a newer %s version asks to reload and opens no connection', async (_kind, patch) => {
    const board = await suite.server.createBoard('Upgraded');
    const page = await (await suite.person('Olga')).newPage();
    const sockets = watchSockets(page);
    const session = await rewriteSession(page, patch);

    await page.goto(board.links.participant, { waitUntil: 'domcontentloaded' });
    const message = page.getByTestId('board-out-of-date');
    await expect.poll(() => message.textContent(), POLL).toContain('Reload the page');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This tab is out of date');
    expect(await page.getByTestId('board-canvas').count()).toBe(0);
    expect(await page.evaluate(() => window.__clapboard === undefined)).toBe(true);
    expect(sockets).toEqual([]);
    expect((await databases(page)).filter((name) => name.startsWith('clapboard'))).toEqual([]);

    // Reload asks the server again (the token survives in the tab's session storage).
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(session.requests, POLL).toBe(2);
    await expect.poll(() => message.isVisible(), POLL).toBe(true);
    expect(sockets).toEqual([]);
  });

  it('with the same versions opens the board', async () => {
    const board = await suite.server.createBoard('Current');
    const page = await (await suite.person('Olga')).newPage();
    const sockets = watchSockets(page);
    const session = await rewriteSession(page, (real) => real);

    await page.goto(board.links.participant, { waitUntil: 'domcontentloaded' });
    await waitForReady(page);
    expect(session.requests()).toBe(1);
    expect(await page.getByTestId('board-canvas').count()).toBe(1);
    expect(await page.getByTestId('board-out-of-date').count()).toBe(0);
    await expect.poll(() => sockets.length, POLL).toBeGreaterThanOrEqual(2);
  });
});
