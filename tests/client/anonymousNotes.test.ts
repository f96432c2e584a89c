/**
 * Anonymous notes in the editor, no browser: where a facilitator switched
 * the board or a frame to anonymous mode, every path that adds a note (the
 * note tool, N, the outline's "Add note") writes nothing to this person's
 * Y.Doc and opens the text box instead; elsewhere notes are created as
 * before. Only facilitators switch the mode. Answer cards never open an editor.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, getAnswersMap, getObjectsMap, insertObject, readAnonymousNotesMode, type Role } from '@clapboard/shared';
import { BoardEditor } from '../../client/src/editor/BoardEditor.ts';
import { IDLE, type Gesture } from '../../client/src/canvas/tools/gesture.ts';
import { TOOLS } from '../../client/src/canvas/tools/registry.ts';
import { ToolMachine, type ToolCanvas, type ToolContext } from '../../client/src/canvas/tools/ToolMachine.ts';
import { useAnimationFrames } from './support/frames.ts';

useAnimationFrames();

const FRAME = { x: 1000, y: 0, width: 800, height: 600 };

function board(role: Role) {
  const doc = new Y.Doc();
  const controlDoc = new Y.Doc();
  doc.transact(() => {
    insertObject(doc, { id: 'frame', type: 'frame', ...FRAME, z: 0, frameId: null, text: 'Worries' });
    insertObject(doc, { id: 'card', type: 'answer', x: 1100, y: 100, width: 200, height: 200, z: 1, frameId: 'frame', color: 'yellow', answerId: 'card' });
    const words = new Y.Map<unknown>();
    getAnswersMap(doc).set('card', words);
    words.set('text', 'server-written');
    words.set('anonymousNote', true);
  }, LOCAL_USER_ORIGIN);
  const editor = new BoardEditor(doc, role, controlDoc);
  editor.store.flush();
  editor.viewport.setSize(1000, 800);
  editor.viewport.set({ x: 1000, y: 0, zoom: 1 });
  const gesture = { current: IDLE as Gesture };
  const canvas: ToolCanvas = { get gesture() { return gesture.current; }, setGesture: (g) => void (gesture.current = g), lift: () => {} };
  const context: ToolContext = { editor, canvas };
  /** Everything this person's document has written so far. */
  const written = () => Y.encodeStateVector(doc).toString();
  return { doc, controlDoc, editor, context, written };
}

describe('anonymous notes in the editor', () => {
  it('writes nothing to the document where the mode applies, and opens the text box instead', () => {
    const facilitator = board('facilitator');
    facilitator.editor.anonymousNotes.setFrame('frame', true);
    expect(readAnonymousNotesMode(facilitator.controlDoc).frames).toEqual(new Set(['frame']));

    // A participant's editor reading the same control document (as sync would give it).
    const participant = board('participant');
    Y.applyUpdate(participant.controlDoc, Y.encodeStateAsUpdate(facilitator.controlDoc));
    const { editor, context, written } = participant;
    const before = written();
    const objectsBefore = getObjectsMap(participant.doc).size;

    // The note tool, pressed in the frame.
    editor.tool.set('note');
    const machine = new ToolMachine(TOOLS.note.idle(context));
    machine.pointerDown({ screen: { x: 700, y: 500 }, board: { x: 1700, y: 500 }, additive: false });
    expect(editor.anonymousNotes.draft.get()).toMatchObject({ at: { x: 1700, y: 500 }, frameId: 'frame' });
    expect(editor.tool.get()).toBe('select');
    // N, at the centre of a view that lies in the frame.
    editor.anonymousNotes.cancel();
    expect(editor.createAt('note', editor.viewCenter())).toBeNull();
    expect(editor.anonymousNotes.draft.get()).toMatchObject({ frameId: 'frame' });
    // The outline's "Add note" to that frame.
    editor.anonymousNotes.cancel();
    expect(editor.addNoteToFrame('frame')).toBeNull();
    expect(editor.anonymousNotes.draft.get()).toMatchObject({ frameId: 'frame' });

    expect(written()).toBe(before);
    expect(getObjectsMap(participant.doc).size).toBe(objectsBefore);
    expect(editor.selection.current).toEqual([]);

    // Outside the frame, and for shapes and text inside it, everything is as before.
    const note = editor.createAt('note', { x: 100, y: 100 });
    expect(note).not.toBeNull();
    expect(editor.store.get(note!)?.type).toBe('note');
    expect(editor.createAt('text', { x: 1700, y: 500 })).not.toBeNull();
    expect(editor.addNoteToFrame(null)).not.toBeNull();
  });

  it('makes every note anonymous on a board switched as a whole, and only a facilitator switches it', () => {
    const participant = board('participant');
    participant.editor.anonymousNotes.setBoard(true);
    participant.editor.anonymousNotes.setFrame('frame', true);
    expect(participant.controlDoc.getMap('settings').size).toBe(0);

    const facilitator = board('facilitator');
    facilitator.editor.anonymousNotes.setBoard(true);
    expect(facilitator.editor.anonymousNotes.model.mode.get().board).toBe(true);
    const before = facilitator.written();
    expect(facilitator.editor.createAt('note', { x: -4000, y: 9000 })).toBeNull();
    expect(facilitator.editor.addNoteToFrame(null)).toBeNull();
    expect(facilitator.editor.anonymousNotes.draft.get()).toMatchObject({ frameId: null });
    expect(facilitator.written()).toBe(before);

    facilitator.editor.anonymousNotes.setBoard(false);
    expect(facilitator.controlDoc.getMap('settings').has('anonymousNotes')).toBe(false);
    expect(facilitator.editor.createAt('note', { x: -4000, y: 9000 })).not.toBeNull();
  });

  it('never opens an anonymous card’s words for editing, for anyone', () => {
    for (const role of ['facilitator', 'participant'] as const) {
      const { editor, context } = board(role);
      const machine = new ToolMachine(TOOLS.select.idle(context));
      machine.doubleClick({ screen: { x: 200, y: 200 }, board: { x: 1200, y: 200 }, additive: false });
      expect(editor.editing.get()).toBeNull();
      editor.startEditing('card');
      expect(editor.editing.get()).toBeNull();
    }
  });
});
