/**
 * What one browser's offline copy of a board may carry between links. The
 * copy in IndexedDB is sent to the server by whichever link next opens the
 * board there, so the `?dev` sandbox (a local board that never syncs) and
 * each role keep copies of their own: sandbox edits never reach the real
 * board, and an observer's local edits are never handed to a writer's link.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getObjectsMap } from '@clapboard/shared';
import { openBoard, waitForReady } from './support/browser.ts';
import { pageObject, pageObjects, waitForNewNote } from './support/board.ts';
import { seedNote, seededBoard } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';
import { fetchServerDoc, waitForServerDoc } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

/** The same link with `?dev`, as a developer working on the canvas alone would open it. */
const devLink = (link: string) => link.replace('#', '?dev#');

describe('offline copies in one browser', () => {
  const suite = useBrowserSuite();

  /**
   * Adds a note on `page` through the outline and waits until the server has
   * it: by then the page has long loaded its offline copy, and sent the
   * server whatever that copy held.
   */
  async function addNoteAndWaitForServer(page: Page, link: string, known: string[]): Promise<string> {
    await page.getByTestId('outline-add-note').click();
    const id = await waitForNewNote(page, new Set(known));
    await waitForServerDoc(suite.server.url, link, (doc) => getObjectsMap(doc).has(id), { message: 'the new note on the server' });
    return id;
  }

  /**
   * Waits until this browser's offline copy for `link` satisfies `stored`,
   * as another tab reads it. A tab reads the copy only when it opens, so it
   * is reloaded between tries; the tab that made the edit stays open, so its
   * write is not cut short.
   */
  async function waitUntilStored(context: BrowserContext, link: string, stored: (page: Page) => Promise<boolean>): Promise<void> {
    const page = await openBoard(context, link);
    const reload = async () => {
      await page.reload({ waitUntil: 'domcontentloaded' });
      await waitForReady(page);
      return false;
    };
    try {
      await expect.poll(async () => (await stored(page)) || reload(), POLL).toBe(true);
    } finally {
      await page.close();
    }
  }

  it('keeps edits made in the ?dev sandbox off the real board', async () => {
    const board = await seededBoard(suite.server, 'Sandbox', (doc) => seedNote(doc, 'a', { x: 0, y: 0 }));
    const context = await suite.person('Dee');

    const sandbox = await openBoard(context, devLink(board.links.facilitator));
    await sandbox.getByTestId('outline-add-note').click();
    const sandboxNote = await waitForNewNote(sandbox, new Set());
    // The sandbox's note is stored in this browser.
    await waitUntilStored(context, devLink(board.links.facilitator), async (page) => (await pageObject(page, sandboxNote)) !== null);
    await sandbox.close();

    const real = await openBoard(context, board.links.facilitator);
    const realNote = await addNoteAndWaitForServer(real, board.links.facilitator, ['a', sandboxNote]);
    expect(Object.keys(await pageObjects(real)).sort()).toEqual(['a', realNote].sort());
    expect(getObjectsMap(await fetchServerDoc(suite.server.url, board.links.facilitator)).has(sandboxNote)).toBe(false);
  });

  it('does not hand an observer’s local edits to a participant link opened in the same browser', async () => {
    const board = await seededBoard(suite.server, 'Roles', (doc) => {
      seedNote(doc, 'a', { x: 0, y: 0 });
      seedNote(doc, 'b', { x: 300, y: 0 });
    });
    const context = await suite.person('Obi');

    // A local edit the observer's page never makes itself, as a modified
    // client could: the server refuses it, the offline copy keeps it.
    const observer = await openBoard(context, board.links.observer);
    await observer.evaluate(() => {
      const doc = window.__clapboard!.contentDoc;
      doc.transact(() => doc.getMap('objects').delete('a'));
    });
    await waitUntilStored(context, board.links.observer, async (page) => (await pageObject(page, 'a')) === null);
    expect(getObjectsMap(await fetchServerDoc(suite.server.url, board.links.facilitator)).has('a')).toBe(true);
    await observer.close();

    const participant = await openBoard(context, board.links.participant);
    const added = await addNoteAndWaitForServer(participant, board.links.participant, ['a', 'b']);
    expect(Object.keys(await pageObjects(participant)).sort()).toEqual(['a', 'b', added].sort());
    expect(getObjectsMap(await fetchServerDoc(suite.server.url, board.links.facilitator)).has('a')).toBe(true);
  });
});
