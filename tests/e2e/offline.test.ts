/**
 * A person who loses the connection keeps working; the status indicator says
 * so (offline, with unsynced changes); when the connection comes back both
 * sides converge on the same board.
 *
 * `context.setOffline(true)` alone does not close an already-open websocket in
 * Chromium (it only blocks new connections and flips navigator.onLine; frames
 * keep flowing — checked by hand against Chromium 156), so going offline is
 * setOffline (no reconnects, `offline` event) plus the client's own
 * `__clapboard.disconnect()` (drops the socket as a network loss would).
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import {
  backToSelect,
  connection,
  createNoteWithToolbar,
  pageObject,
  pageObjects,
  setViewport,
  typeIntoNote,
} from './support/board.ts';
import { useBrowserSuite } from './support/suite.ts';
import { connectNodeClient, seedNoteGrid } from './support/yclient.ts';

const POLL = { timeout: 15_000, interval: 50 } as const;

describe('offline editing', () => {
  const suite = useBrowserSuite();

  it('shows offline with unsynced edits, then reconnects and converges', async () => {
    const { server } = suite;
    const board = await server.createBoard('Offline');
    const seeder = await connectNodeClient(server.url, board.links.participant);
    const [shared] = seedNoteGrid(seeder.doc, { count: 1, originX: 400, originY: 300, text: () => 'Shared' });
    seeder.close();

    const alice = await suite.openAs('Alice', board.links.participant);
    const bob = await suite.openAs('Bob', board.links.participant);
    const aliceContext = alice.context();
    await expect.poll(async () => (await pageObject(alice, shared!))?.text, POLL).toBe('Shared');
    for (const page of [alice, bob]) await setViewport(page, { x: 0, y: 0, zoom: 1 });

    const status = alice.getByTestId('connection-status');
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('live');

    // Alice goes offline.
    await aliceContext.setOffline(true);
    await alice.evaluate(() => window.__clapboard!.disconnect());
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('offline');
    expect((await connection(alice)).status).toBe('offline');

    // She edits: a new note and text on the shared note.
    const offlineNote = await createNoteWithToolbar(alice, { x: 1000, y: 300 });
    await backToSelect(alice);
    await typeIntoNote(alice, shared!, ' + offline edit');
    await backToSelect(alice);
    await expect.poll(async () => Number(await status.getAttribute('data-unsynced')), POLL).toBeGreaterThan(0);
    expect((await connection(alice)).unsynced).toBeGreaterThan(0);
    expect(await status.getAttribute('data-status')).toBe('offline');
    await screenshot(alice, 'offline-with-unsynced-edits');

    // Meanwhile Bob edits the same note and adds one of his own.
    await typeIntoNote(bob, shared!, ' + Bob online');
    await backToSelect(bob);
    const bobNote = await createNoteWithToolbar(bob, { x: 700, y: 700 });
    await backToSelect(bob);
    // Bob's page is live, so if Alice's edits had leaked they would be here by now.
    const bobView = await pageObjects(bob);
    expect(Object.keys(bobView)).not.toContain(offlineNote);
    expect(bobView[shared!]!.text).not.toContain('offline edit');
    expect(Object.keys(await pageObjects(alice))).not.toContain(bobNote);

    // Back online.
    await aliceContext.setOffline(false);
    await alice.evaluate(() => window.__clapboard!.connect());
    await expect.poll(() => status.getAttribute('data-status'), POLL).toBe('live');
    await expect.poll(async () => Number(await status.getAttribute('data-unsynced')), POLL).toBe(0);
    expect(await connection(alice)).toEqual({ status: 'live', unsynced: 0 });

    // Both converge on one board holding everyone's edits.
    await expect
      .poll(async () => JSON.stringify(sortKeys(await pageObjects(alice))) === JSON.stringify(sortKeys(await pageObjects(bob))), POLL)
      .toBe(true);
    const converged = await pageObjects(bob);
    expect(Object.keys(converged).sort()).toEqual([shared!, offlineNote, bobNote].sort());
    expect(converged[shared!]!.text).toContain('offline edit');
    expect(converged[shared!]!.text).toContain('Bob online');
    expect(converged[shared!]!.text).toContain('Shared');

    // And the server has it too (a fresh client, not either browser).
    const check = await connectNodeClient(server.url, board.links.observer);
    try {
      await expect.poll(() => sortKeys(check.doc.getMap('objects').toJSON()), POLL).toEqual(sortKeys(converged));
    } finally {
      check.close();
    }
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, sortKeys(inner)]),
    );
  }
  return value;
}
