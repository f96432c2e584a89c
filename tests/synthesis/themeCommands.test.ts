import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, NOTE_SIZE, insertObject, readThemes, type Role } from '@clapboard/shared';
import { BoardEditor } from '../../client/src/editor/BoardEditor.ts';
import { useAnimationFrames } from '../client/support/frames.ts';

useAnimationFrames();

/** Three notes in a row, 300 apart, and one far below. */
function board(role: Role = 'participant') {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const [id, x, y] of [['a', 0, 0], ['b', 300, 0], ['c', 600, 0], ['far', 0, 2000]] as const) {
      insertObject(doc, { id, type: 'note', x, y, width: NOTE_SIZE, height: NOTE_SIZE, z: 1, frameId: null, color: 'yellow', text: `note ${id}` });
    }
  }, LOCAL_USER_ORIGIN);
  const editor = new BoardEditor(doc, role, new Y.Doc());
  editor.store.flush();
  return { doc, editor, members: () => readThemes(doc).map((theme) => theme.noteIds) };
}

describe('theme commands in the editor', () => {
  it('Make theme groups the selected notes; dragging one out and another in changes membership with the move, as one undo step each', () => {
    const { editor, members } = board();
    editor.selection.replace(['a', 'b', 'c']);
    const id = editor.themes.makeThemeFromSelection('Waits');
    expect(id).not.toBeNull();
    expect(members()).toEqual([['a', 'b', 'c']]);

    editor.moveSelection(0, 1500, ['c']);
    expect(members()).toEqual([['a', 'b']]);
    // Into the area where c was: it joins.
    editor.moveSelection(600, -2000, ['far']);
    expect(members()).toEqual([['a', 'b', 'far']]);
    // Moving within the area changes nothing.
    editor.moveSelection(20, 20, ['a']);
    expect(members()).toEqual([['a', 'b', 'far']]);

    // Undo takes back the move and the membership together.
    editor.undo();
    editor.undo();
    expect(members()).toEqual([['a', 'b']]);
    expect(editor.store.get('far')).toMatchObject({ x: 0, y: 2000 });
    editor.undo();
    expect(members()).toEqual([['a', 'b', 'c']]);
    expect(editor.store.get('c')).toMatchObject({ x: 600, y: 0 });
    editor.undo();
    expect(members()).toEqual([]);
    editor.destroy();
  });

  it('a note dropped in another theme’s area moves to that theme', () => {
    const { editor, members } = board();
    editor.selection.replace(['a']);
    editor.themes.makeThemeFromSelection('One');
    editor.selection.replace(['c']);
    editor.themes.makeThemeFromSelection('Two');
    editor.moveSelection(600, 0, ['a']);
    expect(members()).toEqual([[], ['a', 'c']]);
    editor.destroy();
  });

  it('an observer can make no theme, tag nothing and move nothing into one', () => {
    const { editor, doc, members } = board('observer');
    editor.selection.replace(['a', 'b']);
    expect(editor.themes.makeThemeFromSelection('Mine')).toBeNull();
    editor.themes.setTags('a', ['x']);
    expect(members()).toEqual([]);
    expect(doc.getMap('objects').get('a')).toBeInstanceOf(Y.Map);
    expect((doc.getMap('objects').get('a') as Y.Map<unknown>).has('tags')).toBe(false);
    editor.destroy();
  });
});
