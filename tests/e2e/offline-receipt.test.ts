/**
 * "Unsynced" means "not yet safe on the server", not "not yet sent". After
 * reconnecting, a participant's offline edits are on their way, and the
 * count only drops to zero when the server has stored them — the moment
 * they could close the tab and lose nothing.
 */
import { describe, expect, it } from 'vitest';
import { MemoryBoardStore } from '@clapboard/server';
import { GatedStore } from '../support/gatedStore.ts';
import { startTestServer } from '../support/server.ts';
import { canvas, connection, pageNotes } from './support/board.ts';
import { openBoard } from './support/browser.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

describe('unsynced count after reconnecting', () => {
  const suite = useBrowserSuite();

  it('stays above zero while the server holds the edits unstored, and drops when they are stored', async () => {
    const store = new GatedStore(new MemoryBoardStore());
    const server = await startTestServer({ store });
    try {
      const board = await server.createBoard('Receipt');
      const page = await openBoard(await suite.person('Sam'), board.links.participant);

      await page.evaluate(() => window.__clapboard!.disconnect());
      await expect.poll(() => connection(page), POLL).toMatchObject({ status: 'offline' });
      await canvas(page).focus();
      await page.keyboard.press('n');
      await expect.poll(() => connection(page), POLL).toEqual({ status: 'offline', unsynced: 1 });

      // Back online, but the server cannot make anything durable yet.
      store.hold();
      await page.evaluate(() => window.__clapboard!.connect());
      await expect.poll(() => store.waiting, POLL).toBeGreaterThan(0);
      await expect.poll(() => connection(page), POLL).toMatchObject({ status: 'live' });
      // The server has the note in hand but not on disk: it is not safe yet.
      expect(await connection(page)).toEqual({ status: 'live', unsynced: 1 });

      store.release();
      await expect.poll(() => connection(page), POLL).toEqual({ status: 'live', unsynced: 0 });
      expect(Object.keys(await pageNotes(page))).toHaveLength(1);
    } finally {
      // A graceful close flushes appends, so a failed assertion must not leave them held.
      store.release();
      await server.close();
    }
  });
});
