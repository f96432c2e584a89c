/**
 * Anonymous sticky notes in the browser (docs/anonymity.md, "Anonymous
 * notes"): a facilitator switches a frame to anonymous; a participant on a
 * phone adds a note there, which their page sends to the server instead of
 * writing it; the server's card appears for the facilitator; nobody can open
 * it for editing on the board; its author edits it by receipt.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertObject, readAnonymousNotesMode } from '@clapboard/shared';
import { afterFrames, boardToScreen, canvasBox, getViewport, objectCentreOnScreen, pageObjects, setViewport } from './support/board.ts';
import { screenshot } from './support/browser.ts';
import { seededBoard } from './support/editing.ts';
import { axeViolations } from './support/axe.ts';
import { useBrowserSuite } from './support/suite.ts';
import { connectNodeClient } from './support/yclient.ts';

const POLL = { timeout: 10_000, interval: 50 } as const;
const FRAME = { x: 0, y: 0, width: 800, height: 600 };

/** The words of every server-written note or answer in the page's content document. */
async function noteTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.values(window.__clapboard!.contentDoc.getMap('answers').toJSON() as Record<string, { text: string }>).map((entry) => entry.text).sort());
}

async function answerCards(page: Page): Promise<Array<{ id: string; frameId: string | null; answerId: string }>> {
  const objects = await pageObjects(page);
  return Object.entries(objects)
    .filter(([, object]) => object.type === 'answer')
    .map(([id, object]) => ({ id, frameId: object.frameId ?? null, answerId: String(object.answerId) }));
}

