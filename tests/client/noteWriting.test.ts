/**
 * Writing notes in a sheet (the phone layout, issue #15), no browser: while
 * the sheet is on, a new note is only a request until Save, which writes it
 * whole in one transaction and one undo step; Cancel leaves nothing; the
 * note lands where the person tapped (beside what is there) or in the frame
 * being looked at; the anonymous-notes gate wins wherever it applies, even
 * if it came on while the person wrote. Also what the list of notes reads,
 * and which notes this browser wrote.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ANONYMOUS_NOTES_SETTING,
  LOCAL_USER_ORIGIN,
  NOTE_SIZE,
  getObjectsMap,
  getSettingsMap,
  insertObject,
  rectContainsPoint,
  rectsIntersect,
  type Role,
} from '@clapboard/shared';
import { BoardEditor } from '../../client/src/editor/BoardEditor.ts';
import { landingInView, noteLanding } from '../../client/src/editor/NoteWriting.ts';
import { OwnWriters } from '../../client/src/model/OwnWriters.ts';
import { buildNoteList } from '../../client/src/panels/phone/noteList.ts';
import { editObjectAt } from '../../client/src/canvas/tools/editObjectAt.ts';
import { IDLE } from '../../client/src/canvas/tools/gesture.ts';
import type { ToolContext } from '../../client/src/canvas/tools/ToolMachine.ts';
import { useAnimationFrames } from './support/frames.ts';

useAnimationFrames();

const AREA = { x: 0, y: 0, width: 1000, height: 800 };

/** A frame "Housing" with the facilitator's note in it at 100,100, and one note outside at 2000,0. */
function board(role: Role = 'participant') {
  const doc = new Y.Doc();
  const controlDoc = new Y.Doc();
  doc.transact(() => {
    insertObject(doc, { id: 'housing', type: 'frame', ...AREA, z: 0, frameId: null, text: 'Housing' });
    insertObject(doc, { id: 'theirs', type: 'note', x: 100, y: 100, width: NOTE_SIZE, height: NOTE_SIZE, z: 1, frameId: 'housing', color: 'yellow', text: 'Housing first' });
    insertObject(doc, { id: 'loose', type: 'note', x: 2000, y: 0, width: NOTE_SIZE, height: NOTE_SIZE, z: 2, frameId: null, color: 'blue', text: 'Buses' });
  }, LOCAL_USER_ORIGIN);
  const editor = new BoardEditor(doc, role, controlDoc);
  editor.store.flush();
  editor.viewport.setSize(390, 700);
  editor.viewport.set({ x: 0, y: 0, zoom: 1 });
  editor.writing.enabled.set(true);
  const notes = () => Object.entries(getObjectsMap(doc).toJSON() as Record<string, { type: string; text: string; x: number; y: number; frameId: string | null }>).filter(([, o]) => o.type === 'note');
  let transactions = 0;
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL_USER_ORIGIN) transactions++;
  });
  return { doc, controlDoc, editor, notes, transactions: () => transactions };
}

