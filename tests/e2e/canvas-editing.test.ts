/**
 * Editing on the canvas with the mouse, as a person would: arrows that stay
 * attached to what they join, frames that carry their contents, selecting
 * and moving many things at once, and resizing. Every check reads the
 * shared document, so it is what everyone else on the board gets.
 */
import { describe, expect, it } from 'vitest';
import { boardToScreen, pageObject, pageObjects } from './support/board.ts';
import { clickObject, dragOnBoard, positionOf, seedNote, seededBoard, selectedIds, showHome } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

describe('editing on the canvas', () => {
  const suite = useBrowserSuite();

  it('an arrow drawn between two notes stays attached when one of them moves', async () => {
    const board = await seededBoard(suite.server, 'Arrows', (doc) => {
      seedNote(doc, 'a', { x: 100, y: 150 });
      seedNote(doc, 'b', { x: 600, y: 150 });
    });
    const page = await suite.openAs('Ari', board.links.participant);
    await showHome(page);

    await page.getByTestId('tool-connector').click();
    await dragOnBoard(page, { x: 200, y: 250 }, { x: 700, y: 250 });
    const connectors = async () => Object.values(await pageObjects(page)).filter((object) => object.type === 'connector');
    await expect.poll(async () => (await connectors()).map(({ from, to }) => ({ from, to })), POLL).toEqual([
      { from: { objectId: 'a' }, to: { objectId: 'b' } },
    ]);
    const arrowId = (await connectors())[0]!.id as string;
    await expect.poll(() => selectedIds(page), POLL).toEqual([arrowId]);
    await expect.poll(() => page.getByTestId('tool-select').getAttribute('aria-pressed'), POLL).toBe('true');

    // Move one end: the arrow keeps pointing at both notes.
    await page.keyboard.press('Escape');
    await dragOnBoard(page, { x: 200, y: 250 }, { x: 200, y: 550 });
    await expect.poll(() => positionOf(page, 'a'), POLL).toEqual({ x: 100, y: 450 });
    const arrow = await pageObject(page, arrowId);
    expect({ from: arrow?.from, to: arrow?.to }).toEqual({ from: { objectId: 'a' }, to: { objectId: 'b' } });

    // The arrow is drawn (and hit) between the notes' new places, not the old ones:
    // a click on its old middle lands on empty board and clears the selection.
    await expect.poll(() => selectedIds(page), POLL).toEqual(['a']);
    const oldMiddle = await boardToScreen(page, { x: 450, y: 250 });
    await page.mouse.click(oldMiddle.x, oldMiddle.y);
    await expect.poll(() => selectedIds(page), POLL).toEqual([]);
    const newMiddle = await boardToScreen(page, { x: 450, y: 400 });
    await page.mouse.click(newMiddle.x, newMiddle.y);
    await expect.poll(() => selectedIds(page), POLL).toEqual([arrowId]);

    // Deleting the arrow leaves the notes.
    await page.keyboard.press('Delete');
    await expect.poll(async () => Object.keys(await pageObjects(page)).sort(), POLL).toEqual(['a', 'b']);
  });

  it('a frame drawn with the toolbar carries the notes inside it when it moves, and only those', async () => {
    const board = await seededBoard(suite.server, 'Frames', (doc) => {
      seedNote(doc, 'outside', { x: 950, y: 150 });
    });
    const page = await suite.openAs('Fay', board.links.participant);
    await showHome(page);

    // Frame tool: one click makes an 800 x 600 frame centred there.
    const before = new Set(Object.keys(await pageObjects(page)));
    await page.getByTestId('tool-frame').click();
    const at = await boardToScreen(page, { x: 500, y: 400 });
    await page.mouse.click(at.x, at.y);
    const newOfType = async (type: string) =>
      Object.values(await pageObjects(page)).filter((object) => object.type === type && !before.has(object.id as string));
    await expect.poll(async () => (await newOfType('frame')).length, POLL).toBe(1);
    const frame = (await newOfType('frame'))[0]!;
    const frameId = frame.id as string;
    expect({ x: frame.x, y: frame.y, width: frame.width, height: frame.height }).toEqual({ x: 100, y: 100, width: 800, height: 600 });

    // A note placed inside belongs to the frame.
    await page.getByTestId('tool-note').click();
    const inside = await boardToScreen(page, { x: 300, y: 350 });
    await page.mouse.click(inside.x, inside.y);
    await expect.poll(async () => (await newOfType('note')).length, POLL).toBe(1);
    const noteId = (await newOfType('note'))[0]!.id as string;
    await expect.poll(async () => (await pageObject(page, noteId))?.frameId, POLL).toBe(frameId);
    const noteStart = (await positionOf(page, noteId))!;

    // Drag the frame by its title bar: the note comes along, the outsider stays.
    await page.keyboard.press('Escape');
    await dragOnBoard(page, { x: 300, y: 120 }, { x: 450, y: 220 });
    await expect.poll(() => positionOf(page, frameId), POLL).toEqual({ x: 250, y: 200 });
    await expect.poll(() => positionOf(page, noteId), POLL).toEqual({ x: noteStart.x + 150, y: noteStart.y + 100 });
    expect((await pageObject(page, noteId))?.frameId).toBe(frameId);
    expect(await positionOf(page, 'outside')).toEqual({ x: 950, y: 150 });

    // Dragging the note out of the frame releases it; the next frame move leaves it behind.
    await page.keyboard.press('Escape');
    const noteNow = (await positionOf(page, noteId))!;
    await dragOnBoard(page, { x: noteNow.x + 100, y: noteNow.y + 100 }, { x: 1150, y: 500 });
    await expect.poll(async () => (await pageObject(page, noteId))?.frameId, POLL).toBe(null);
    const released = (await positionOf(page, noteId))!;
    await page.keyboard.press('Escape');
    await dragOnBoard(page, { x: 450, y: 220 }, { x: 400, y: 170 });
    await expect.poll(() => positionOf(page, frameId), POLL).toEqual({ x: 200, y: 150 });
    expect(await positionOf(page, noteId)).toEqual(released);
  });

  it('shift-click and a shift-drag marquee select several notes, which then move together', async () => {
    const board = await seededBoard(suite.server, 'Multi-select', (doc) => {
      seedNote(doc, 'a', { x: 100, y: 100 });
      seedNote(doc, 'b', { x: 400, y: 100 });
      seedNote(doc, 'c', { x: 100, y: 420 });
      seedNote(doc, 'd', { x: 400, y: 420 });
    });
    const page = await suite.openAs('Max', board.links.participant);
    await showHome(page);

    // Shift-click adds to the selection, and a second shift-click takes one out again.
    await clickObject(page, 'a');
    await clickObject(page, 'b', { shift: true });
    await clickObject(page, 'c', { shift: true });
    await expect.poll(() => selectedIds(page), POLL).toEqual(['a', 'b', 'c']);
    await clickObject(page, 'c', { shift: true });
    await expect.poll(() => selectedIds(page), POLL).toEqual(['a', 'b']);

    // Dragging one selected note moves all of them by the same amount.
    await dragOnBoard(page, { x: 500, y: 200 }, { x: 560, y: 240 });
    await expect.poll(async () => [await positionOf(page, 'a'), await positionOf(page, 'b')], POLL).toEqual([
      { x: 160, y: 140 },
      { x: 460, y: 140 },
    ]);
    expect([await positionOf(page, 'c'), await positionOf(page, 'd')]).toEqual([
      { x: 100, y: 420 },
      { x: 400, y: 420 },
    ]);

    // A shift-drag from empty board draws a marquee that picks what it touches.
    await page.keyboard.press('Escape');
    await dragOnBoard(page, { x: 50, y: 380 }, { x: 700, y: 700 }, { shift: true });
    await expect.poll(() => selectedIds(page), POLL).toEqual(['c', 'd']);
    await dragOnBoard(page, { x: 200, y: 520 }, { x: 150, y: 570 });
    await expect.poll(async () => [await positionOf(page, 'c'), await positionOf(page, 'd')], POLL).toEqual([
      { x: 50, y: 470 },
      { x: 350, y: 470 },
    ]);
    expect([await positionOf(page, 'a'), await positionOf(page, 'b')]).toEqual([
      { x: 160, y: 140 },
      { x: 460, y: 140 },
    ]);
  });

  it('dragging a corner handle resizes the selected note from the opposite corner', async () => {
    const board = await seededBoard(suite.server, 'Resize', (doc) => {
      seedNote(doc, 'a', { x: 200, y: 200 });
      seedNote(doc, 'b', { x: 700, y: 200 });
    });
    const page = await suite.openAs('Rosa', board.links.participant);
    await showHome(page);
    const box = async (id: string) => {
      const object = await pageObject(page, id);
      return object && [object.x, object.y, object.width, object.height].map((value) => Math.round(value!));
    };

    await clickObject(page, 'a');
    await expect.poll(() => selectedIds(page), POLL).toEqual(['a']);
    await dragOnBoard(page, { x: 400, y: 400 }, { x: 500, y: 450 });
    await expect.poll(() => box('a'), POLL).toEqual([200, 200, 300, 250]);

    // The top-left handle keeps the bottom-right corner where it was.
    await dragOnBoard(page, { x: 200, y: 200 }, { x: 260, y: 150 });
    await expect.poll(() => box('a'), POLL).toEqual([260, 150, 240, 300]);
    // Only the selected note changed size.
    expect(await box('b')).toEqual([700, 200, 200, 200]);
  });
});
