/**
 * An observer link shows the board read-only: a badge instead of a toolbar,
 * shortcuts and double-clicks do nothing, and nothing the observer's page
 * does ever changes the board on the server.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { boardToScreen, canvas, objectCentreOnScreen, pageObjects, setViewport } from './support/board.ts';
import { useBrowserSuite } from './support/suite.ts';
import { connectNodeClient, fetchServerDoc, seedNoteGrid } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

describe('observer link', () => {
  const suite = useBrowserSuite();

  it('is read-only in the UI and never changes the server’s board', async () => {
    const { server } = suite;
    const board = await server.createBoard('Observed');
    const seeder = await connectNodeClient(server.url, board.links.participant);
    const ids = seedNoteGrid(seeder.doc, { count: 3, columns: 3, originX: 200, originY: 200, text: (i) => `Seed ${i}` });
    seeder.close();

    // Positive control: the same key on a participant's canvas does create a
    // note, so the observer's "nothing happened" below means something.
    const participant = await suite.openAs('Pat', board.links.participant);
    await canvas(participant).focus();
    await participant.keyboard.press('n');
    await expect.poll(async () => Object.keys(await pageObjects(participant)).length, POLL).toBe(4);
    await participant.context().close();

    // A participant watches the server's board for any change at all.
    const watcher = await connectNodeClient(server.url, board.links.participant);
    const updates: Uint8Array[] = [];
    watcher.doc.on('update', (update: Uint8Array) => updates.push(update));
    await expect.poll(() => watcher.doc.getMap('objects').size, POLL).toBe(4);
    const baseline = Y.encodeStateVector(watcher.doc);
    updates.length = 0;

    const page = await suite.openAs('Olly', board.links.observer);
    await expect.poll(async () => Object.keys(await pageObjects(page)).length, POLL).toBe(4);
    await setViewport(page, { x: 0, y: 0, zoom: 1 });

    // Read-only chrome.
    await page.getByTestId('readonly-badge').waitFor({ state: 'visible' });
    expect(await page.getByTestId('toolbar').count()).toBe(0);
    expect(await page.getByTestId('tool-note').count()).toBe(0);
    expect(await page.getByTestId('undo').count()).toBe(0);
    await screenshot(page, 'observer-read-only');

    const localBefore = JSON.stringify(await pageObjects(page));
    const localVector = await page.evaluate(() => [...window.__clapboard!.contentDoc.store.clients.keys()].sort());

    // Shortcut N then a click on empty board: no note.
    await canvas(page).focus();
    await page.keyboard.press('n');
    const empty = await boardToScreen(page, { x: 1200, y: 700 });
    await page.mouse.click(empty.x, empty.y);
    // Double-click a note: no editor; type anyway.
    const centre = await objectCentreOnScreen(page, ids[0]!);
    await page.mouse.dblclick(centre.x, centre.y);
    await page.keyboard.type('should not land');
    expect(await page.getByTestId('note-editor').count()).toBe(0);
    // Drag a note and press Delete on it.
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    await page.mouse.move(centre.x + 200, centre.y + 120, { steps: 8 });
    await page.mouse.up();
    await page.mouse.click(centre.x, centre.y);
    await page.keyboard.press('Delete');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+z');
    // Double-click on empty board (creates a note in some boards).
    await page.mouse.dblclick(empty.x, empty.y);

    // Flush: a round trip through the observer's own awareness proves its
    // socket has delivered everything sent before it.
    await page.mouse.move(empty.x - 50, empty.y - 50);
    const observerId = await page.evaluate(() => window.__clapboard!.awareness.clientID);
    await expect.poll(() => watcher.provider.awareness.getStates().has(observerId), POLL).toBe(true);

    expect(JSON.stringify(await pageObjects(page))).toBe(localBefore);
    expect(await page.evaluate(() => [...window.__clapboard!.contentDoc.store.clients.keys()].sort())).toEqual(localVector);
    expect(updates).toEqual([]);
    const server1 = await fetchServerDoc(server.url, board.links.participant);
    expect(Buffer.from(Y.encodeStateVector(server1))).toEqual(Buffer.from(baseline));

    // Even a direct write into the observer's doc (what a modified client
    // could do) is refused by the server.
    await page.evaluate(() => {
      const doc = window.__clapboard!.contentDoc;
      const objects = doc.getMap('objects');
      const victim = [...objects.keys()][0]!;
      doc.transact(() => objects.delete(victim));
    });
    // The observer then sends awareness again; once the watcher sees it, the
    // forged update (sent earlier on the same socket) has been handled. Its
    // viewport is the signal: an observer's cursor never reaches anyone.
    const viewportSeen = () => JSON.stringify(watcher.provider.awareness.getStates().get(observerId)?.viewport ?? null);
    const viewportBefore = viewportSeen();
    await page.mouse.move(empty.x - 120, empty.y - 80, { steps: 3 });
    await page.mouse.wheel(0, 240);
    await expect.poll(viewportSeen, POLL).not.toBe(viewportBefore);
    expect(watcher.provider.awareness.getStates().get(observerId)).not.toHaveProperty('cursor');
    const server2 = await fetchServerDoc(server.url, board.links.participant);
    expect(server2.getMap('objects').size).toBe(4);
    expect(updates).toEqual([]);
    expect(Buffer.from(Y.encodeStateVector(server2))).toEqual(Buffer.from(baseline));
    watcher.close();
  });
});