describe('anonymous notes', () => {
  const suite = useBrowserSuite();

  it('a facilitator switches a frame to anonymous; a participant’s note there is written by the server; its author edits it by receipt', async () => {
    let frameId = '';
    const board = await seededBoard(suite.server, 'Anonymous notes', (doc) => {
      frameId = insertObject(doc, { type: 'frame', ...FRAME, z: 0, frameId: null, text: 'What worries you?' });
    });
    const facilitator = await suite.openAs('Fatima', board.links.facilitator);
    await facilitator.getByTestId('anonymous-notes-controls').waitFor();
    const toggle = facilitator.locator(`[data-testid="anonymous-frame-toggle"][data-frame-id="${frameId}"]`);
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    const control = await connectNodeClient(suite.server.url, board.links.observer, { doc: 'control' });
    await expect.poll(() => readAnonymousNotesMode(control.doc).frames.has(frameId), POLL).toBe(true);
    control.close();
    const controls = await axeViolations(facilitator, '[data-testid="anonymous-notes-controls"]');
    expect(controls, JSON.stringify(controls, null, 2)).toEqual([]);

    const amal = await suite.openAs('Amal', board.links.participant, 'phone');
    await expect.poll(() => amal.getByTestId('anonymous-notes-notice').textContent(), POLL).toBe('New notes in these areas are anonymous: What worries you?.');
    await setViewport(amal, { x: -20, y: -20, zoom: 0.4 });
    const viewBefore = await getViewport(amal);
    const clientId = await amal.evaluate(() => window.__clapboard!.contentDoc.clientID);
    const objectsBefore = Object.keys(await pageObjects(amal)).length;

    // A double-tap inside the frame (how a phone adds a note at a spot): a text box, and nothing written to Amal's document.
    const tap = await boardToScreen(amal, { x: 600, y: 450 });
    const box = await canvasBox(amal);
    expect(tap.y).toBeLessThan(box.y + box.height);
    await amal.touchscreen.tap(tap.x, tap.y);
    await amal.touchscreen.tap(tap.x, tap.y);
    const noteBox = amal.getByTestId('anonymous-note-box');
    await noteBox.waitFor();
    expect(Object.keys(await pageObjects(amal))).toHaveLength(objectsBefore);
    const boxBounds = (await noteBox.boundingBox())!;
    expect(boxBounds.x).toBeGreaterThanOrEqual(0);
    expect(boxBounds.x + boxBounds.width).toBeLessThanOrEqual(390);
    expect(boxBounds.y + boxBounds.height).toBeLessThanOrEqual(844);

    const words = 'I do not understand the letters I get';
    // Presence but the camera, which may still settle (the first fit) while she types.
    const presenceNow = () => amal.evaluate(() => JSON.stringify({ ...window.__clapboard!.awareness.getLocalState(), viewport: undefined }));
    const presenceBefore = await presenceNow();
    await noteBox.getByTestId('anonymous-note-text').pressSequentially(words);
    // Typing sets nothing in presence: no "typing" field, no words.
    expect(await presenceNow()).toBe(presenceBefore);
    expect(await presenceNow()).not.toContain(words.slice(0, 10));
    const composing = await axeViolations(amal, '[data-testid="anonymous-note-box"]');
    expect(composing, JSON.stringify(composing, null, 2)).toEqual([]);
    await screenshot(amal, 'anonymous-note-phone-compose');
    await noteBox.getByTestId('anonymous-note-send').tap();
    await expect.poll(() => noteBox.getByTestId('anonymous-note-status').textContent(), POLL).toBe('Saved: your note is on the board.');

    // It appears for the facilitator, as a server-written card in the frame.
    await expect.poll(() => noteTexts(facilitator), POLL).toEqual([words]);
    const [card] = await answerCards(facilitator);
    expect(card).toMatchObject({ frameId });
    await expect.poll(() => noteTexts(amal), POLL).toEqual([words]);

    // Amal's page did not select it, move its camera to it, or put anything about it in presence.
    const state = await amal.evaluate(() => window.__clapboard!.awareness.getLocalState() as { selection: string[]; editing: string | null });
    expect(state.selection).toEqual([]);
    expect(state.editing).toBeNull();
    expect(JSON.stringify(state)).not.toContain(words);
    expect(await getViewport(amal)).toEqual(viewBefore);
    // The receipt is kept on her device only.
    const stored = await amal.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('clapboard.anonymous-note.')));
    expect(stored).toEqual([`clapboard.anonymous-note.${board.id}.${card!.answerId}`]);
    expect(await facilitator.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('clapboard.anonymous-note.')))).toEqual([]);

    // Every item holding her words, in a fresh copy of the board, is the server's, never her document's.
    const reader = await connectNodeClient(suite.server.url, board.links.observer);
    const serverClient = suite.server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc.clientID;
    const holding = Y.decodeUpdate(Y.encodeStateAsUpdate(reader.doc)).structs.filter(
      (struct): struct is Y.Item => struct instanceof Y.Item && JSON.stringify((struct.content as unknown as { arr?: unknown[] }).arr ?? []).includes(words),
    );
    reader.close();
    expect(holding.length).toBeGreaterThanOrEqual(1);
    expect(holding.map((item) => item.id.client)).toEqual(holding.map(() => serverClient));
    expect(holding.some((item) => item.id.client === clientId)).toBe(false);

    // Double-clicking the card opens no editor, for the facilitator or for its author.
    await setViewport(facilitator, { x: -50, y: -50, zoom: 1 });
    const centre = await objectCentreOnScreen(facilitator, card!.id);
    await facilitator.mouse.dblclick(centre.x, centre.y);
    await afterFrames(facilitator);
    expect(await facilitator.getByTestId('note-editor').count()).toBe(0);
    await noteBox.getByTestId('anonymous-note-close').tap();
    await expect.poll(() => noteBox.count(), POLL).toBe(0);
    const mine = await objectCentreOnScreen(amal, card!.id);
    await amal.mouse.dblclick(mine.x, mine.y);
    await afterFrames(amal);
    expect(await amal.getByTestId('note-editor').count()).toBe(0);

    // Amal edits it by receipt, from her list; the server rewrites the words everyone sees.
    const row = amal.getByTestId('my-anonymous-note');
    expect(await row.getByTestId('my-anonymous-note-sent').textContent()).toBe(words);
    await row.getByTestId('my-anonymous-note-edit').tap();
    const edited = 'I do not understand the letters from the council';
    await row.getByTestId('my-anonymous-note-text').fill(edited);
    await row.getByTestId('my-anonymous-note-save').tap();
    await expect.poll(() => row.getByTestId('my-anonymous-note-status').textContent(), POLL).toBe('Saved: your note is changed.');
    await expect.poll(() => noteTexts(facilitator), POLL).toEqual([edited]);
    await screenshot(facilitator, 'anonymous-note-facilitator');

    // Outside the frame, notes are ordinary again: written by her own document (from the phone's writing sheet).
    const outside = await boardToScreen(amal, { x: 900, y: 100 });
    await amal.touchscreen.tap(outside.x, outside.y);
    await amal.touchscreen.tap(outside.x, outside.y);
    await amal.getByTestId('note-sheet-text').pressSequentially('Buses at night');
    await amal.getByTestId('note-sheet-save').tap();
    await expect.poll(async () => Object.values(await pageObjects(amal)).filter((object) => object.type === 'note').length, POLL).toBe(1);
    expect(await noteBox.count()).toBe(0);
  });
});