describe('the writing sheet', () => {
  it('opens for a new note with nothing written; Save writes the note and its words in one transaction, one undo step', () => {
    const { editor, notes, transactions } = board();
    expect(editor.createAt('note', { x: 200, y: 200 })).toBeNull();
    expect(editor.writing.request.get()).toMatchObject({ kind: 'new', at: { x: 200, y: 200 }, frameId: 'housing' });
    expect(notes()).toHaveLength(2);
    const before = transactions();

    const id = editor.saveWriting('Clinic hours in the evening')!;
    expect(transactions() - before).toBe(1);
    expect(editor.writing.request.get()).toBeNull();
    const written = editor.store.get(id)!;
    expect(written).toMatchObject({ type: 'note', text: 'Clinic hours in the evening', frameId: 'housing' });
    // Beside the facilitator's note, not over it; theirs is untouched.
    expect(rectsIntersect(written as never, editor.store.get('theirs') as never)).toBe(false);
    expect(editor.store.get('theirs')).toMatchObject({ text: 'Housing first', x: 100, y: 100 });
    expect(editor.selection.current).toEqual([id]);

    editor.undo();
    editor.store.flush();
    expect(editor.store.get(id)).toBeUndefined();
    expect(notes()).toHaveLength(2);
  });

  it('Cancel, or Save with no words, leaves nothing', () => {
    const { editor, notes, transactions } = board();
    const before = transactions();
    editor.createAt('note', { x: 600, y: 600 });
    editor.writing.close();
    editor.createAt('note', { x: 600, y: 600 });
    expect(editor.saveWriting('   ')).toBeNull();
    expect(transactions()).toBe(before);
    expect(notes()).toHaveLength(2);
  });

  it('opens an object’s words for changing, and Save replaces them in one step', () => {
    const { editor, transactions } = board();
    editor.startEditing('theirs');
    expect(editor.editing.get()).toBeNull();
    expect(editor.writing.request.get()).toMatchObject({ kind: 'edit', id: 'theirs' });
    const before = transactions();
    expect(editor.saveWriting('Housing first, then work')).toBe('theirs');
    expect(transactions() - before).toBe(1);
    expect(editor.store.get('theirs')).toMatchObject({ text: 'Housing first, then work' });
  });

  it('a double-tap on empty board (or inside a frame, off its title) writes a new note there; on a note it opens that note', () => {
    const { editor } = board();
    const context: ToolContext = { editor, canvas: { gesture: IDLE, setGesture: () => {}, lift: () => {} } };
    editObjectAt(context, { screen: { x: 0, y: 0 }, board: { x: 700, y: 600 }, additive: false });
    expect(editor.writing.request.get()).toMatchObject({ kind: 'new', at: { x: 700, y: 600 }, frameId: 'housing' });
    editObjectAt(context, { screen: { x: 0, y: 0 }, board: { x: 150, y: 150 }, additive: false });
    expect(editor.writing.request.get()).toMatchObject({ kind: 'edit', id: 'theirs' });
    // Without the sheet (a desktop), a double-click on empty board puts a note there, open for typing.
    editor.writing.close();
    editor.writing.enabled.set(false);
    editObjectAt(context, { screen: { x: 0, y: 0 }, board: { x: 700, y: 600 }, additive: false });
    expect(editor.writing.request.get()).toBeNull();
    const added = editor.editing.get();
    expect(added).not.toBeNull();
    expect(editor.store.get(added!)).toMatchObject({ type: 'note', frameId: 'housing' });
  });

  it('is not offered to observers', () => {
    const { editor } = board('observer');
    expect(editor.createAt('note', { x: 200, y: 200 })).toBeNull();
    editor.writeNoteInView();
    editor.startEditing('theirs');
    expect(editor.writing.request.get()).toBeNull();
  });

  it('gives way to anonymous notes: the gate opens instead, and words written before the mode came on go with it', () => {
    const { editor, controlDoc, notes } = board();
    const anonymous = (on: boolean) =>
      controlDoc.transact(() => (on ? getSettingsMap(controlDoc).set(ANONYMOUS_NOTES_SETTING, true) : getSettingsMap(controlDoc).delete(ANONYMOUS_NOTES_SETTING)));

    anonymous(true);
    editor.writeNoteInView();
    expect(editor.writing.request.get()).toBeNull();
    expect(editor.anonymousNotes.draft.get()).toMatchObject({ frameId: 'housing' });
    editor.anonymousNotes.cancel();
    expect(editor.createAt('note', { x: 600, y: 600 })).toBeNull();
    expect(editor.writing.request.get()).toBeNull();
    expect(editor.anonymousNotes.draft.get()).not.toBeNull();
    editor.anonymousNotes.cancel();

    // The sheet was open when the facilitator switched the mode on.
    anonymous(false);
    editor.writeNoteInView();
    expect(editor.writing.request.get()).not.toBeNull();
    anonymous(true);
    expect(editor.saveWriting('My worry')).toBeNull();
    expect(editor.anonymousNotes.draft.get()).toMatchObject({ text: 'My worry' });
    expect(notes()).toHaveLength(2);
  });
});

