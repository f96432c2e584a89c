/**
 * The undo toast's promise (issue #15): after a delete, "Undo" takes back
 * exactly that deletion, as one undo step, and the offer is withdrawn once
 * anything else becomes the newest step.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, NOTE_SIZE, getObjectsMap, insertObject } from '@clapboard/shared';
import { BoardEditor } from '../../client/src/editor/BoardEditor.ts';
import { useAnimationFrames } from './support/frames.ts';

useAnimationFrames();

function board() {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const [i, id] of ['a', 'b', 'c'].entries()) {
      insertObject(doc, { id, type: 'note', x: i * 300, y: 0, width: NOTE_SIZE, height: NOTE_SIZE, z: i, frameId: null, color: 'yellow', text: id });
    }
    insertObject(doc, { id: 'box', type: 'shape', shape: 'rectangle', stroke: 'black', fill: null, x: 0, y: 400, width: 100, height: 100, z: 3, frameId: null, text: '' });
  }, 'seed');
  const editor = new BoardEditor(doc, 'participant', new Y.Doc());
  editor.store.flush();
  const ids = () => Object.keys(getObjectsMap(doc).toJSON()).sort();
  return { editor, ids };
}

describe('undoing a deletion from the toast', () => {
  it('describes what was deleted and restores it in one step', () => {
    const { editor, ids } = board();
    editor.createAt('note', { x: 1000, y: 1000 });
    const before = ids();
    editor.selection.replace(['a', 'b']);
    editor.deleteSelection();
    const deletion = editor.lastDeletion.get();
    expect(deletion).toMatchObject({ count: 2, kind: 'note' });
    expect(ids()).not.toContain('a');

    const steps = editor.undoManager.undoStack.length;
    expect(editor.undoDeletion(deletion!)).toBe(true);
    expect(ids()).toEqual(before);
    expect(editor.undoManager.undoStack.length).toBe(steps - 1);
    expect(editor.lastDeletion.get()).toBeNull();
  });

  it('calls a mixed selection objects', () => {
    const { editor } = board();
    editor.selection.replace(['a', 'box']);
    editor.deleteSelection();
    expect(editor.lastDeletion.get()).toMatchObject({ count: 2, kind: 'object' });
  });

  it('is withdrawn once another step is newer, and then undoes nothing', () => {
    const { editor, ids } = board();
    editor.deleteObjects(['c']);
    const deletion = editor.lastDeletion.get()!;
    editor.createAt('note', { x: 1000, y: 1000 });
    expect(editor.lastDeletion.get()).toBeNull();
    const after = ids();
    expect(editor.undoDeletion(deletion)).toBe(false);
    expect(ids()).toEqual(after);
  });

  it('is withdrawn when Ctrl+Z takes the deletion back', () => {
    const { editor, ids } = board();
    editor.deleteObjects(['a']);
    editor.undo();
    expect(ids()).toContain('a');
    expect(editor.lastDeletion.get()).toBeNull();
  });
});
