/**
 * Moving a note between frames from the outline, keyboard only. Arrowing
 * through the frame select only chooses; the move happens once, when the
 * person commits (the Move button, or Enter in the select). Afterwards focus
 * is still on that note's controls — although its row now sits under another
 * frame — and a polite live region says where it went.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCAL_USER_ORIGIN, NOTE_SIZE, getObjectsMap, insertObject } from '@clapboard/shared';
import { pageObject, tabUntil } from './support/board.ts';
import { seededBoard } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';
import { connectNodeClient, insertFrame, seedNoteGrid } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;
const NOTE = 'card';
const row = `[data-testid="outline-note"][data-object-id="${NOTE}"]`;
const frameSelect = `${row} [data-testid="outline-note-frame"]`;
const moveButton = `${row} [data-testid="outline-note-move"]`;

/** Where focus is: the note row it is in, the group that row is under, and the control. */
function focusPlace(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    const item = active?.closest('[data-testid="outline-note"]');
    const frame = item?.closest('[data-testid="outline-frame"]');
    return {
      note: item?.getAttribute('data-object-id') ?? null,
      group: frame ? frame.getAttribute('data-object-id') : item?.closest('[data-testid="outline-unframed"]') ? 'unframed' : null,
      control: active?.getAttribute('data-testid') ?? null,
    };
  });
}

const selectValue = (page: Page) => page.evaluate(() => (document.activeElement as HTMLSelectElement).value);

describe('outline: moving a note between frames', () => {
  const suite = useBrowserSuite();

  it('moves once per commit, keeps focus on the note and announces the move', async () => {
    const board = await suite.server.createBoard('Frames');
    // Seeds the board, then stays connected as a watcher of what reaches the server.
    const watcher = await connectNodeClient(suite.server.url, board.links.facilitator);
    try {
      watcher.doc.transact(() => {
        insertFrame(watcher.doc, { id: 'frameIdeas', x: 0, y: 0, width: 900, height: 700, title: 'Ideas' });
        insertFrame(watcher.doc, { id: 'frameRisks', x: 1000, y: 0, width: 900, height: 700, title: 'Risks' });
        insertObject(watcher.doc, {
          id: NOTE, type: 'note', x: 40, y: 80, width: NOTE_SIZE, height: NOTE_SIZE, z: 1, frameId: 'frameIdeas', color: 'yellow', text: 'Move me',
        });
      }, LOCAL_USER_ORIGIN);
      // Every change of the note's frame the server relays, in order: one entry per moving transaction.
      const moves: (string | null)[] = [];
      const note = getObjectsMap(watcher.doc).get(NOTE)!;
      note.observe((event) => {
        if (event.keysChanged.has('frameId')) moves.push((note.get('frameId') as string | null) ?? null);
      });

      const kim = await suite.openAs('Kim', board.links.participant);
      await expect.poll(() => kim.locator(`[data-testid="outline-frame"][data-object-id="frameIdeas"] ${row}`).count(), POLL).toBe(1);
      await kim.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

      // Arrow through the options, past the one wanted and back: Ideas -> Risks -> Unframed -> Risks.
      await tabUntil(kim, frameSelect);
      await kim.keyboard.press('ArrowDown');
      await kim.keyboard.press('ArrowDown');
      await kim.keyboard.press('ArrowUp');
      expect(await focusPlace(kim)).toEqual({ note: NOTE, group: 'frameIdeas', control: 'outline-note-frame' });
      expect(await selectValue(kim)).toBe('frameRisks');
      // Choosing is not moving (the page's own doc changes synchronously, so this is no race).
      expect((await pageObject(kim, NOTE))?.frameId).toBe('frameIdeas');

      // Commit with the Move button.
      await tabUntil(kim, moveButton);
      await kim.keyboard.press('Enter');
      await expect.poll(() => moves, POLL).toEqual(['frameRisks']);
      await expect.poll(() => focusPlace(kim), POLL).toEqual({ note: NOTE, group: 'frameRisks', control: 'outline-note-frame' });
      const status = kim.getByTestId('outline-status');
      expect(await status.getAttribute('aria-live')).toBe('polite');
      await expect.poll(() => status.textContent(), POLL).toMatch(/moved.*Risks/i);

      // Commit with Enter in the select: out of all frames.
      await kim.keyboard.press('ArrowDown');
      expect(await selectValue(kim)).toBe('');
      await kim.keyboard.press('Enter');
      await expect.poll(() => moves, POLL).toEqual(['frameRisks', null]);
      await expect.poll(() => focusPlace(kim), POLL).toEqual({ note: NOTE, group: 'unframed', control: 'outline-note-frame' });
      await expect.poll(() => status.textContent(), POLL).toMatch(/moved.*in no area/i);

      // A last edit from the same page: once the server has relayed it, it has
      // relayed every earlier update too, so no extra move is still on its way.
      await kim.keyboard.press('Shift+Tab');
      expect((await focusPlace(kim)).control).toBe('outline-note-text');
      await kim.keyboard.press('End');
      await kim.keyboard.type('!');
      await expect.poll(() => note.get('text')?.toString(), POLL).toBe('Move me!');
      expect(moves).toEqual(['frameRisks', null]);
    } finally {
      watcher.close();
    }
  });

  it('a note added past the first page of a long frame takes focus and keeps it', async () => {
    // One tall frame, one column of 120 notes: a note added to it goes to the bottom, row 121.
    const pitch = NOTE_SIZE + 20;
    const board = await seededBoard(suite.server, 'Long outline', (doc) => {
      insertFrame(doc, { id: 'tall', x: 0, y: 0, width: NOTE_SIZE + 40, height: 130 * pitch, title: 'Tall' });
      seedNoteGrid(doc, { count: 120, columns: 1, pitch, originX: 20, originY: 60, frameId: 'tall' });
    });
    const page = await suite.openAs('Lee', board.links.participant);
    const rows = page.locator('[data-testid="outline-frame"][data-object-id="tall"] [data-testid="outline-note"]');
    await expect.poll(() => rows.count(), POLL).toBe(100);

    await tabUntil(page, '[data-testid="outline-add-frame"]');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => selectValue(page), POLL).toBe('tall');
    await tabUntil(page, '[data-testid="outline-add-note"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count(), POLL).toBe(101);
    const focusedRow = () => page.evaluate(() => document.activeElement?.closest('[data-testid="outline-note"]')?.getAttribute('data-object-id') ?? null);
    await expect.poll(focusedRow, POLL).not.toBeNull();
    const id = (await focusedRow())!;
    expect(id.startsWith('n')).toBe(false);
    // Still there a few frames later, and typing goes into the new note.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await focusedRow()).toBe(id);
    await page.keyboard.type('Added from the outline');
    await expect.poll(async () => (await pageObject(page, id))?.text, POLL).toBe('Added from the outline');
  });
});