describe('where a note without a tap goes', () => {
  it('into the frame under the middle of the view, else the frame filling most of it, else the middle', () => {
    const { editor } = board();
    expect(landingInView(editor.store, { x: 0, y: 0, width: 390, height: 700 })).toEqual({ at: { x: 195, y: 350 }, frameId: 'housing' });
    // The middle is past the frame's right edge, but the frame fills most of the view.
    const view = { x: 700, y: 0, width: 400, height: 700 };
    const landing = landingInView(editor.store, view);
    expect(landing.frameId).toBe('housing');
    expect(rectContainsPoint(AREA, landing.at)).toBe(true);
    // Mostly empty board: the middle, in no frame.
    expect(landingInView(editor.store, { x: 900, y: 0, width: 1000, height: 1000 })).toEqual({ at: { x: 1400, y: 500 }, frameId: null });
  });

  it('steps aside from what is there, and stays in its frame even when the spot beside is outside it', () => {
    const { editor } = board();
    const beside = noteLanding(editor.store, { at: { x: 200, y: 200 }, frameId: 'housing' });
    expect(beside.frameId).toBe('housing');
    expect(rectsIntersect(beside.rect, editor.store.get('theirs') as never)).toBe(false);
    // At the frame's very edge the nearest free spot is outside it: it takes a free place inside instead.
    const edge = noteLanding(editor.store, { at: { x: 990, y: 790 }, frameId: 'housing' });
    expect(edge.frameId).toBe('housing');
    expect(rectContainsPoint(AREA, { x: edge.rect.x + edge.rect.width / 2, y: edge.rect.y + edge.rect.height / 2 })).toBe(true);
    // With no frame asked for, the frame is wherever it lands.
    expect(noteLanding(editor.store, { at: { x: 3000, y: 0 }, frameId: null }).frameId).toBeNull();
  });
});

describe('the list of notes and my notes', () => {
  it('reads area by area in reading order, then the notes in none; "my notes" keeps only this browser’s', () => {
    const { doc, editor } = board();
    doc.transact(() => {
      insertObject(doc, { id: 'health', type: 'frame', x: 0, y: -1000, width: 600, height: 600, z: -1, frameId: null, text: 'Health' });
      insertObject(doc, { id: 'empty', type: 'frame', x: 0, y: 2000, width: 600, height: 600, z: -1, frameId: null, text: '' });
      insertObject(doc, { id: 'right', type: 'note', x: 400, y: 100, width: NOTE_SIZE, height: NOTE_SIZE, z: 3, frameId: 'housing', color: 'red', text: 'b' });
      insertObject(doc, { id: 'below', type: 'note', x: 50, y: 400, width: NOTE_SIZE, height: NOTE_SIZE, z: 4, frameId: 'housing', color: 'red', text: 'c' });
    }, LOCAL_USER_ORIGIN);
    editor.store.flush();
    expect(buildNoteList(editor.store).map((group) => [group.id, group.ids])).toEqual([
      ['health', []],
      ['housing', ['theirs', 'right', 'below']],
      ['empty', []],
      ['', ['loose']],
    ]);

    // Someone else's document writes one more; this browser wrote the rest.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.transact(() => {
      insertObject(other, { id: 'foreign', type: 'note', x: 3000, y: 0, width: NOTE_SIZE, height: NOTE_SIZE, z: 9, frameId: null, color: 'green', text: 'theirs' });
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    editor.store.flush();
    const own = new OwnWriters(doc, 'board', 'participant');
    expect(own.wrote(editor.store.getMap('foreign'))).toBe(false);
    expect(own.wrote(editor.store.getMap('loose'))).toBe(true);
    const mine = buildNoteList(editor.store, (id) => id !== 'foreign' && own.wrote(editor.store.getMap(id)));
    expect(mine.map((group) => group.id)).toEqual(['housing', '']);
    expect(buildNoteList(editor.store, (id) => own.wrote(editor.store.getMap(id))).at(-1)!.ids).toEqual(['loose']);
  });
});
