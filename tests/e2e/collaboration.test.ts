/**
 * Two people (two browser contexts) on one board see each other's work:
 * new notes, text edits, moves and named cursors; and undo only ever takes
 * back one's own change.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  awarenessClientId,
  backToSelect,
  canvasBox,
  createNoteWithToolbar,
  dragObject,
  pageObject,
  pageNotes,
  setViewport,
  typeIntoNote,
} from './support/board.ts';
import { useBrowserSuite } from './support/suite.ts';
import { seedHeading } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;

describe('two people on one board', () => {
  const suite = useBrowserSuite();

  async function twoPeople(): Promise<{ alice: Page; bob: Page }> {
    const board = await suite.server.createBoard('Collaboration');
    await seedHeading(suite.server.url, board.links.facilitator, 'Collaboration');
    const alice = await suite.openAs('Alice', board.links.participant);
    const bob = await suite.openAs('Bob', board.links.participant);
    // Same camera for both, so board points map to the same screen points.
    for (const page of [alice, bob]) await setViewport(page, { x: 0, y: 0, zoom: 1 });
    return { alice, bob };
  }

  it('each sees the other’s new notes, text edits, moves and named cursors', async () => {
    const { alice, bob } = await twoPeople();

    // New notes, one each, centred where they clicked.
    const aliceNote = await createNoteWithToolbar(alice, { x: 300, y: 300 });
    const bobNote = await createNoteWithToolbar(bob, { x: 900, y: 300 });
    await expect.poll(async () => Object.keys(await pageNotes(bob)).sort(), POLL).toEqual([aliceNote, bobNote].sort());
    await expect.poll(async () => Object.keys(await pageNotes(alice)).sort(), POLL).toEqual([aliceNote, bobNote].sort());
    const placed = await pageObject(bob, aliceNote);
    expect(placed!.x! + placed!.width! / 2).toBeCloseTo(300, -2);
    expect(placed!.y! + placed!.height! / 2).toBeCloseTo(300, -2);

    // Text edits through the inline editor.
    await backToSelect(alice);
    await backToSelect(bob);
    await typeIntoNote(alice, aliceNote, 'Alice was here');
    await typeIntoNote(bob, bobNote, 'Bob too');
    await expect.poll(async () => (await pageObject(bob, aliceNote))?.text, POLL).toContain('Alice was here');
    await expect.poll(async () => (await pageObject(alice, bobNote))?.text, POLL).toContain('Bob too');
    await backToSelect(alice);
    await backToSelect(bob);

    // Moves with real mouse drags.
    const aliceBefore = (await pageObject(alice, aliceNote))!;
    const bobBefore = (await pageObject(bob, bobNote))!;
    await dragObject(alice, aliceNote, { x: 200, y: 250 });
    await dragObject(bob, bobNote, { x: -150, y: 300 });
    await expect
      .poll(async () => {
        const seen = await pageObject(bob, aliceNote);
        return [Math.round(seen!.x! - aliceBefore.x!), Math.round(seen!.y! - aliceBefore.y!)];
      }, POLL)
      .toEqual([200, 250]);
    await expect
      .poll(async () => {
        const seen = await pageObject(alice, bobNote);
        return [Math.round(seen!.x! - bobBefore.x!), Math.round(seen!.y! - bobBefore.y!)];
      }, POLL)
      .toEqual([-150, 300]);
    // The drag moved the note, not the text.
    expect((await pageObject(alice, aliceNote))!.text).toContain('Alice was here');

    // Remote cursors, labelled with the other person's name.
    const aliceId = await awarenessClientId(alice);
    const bobId = await awarenessClientId(bob);
    const box = await canvasBox(alice);
    await alice.mouse.move(box.x + 700, box.y + 600, { steps: 5 });
    await bob.mouse.move(box.x + 1100, box.y + 200, { steps: 5 });
    const aliceCursorAtBob = bob.locator(`[data-testid="remote-cursor"][data-client-id="${aliceId}"]`);
    const bobCursorAtAlice = alice.locator(`[data-testid="remote-cursor"][data-client-id="${bobId}"]`);
    await aliceCursorAtBob.waitFor({ state: 'visible', timeout: POLL.timeout });
    await bobCursorAtAlice.waitFor({ state: 'visible', timeout: POLL.timeout });
    await expect.poll(() => aliceCursorAtBob.textContent(), POLL).toContain('Alice');
    await expect.poll(() => bobCursorAtAlice.textContent(), POLL).toContain('Bob');
    // The cursor sits where Alice's pointer is (same camera on both sides).
    await expect
      .poll(async () => {
        const cursor = await aliceCursorAtBob.boundingBox();
        return cursor ? Math.hypot(cursor.x - (box.x + 700), cursor.y - (box.y + 600)) < 40 : false;
      }, POLL)
      .toBe(true);
    // Nobody sees their own cursor as a remote one.
    expect(await alice.locator(`[data-testid="remote-cursor"][data-client-id="${aliceId}"]`).count()).toBe(0);
    // And the presence list names both.
    await expect.poll(() => bob.getByTestId('presence-list').textContent(), POLL).toContain('Alice');
    await expect.poll(() => alice.getByTestId('presence-list').textContent(), POLL).toContain('Bob');
  });

  it('undo takes back only one’s own change, in both contexts', async () => {
    const { alice, bob } = await twoPeople();

    const aliceNote = await createNoteWithToolbar(alice, { x: 300, y: 300 });
    // Bob's note is created after Alice's, so a global undo would remove his.
    await expect.poll(async () => Object.keys(await pageNotes(bob)), POLL).toContain(aliceNote);
    const bobNote = await createNoteWithToolbar(bob, { x: 900, y: 300 });
    for (const page of [alice, bob]) {
      await expect.poll(async () => Object.keys(await pageNotes(page)).sort(), POLL).toEqual([aliceNote, bobNote].sort());
    }

    await backToSelect(alice);
    await alice.getByTestId('undo').click();
    for (const page of [alice, bob]) {
      await expect.poll(async () => Object.keys(await pageNotes(page)), POLL).toEqual([bobNote]);
    }

    // Redo brings Alice's note back for everyone; Bob's is untouched throughout.
    await alice.getByTestId('redo').click();
    for (const page of [alice, bob]) {
      await expect.poll(async () => Object.keys(await pageNotes(page)).sort(), POLL).toEqual([aliceNote, bobNote].sort());
    }

    // Bob undoing (keyboard shortcut this time) removes his note, not Alice's.
    await backToSelect(bob);
    await bob.getByTestId('board-canvas').focus();
    await bob.keyboard.press('Control+z');
    for (const page of [alice, bob]) {
      await expect.poll(async () => Object.keys(await pageNotes(page)), POLL).toEqual([aliceNote]);
    }
  });

  it('the first note on an empty board does not move anyone’s camera', async () => {
    // Everyone opens an empty board and picks a view; then the first note arrives.
    const board = await suite.server.createBoard('Empty');
    const alice = await suite.openAs('Alice', board.links.participant);
    const bob = await suite.openAs('Bob', board.links.participant);
    const view = { x: -100, y: -50, zoom: 1 };
    for (const page of [alice, bob]) await setViewport(page, view);

    const note = await createNoteWithToolbar(alice, { x: 300, y: 300 });
    await expect.poll(async () => Object.keys(await pageNotes(bob)), POLL).toEqual([note]);
    // Let both pages draw the change before reading the camera back.
    for (const page of [alice, bob]) {
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }
    expect(await alice.evaluate(() => window.__clapboard!.getViewport())).toEqual(view);
    expect(await bob.evaluate(() => window.__clapboard!.getViewport())).toEqual(view);
  });
});
