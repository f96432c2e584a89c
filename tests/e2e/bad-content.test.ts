/**
 * A board whose content document holds a value that is not an object (written
 * straight into the server's document here, past every client check, as an
 * old board or another server process could have stored it) still opens: the
 * canvas draws the other notes, the outline counts them, and a note added
 * afterwards appears — also after a reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getObjectsMap, type TransactionOrigin } from '@clapboard/shared';
import { waitForReady } from './support/browser.ts';
import { seedNote, seededBoard } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';
import { parseLink, waitForServerDoc } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;
const MIGRATION: TransactionOrigin = { kind: 'server', reason: 'migration' };

/** What the person sees: objects the canvas knows, and the rows and count of the outline's unframed group. */
async function shown(page: Page): Promise<{ canvas: number; rows: string[]; count: string | null }> {
  const canvas = await page.evaluate(() => window.__clapboard!.renderStats().total);
  const group = page.getByTestId('outline-unframed');
  const rows = await group.locator('[data-testid="outline-note"]').evaluateAll((items) =>
    items.map((item) => item.getAttribute('data-object-id') ?? '').sort(),
  );
  return { canvas, rows, count: await group.locator('h3 .count').textContent() };
}

describe('a board holding a value that is not an object', () => {
  const suite = useBrowserSuite();

  it('shows its notes, and notes added later, before and after a reload', async () => {
    const board = await seededBoard(suite.server, 'Bad value', (doc) => {
      seedNote(doc, 'a', { x: 0, y: 0 });
      seedNote(doc, 'b', { x: 300, y: 0 });
    });
    const { boardId } = parseLink(board.links.facilitator);
    const room = await suite.server.app.rooms.acquire({ boardId, doc: 'content' });
    try {
      room.doc.transact(() => getObjectsMap(room.doc).set('zz', 'not a map' as never), MIGRATION);
    } finally {
      suite.server.app.rooms.release(room);
    }
    await waitForServerDoc(suite.server.url, board.links.facilitator, (doc) => getObjectsMap(doc).has('zz'), { message: 'the bad value on the server' });

    const page = await suite.openAs('Kim', board.links.participant);
    await expect.poll(() => shown(page), POLL).toEqual({ canvas: 2, rows: ['a', 'b'], count: '(2 notes)' });

    await page.getByTestId('outline-add-note').click();
    await expect.poll(async () => (await shown(page)).canvas, POLL).toBe(3);
    const { rows } = await shown(page);
    expect(rows).toHaveLength(3);
    expect(await page.getByTestId('outline-unframed').locator('h3 .count').textContent()).toBe('(3 notes)');
    const added = rows.find((id) => id !== 'a' && id !== 'b')!;
    await waitForServerDoc(suite.server.url, board.links.facilitator, (doc) => getObjectsMap(doc).has(added), { message: 'the added note on the server' });

    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForReady(page);
    await expect.poll(() => shown(page), POLL).toEqual({ canvas: 3, rows: ['a', 'b', added].sort(), count: '(3 notes)' });
    expect(await page.evaluate(() => window.__clapboard!.contentDoc.getMap('objects').get('zz'))).toBe('not a map');
  });
});
