/**
 * The commands that act on a selection — delete, duplicate, copy and paste,
 * bring to front and send to back, undo and redo, note colour — driven from
 * the toolbar and the keyboard, checked in the shared document and, where a
 * second person matters, in their browser.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { insertObject } from '@clapboard/shared';
import { boardToScreen, canvas, pageObject, pageObjects, type PlainObject } from './support/board.ts';
import { clickObject, dragOnBoard, positionOf, seedNote, seededBoard, selectedIds, showHome } from './support/editing.ts';
import { useBrowserSuite } from './support/suite.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

/** Objects on the page that were not there in `before`. */
async function added(page: Page, before: Record<string, PlainObject>): Promise<PlainObject[]> {
  return Object.values(await pageObjects(page)).filter((object) => !(object.id as string in before));
}

describe('commands on the selection', () => {
  const suite = useBrowserSuite();

  it('duplicate copies the selected notes and the arrow between them; delete removes a note with its arrows', async () => {
    const board = await seededBoard(suite.server, 'Duplicate', (doc) => {
      seedNote(doc, 'a', { x: 100, y: 100 }, { text: 'First', color: 'blue' });
      seedNote(doc, 'b', { x: 500, y: 100 }, { text: 'Second' });
      insertObject(doc, { id: 'ab', type: 'connector', z: 3, frameId: null, from: { objectId: 'a' }, to: { objectId: 'b' }, stroke: 'black', arrow: true });
    });
    const page = await suite.openAs('Dee', board.links.participant);
    const other = await suite.openAs('Otto', board.links.participant);
    await showHome(page);

    await clickObject(page, 'a');
    await clickObject(page, 'b', { shift: true });
    const before = await pageObjects(page);
    await page.getByTestId('duplicate').click();
    await expect.poll(async () => (await added(page, before)).length, POLL).toBe(3);
    const copies = await added(page, before);
    const noteCopies = copies.filter((object) => object.type === 'note').sort((x, y) => x.x! - y.x!);
    expect(noteCopies.map(({ x, y, text, color }) => ({ x, y, text, color }))).toEqual([
      { x: 124, y: 124, text: 'First', color: 'blue' },
      { x: 524, y: 124, text: 'Second', color: 'yellow' },
    ]);
    // The copied arrow joins the copies, not the originals.
    const arrowCopy = copies.find((object) => object.type === 'connector')!;
    expect({ from: arrowCopy.from, to: arrowCopy.to }).toEqual({
      from: { objectId: noteCopies[0]!.id },
      to: { objectId: noteCopies[1]!.id },
    });
    // The copies are selected, ready to be moved away.
    await expect.poll(() => selectedIds(page), POLL).toEqual(copies.map((object) => object.id as string).sort());
    await expect.poll(async () => Object.keys(await pageObjects(other)).length, POLL).toBe(6);

    // Delete (toolbar) on an original note takes its arrow with it, and nothing else.
    // Its copy now covers its centre, so pick it by the corner only it covers.
    await page.keyboard.press('Escape');
    const originalCorner = await boardToScreen(page, { x: 110, y: 110 });
    await page.mouse.click(originalCorner.x, originalCorner.y);
    await expect.poll(() => selectedIds(page), POLL).toEqual(['a']);
    await page.getByTestId('delete').click();
    const remaining = [...copies.map((object) => object.id as string), 'b'].sort();
    await expect.poll(async () => Object.keys(await pageObjects(other)).sort(), POLL).toEqual(remaining);

    // Delete key on the canvas does the same for the selected copy's arrow.
    await clickObject(page, noteCopies[1]!.id as string);
    await page.keyboard.press('Delete');
    await expect.poll(async () => Object.keys(await pageObjects(other)).sort(), POLL).toEqual(['b', noteCopies[0]!.id as string].sort());
  });

  it('copy and paste with Ctrl+C / Ctrl+V place fresh copies, each paste a step further along', async () => {
    const board = await seededBoard(suite.server, 'Paste', (doc) => {
      seedNote(doc, 'a', { x: 200, y: 200 }, { text: 'Copy me', color: 'green' });
    });
    const page = await suite.openAs('Cody', board.links.participant);
    await showHome(page);

    await clickObject(page, 'a');
    await page.keyboard.press('Control+c');
    const before = await pageObjects(page);
    await page.keyboard.press('Control+v');
    await expect.poll(async () => (await added(page, before)).length, POLL).toBe(1);
    await page.keyboard.press('Control+v');
    await expect.poll(async () => (await added(page, before)).length, POLL).toBe(2);
    const pasted = (await added(page, before)).sort((x, y) => x.x! - y.x!);
    expect(pasted.map(({ x, y, text, color, type }) => ({ x, y, text, color, type }))).toEqual([
      { type: 'note', x: 224, y: 224, text: 'Copy me', color: 'green' },
      { type: 'note', x: 248, y: 248, text: 'Copy me', color: 'green' },
    ]);
    // The last paste is what is selected.
    await expect.poll(() => selectedIds(page), POLL).toEqual([pasted[1]!.id]);
    // Copies are independent: editing one leaves the original alone.
    expect((await pageObject(page, 'a'))?.text).toBe('Copy me');
  });

  it('bring to front and send to back change which overlapping note a click lands on', async () => {
    const board = await seededBoard(suite.server, 'Stacking', (doc) => {
      seedNote(doc, 'low', { x: 100, y: 100 }, { z: 1 });
      seedNote(doc, 'mid', { x: 150, y: 150 }, { z: 2 });
      seedNote(doc, 'top', { x: 200, y: 200 }, { z: 3 });
    });
    const page = await suite.openAs('Zed', board.links.participant);
    await showHome(page);
    const overlap = await boardToScreen(page, { x: 260, y: 260 });
    const clickOverlap = () => page.mouse.click(overlap.x, overlap.y);
    const z = async (id: string) => (await pageObject(page, id))!.z!;

    await clickOverlap();
    await expect.poll(() => selectedIds(page), POLL).toEqual(['top']);

    // Select the bottom note by a corner only it covers, then bring it to the front.
    const lowCorner = await boardToScreen(page, { x: 120, y: 120 });
    await page.mouse.click(lowCorner.x, lowCorner.y);
    await expect.poll(() => selectedIds(page), POLL).toEqual(['low']);
    await page.getByTestId('bring-front').click();
    await expect.poll(async () => (await z('low')) > Math.max(await z('mid'), await z('top')), POLL).toBe(true);
    await clickOverlap();
    await expect.poll(() => selectedIds(page), POLL).toEqual(['low']);

    // Send it back again: the click lands on the note that is now on top.
    await page.getByTestId('send-back').click();
    await expect.poll(async () => (await z('low')) < Math.min(await z('mid'), await z('top')), POLL).toBe(true);
    await clickOverlap();
    await expect.poll(() => selectedIds(page), POLL).toEqual(['top']);
    await page.getByTestId('send-back').click();
    await clickOverlap();
    await expect.poll(() => selectedIds(page), POLL).toEqual(['mid']);
  });

  it('undo and redo from the keyboard take a move back and forth', async () => {
    const board = await seededBoard(suite.server, 'Redo', (doc) => {
      seedNote(doc, 'a', { x: 200, y: 200 });
    });
    const page = await suite.openAs('Uma', board.links.participant);
    const other = await suite.openAs('Otto', board.links.participant);
    await showHome(page);

    await dragOnBoard(page, { x: 300, y: 300 }, { x: 500, y: 350 });
    await expect.poll(() => positionOf(other, 'a'), POLL).toEqual({ x: 400, y: 250 });

    await canvas(page).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => positionOf(other, 'a'), POLL).toEqual({ x: 200, y: 200 });
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => positionOf(other, 'a'), POLL).toEqual({ x: 400, y: 250 });
    await page.keyboard.press('Control+z');
    await expect.poll(() => positionOf(other, 'a'), POLL).toEqual({ x: 200, y: 200 });
    await page.keyboard.press('Control+y');
    await expect.poll(() => positionOf(other, 'a'), POLL).toEqual({ x: 400, y: 250 });
  });

  it('a note’s colour is named in words on the toolbar and in the outline, not only shown', async () => {
    const board = await seededBoard(suite.server, 'Colours', (doc) => {
      seedNote(doc, 'a', { x: 200, y: 200 }, { text: 'Budget', color: 'yellow' });
    });
    const page = await suite.openAs('Cora', board.links.participant);
    const reader = await suite.openAs('Rae', board.links.participant);
    await showHome(page);
    const outlineNote = (p: Page) => p.locator('[data-testid="outline-note"][data-object-id="a"]');

    await expect.poll(() => outlineNote(reader).getAttribute('aria-label'), POLL).toMatch(/^Yellow note\b/);
    await expect.poll(() => outlineNote(reader).textContent(), POLL).toContain('Yellow note');

    // The swatches are buttons named by colour, so choosing one does not depend on seeing it.
    await clickObject(page, 'a');
    await page.getByRole('button', { name: 'Blue', exact: true }).click();
    await expect.poll(async () => (await pageObject(reader, 'a'))?.color, POLL).toBe('blue');
    await expect.poll(() => outlineNote(reader).getAttribute('aria-label'), POLL).toMatch(/^Blue note\b/);
    await expect.poll(() => outlineNote(reader).textContent(), POLL).toContain('Blue note');
    expect(await outlineNote(reader).getByRole('textbox').getAttribute('aria-label')).toContain('Blue note');
  });
});
