/**
 * The canvas with the keyboard: once it has focus, a person can add, edit,
 * walk through, move, select, duplicate and delete objects, switch tools,
 * and zoom (step, reset, fit the board, fit the selection) without a mouse.
 */
import { describe, expect, it } from 'vitest';
import { boardToScreen, canvas, focusedTestId, getViewport, pageNotes, pageObject, pageObjects, waitForNewNote } from './support/board.ts';
import { positionOf, seedNote, seededBoard, selectedIds, showHome, viewCentre, visibleBoardRect } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

describe('keyboard on the focused canvas', () => {
  const suite = useBrowserSuite();

  it('adds, edits, walks through, nudges, duplicates and deletes notes with keys alone', async () => {
    const board = await seededBoard(suite.server, 'Keys', (doc) => {
      // Both above the middle of the view, where N puts its note.
      seedNote(doc, 'first', { x: 100, y: 40 }, { text: 'First' });
      seedNote(doc, 'second', { x: 500, y: 40 }, { text: 'Second' });
    });
    const page = await suite.openAs('Kay', board.links.participant);
    await showHome(page);
    await canvas(page).focus();

    // N adds a note in the middle of the view, selected.
    const centre = await viewCentre(page);
    const before = new Set(Object.keys(await pageNotes(page)));
    await page.keyboard.press('n');
    const added = await waitForNewNote(page, before);
    const note = (await pageObject(page, added))!;
    expect(note.x! + note.width! / 2).toBeCloseTo(centre.x, 0);
    expect(note.y! + note.height! / 2).toBeCloseTo(centre.y, 0);
    await expect.poll(() => selectedIds(page), POLL).toEqual([added]);

    // Enter opens the editor on it; Escape closes it and gives focus back to the canvas.
    await page.keyboard.press('Enter');
    await page.getByTestId('note-editor').waitFor({ state: 'visible' });
    await page.keyboard.type('From the keyboard');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('note-editor').count(), POLL).toBe(0);
    await expect.poll(() => focusedTestId(page), POLL).toBe('board-canvas');
    await expect.poll(async () => (await pageObject(page, added))?.text, POLL).toBe('From the keyboard');

    // Arrow keys nudge by 10, Shift+arrow by 100.
    const start = (await positionOf(page, added))!;
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => positionOf(page, added), POLL).toEqual({ x: start.x + 10, y: start.y + 100 });
    // A run of nudges is one undo step, separate from the typing just before it.
    await page.keyboard.press('Control+z');
    await expect.poll(() => positionOf(page, added), POLL).toEqual(start);
    expect((await pageObject(page, added))?.text).toBe('From the keyboard');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => positionOf(page, added), POLL).toEqual({ x: start.x + 10, y: start.y + 100 });

    // Tab walks through objects in reading order, starting again after Escape.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect.poll(() => selectedIds(page), POLL).toEqual(['first']);
    await page.keyboard.press('Tab');
    await expect.poll(() => selectedIds(page), POLL).toEqual(['second']);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => selectedIds(page), POLL).toEqual(['first']);

    // Ctrl+D duplicates the selection.
    const beforeDuplicate = new Set(Object.keys(await pageObjects(page)));
    await page.keyboard.press('Control+d');
    const copy = await waitForNewNote(page, beforeDuplicate);
    expect((await pageObject(page, copy))?.text).toBe('First');
    await expect.poll(() => selectedIds(page), POLL).toEqual([copy]);

    // Ctrl+A selects everything; Delete removes it all.
    await page.keyboard.press('Control+a');
    await expect.poll(() => selectedIds(page), POLL).toEqual([added, copy, 'first', 'second'].sort());
    await page.keyboard.press('Delete');
    await expect.poll(async () => Object.keys(await pageObjects(page)), POLL).toEqual([]);
    // And Ctrl+Z brings back just those, even right after duplicating.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Object.keys(await pageObjects(page)).sort(), POLL).toEqual([added, copy, 'first', 'second'].sort());
  });

  it('H and V switch between the hand and select tools; holding Space pans instead of moving a note', async () => {
    const board = await seededBoard(suite.server, 'Tools', (doc) => {
      seedNote(doc, 'a', { x: 200, y: 200 });
    });
    const page = await suite.openAs('Hal', board.links.participant);
    await showHome(page);
    await canvas(page).focus();
    const pressed = (tool: string) => page.getByTestId(`tool-${tool}`).getAttribute('aria-pressed');

    await page.keyboard.press('h');
    await expect.poll(() => pressed('hand'), POLL).toBe('true');
    await page.keyboard.press('v');
    await expect.poll(() => pressed('select'), POLL).toBe('true');
    expect(await pressed('hand')).toBe('false');

    // Space + drag over a note moves the camera, not the note.
    const from = await boardToScreen(page, { x: 300, y: 300 });
    await page.keyboard.down('Space');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x - 150, from.y - 100, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    await expect.poll(async () => {
      const view = await getViewport(page);
      return { x: Math.round(view.x), y: Math.round(view.y) };
    }, POLL).toEqual({ x: 150, y: 100 });
    expect(await positionOf(page, 'a')).toEqual({ x: 200, y: 200 });
  });

  it('zoom keys step and reset the zoom; Shift+1 and the Fit button show the whole board; Shift+2 the selection', async () => {
    const board = await seededBoard(suite.server, 'Zoom', (doc) => {
      seedNote(doc, 'near', { x: 0, y: 0 });
      seedNote(doc, 'far', { x: 3000, y: 2000 });
    });
    const page = await suite.openAs('Zoe', board.links.participant);
    await showHome(page);
    await canvas(page).focus();
    const zoom = async () => Number((await getViewport(page)).zoom.toFixed(4));
    const zoomLabel = () => page.getByTestId('zoom-level').textContent();

    await page.keyboard.press('+');
    await expect.poll(zoom, POLL).toBe(1.25);
    await expect.poll(zoomLabel, POLL).toBe('125%');
    await page.keyboard.press('=');
    await expect.poll(zoom, POLL).toBe(1.5625);
    await page.keyboard.press('-');
    await expect.poll(zoom, POLL).toBe(1.25);
    await page.keyboard.press('0');
    await expect.poll(zoom, POLL).toBe(1);
    await expect.poll(zoomLabel, POLL).toBe('100%');
    // The buttons do the same.
    await page.getByTestId('zoom-in').click();
    await expect.poll(zoom, POLL).toBe(1.25);
    await page.getByTestId('zoom-out').click();
    await expect.poll(zoom, POLL).toBe(1);

    // Fit: both far-apart notes on screen at once.
    const showsWholly = async (id: string) => {
      const [rect, object] = await Promise.all([visibleBoardRect(page), pageObject(page, id)]);
      return (
        object!.x! >= rect.x && object!.y! >= rect.y &&
        object!.x! + object!.width! <= rect.x + rect.width && object!.y! + object!.height! <= rect.y + rect.height
      );
    };
    expect(await showsWholly('far')).toBe(false);
    await canvas(page).focus();
    await page.keyboard.press('Shift+Digit1');
    await expect.poll(async () => [await showsWholly('near'), await showsWholly('far')], POLL).toEqual([true, true]);
    expect(await zoom()).toBeLessThan(1);

    await showHome(page);
    await page.getByTestId('zoom-fit').click();
    await expect.poll(async () => [await showsWholly('near'), await showsWholly('far')], POLL).toEqual([true, true]);

    // Zoom to selection: close in on the selected note, whole; the other one is off screen.
    await canvas(page).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => selectedIds(page), POLL).toEqual(['far']);
    await page.keyboard.press('Shift+Digit2');
    await expect
      .poll(async () => ({ zoomedIn: (await zoom()) > 1, far: await showsWholly('far'), near: await showsWholly('near') }), POLL)
      .toEqual({ zoomedIn: true, far: true, near: false });
  });
});
