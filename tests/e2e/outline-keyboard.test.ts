/**
 * The outline view is a complete, keyboard-only alternative to the canvas:
 * using nothing but Tab, typing, Enter/Space and arrow keys on selects, a
 * person can create a note, write in it, move it between frames and delete
 * it — and someone on the canvas sees every step.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageNotes, pageObject, tabUntil } from './support/board.ts';
import { useBrowserSuite } from './support/suite.ts';
import { connectNodeClient, insertFrame } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

const noteSel = (id: string) => `[data-testid="outline-note"][data-object-id="${id}"]`;

describe('outline view, keyboard only', () => {
  const suite = useBrowserSuite();

  /** Whether focus was lost after an arrow key on a select changed its value (reported, not failed). */
  const focusLosses: string[] = [];

  /**
   * Keyboard only: focuses the select matched by `selector` with Tab, then
   * presses ArrowDown/ArrowUp (towards `value`) until the select shows it.
   * Changing a note's frame re-renders it under another group, so focus is
   * re-acquired with Tab after every key press if it was lost.
   */
  async function chooseWithArrows(page: Page, selector: string, value: string): Promise<void> {
    for (let i = 0; i < 20; i++) {
      await tabUntil(page, selector);
      const state = await page.evaluate(() => {
        const select = document.activeElement as HTMLSelectElement;
        return { value: select.value, index: select.selectedIndex, options: Array.from(select.options).map((o) => o.value) };
      });
      if (state.value === value) return;
      const wanted = state.options.indexOf(value);
      if (wanted < 0) throw new Error(`${selector} has no option ${JSON.stringify(value)}; options: ${state.options.join(', ')}`);
      await page.keyboard.press(wanted > state.index ? 'ArrowDown' : 'ArrowUp');
      const after = await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, selector);
      if (!after) focusLosses.push(`${selector} -> ${state.options[state.index + (wanted > state.index ? 1 : -1)]}`);
    }
    throw new Error(`could not reach option ${value} of ${selector} with arrow keys`);
  }

  it('creates, edits, moves between frames and deletes a note; the canvas sees each step', async () => {
    const board = await suite.server.createBoard('Outline');
    const seeder = await connectNodeClient(suite.server.url, board.links.facilitator);
    seeder.doc.transact(() => {
      insertFrame(seeder.doc, { id: 'frameIdeas', x: 0, y: 0, width: 900, height: 700, title: 'Ideas' });
      insertFrame(seeder.doc, { id: 'frameRisks', x: 1000, y: 0, width: 900, height: 700, title: 'Risks' });
    });
    seeder.close();

    const kim = await suite.openAs('Kim', board.links.participant);
    const cam = await suite.openAs('Cam', board.links.participant);
    const camTotal = () => cam.evaluate(() => window.__clapboard!.renderStats().total);
    await expect.poll(camTotal, POLL).toBe(2);
    await kim.getByTestId('outline').waitFor({ state: 'visible' });
    await expect.poll(() => kim.getByTestId('outline-frame').count(), POLL).toBe(2);

    // Start with focus on the document, as after a page load; from here on keys only.
    await kim.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // Create: pick the target frame in `outline-add-frame`, then press Enter on `outline-add-note`.
    const before = new Set(Object.keys(await pageNotes(kim)));
    await chooseWithArrows(kim, '[data-testid="outline-add-frame"]', 'frameIdeas');
    await tabUntil(kim, '[data-testid="outline-add-note"]');
    await kim.keyboard.press('Enter');
    await expect.poll(async () => Object.keys(await pageNotes(cam)).length, POLL).toBe(1);
    const [noteId] = Object.keys(await pageNotes(cam)).filter((id) => !before.has(id));
    expect(noteId).toBeTruthy();
    const id = noteId!;
    await expect.poll(camTotal, POLL).toBe(3);
    await expect.poll(async () => (await pageObject(cam, id))?.frameId, POLL).toBe('frameIdeas');
    await expect.poll(() => kim.locator(`[data-testid="outline-frame"][data-object-id="frameIdeas"] ${noteSel(id)}`).count(), POLL).toBe(1);

    // Edit: the new note's text field (focus may already be there).
    await tabUntil(kim, `${noteSel(id)} [data-testid="outline-note-text"]`);
    await kim.keyboard.type('Typed from the outline');
    await expect.poll(async () => (await pageObject(cam, id))?.text, POLL).toBe('Typed from the outline');

    // Move between frames: arrow keys choose in the note's frame select, Enter moves.
    const frameSelect = `${noteSel(id)} [data-testid="outline-note-frame"]`;
    await chooseWithArrows(kim, frameSelect, 'frameRisks');
    await kim.keyboard.press('Enter');
    await expect.poll(async () => (await pageObject(cam, id))?.frameId, POLL).toBe('frameRisks');
    await expect.poll(() => kim.locator(`[data-testid="outline-frame"][data-object-id="frameRisks"] ${noteSel(id)}`).count(), POLL).toBe(1);
    // Moving it into a frame puts it inside that frame on the canvas too.
    const moved = (await pageObject(cam, id))!;
    expect(moved.x!).toBeGreaterThanOrEqual(1000);
    expect(moved.x! + moved.width!).toBeLessThanOrEqual(1900);
    expect(moved.y! + moved.height!).toBeLessThanOrEqual(700);
    // The text went with it.
    expect(moved.text).toBe('Typed from the outline');

    // ...out of all frames, and back into the first.
    await chooseWithArrows(kim, frameSelect, '');
    await kim.keyboard.press('Enter');
    await expect.poll(async () => (await pageObject(cam, id))?.frameId, POLL).toBe(null);
    await chooseWithArrows(kim, frameSelect, 'frameIdeas');
    await kim.keyboard.press('Enter');
    await expect.poll(async () => (await pageObject(cam, id))?.frameId, POLL).toBe('frameIdeas');

    // Delete: Space on the note's delete button.
    await tabUntil(kim, `${noteSel(id)} [data-testid="outline-note-delete"]`);
    await kim.keyboard.press('Space');
    await expect.poll(async () => Object.keys(await pageNotes(cam)), POLL).toEqual([]);
    await expect.poll(camTotal, POLL).toBe(2);
    await expect.poll(() => kim.locator(noteSel(id)).count(), POLL).toBe(0);
    // Frames are untouched.
    expect((await pageObject(cam, 'frameIdeas'))?.text).toBe('Ideas');
    expect((await pageObject(cam, 'frameRisks'))?.text).toBe('Risks');

    // Reported rather than failed: a keyboard user loses their place when a note changes group.
    if (focusLosses.length > 0) {
      console.warn(`[outline] focus was lost after ${focusLosses.length} frame change(s): ${focusLosses.join('; ')}`);
    }
    // No mouse was used in the keyboard context: nothing but keyboard calls above.
  });
});
