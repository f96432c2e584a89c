/**
 * "Participants may delete only the notes they added" (issue #15): a board
 * setting every page keeps. A participant's delete leaves others' notes and
 * says so; facilitators, and everyone once the setting is off, delete any.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DELETE_OWN_ONLY_SETTING, NOTE_SIZE, getObjectsMap, getSettingsMap, insertObject, type Role } from '@clapboard/shared';
import { BoardEditor } from '../../client/src/editor/BoardEditor.ts';
import { useAnimationFrames } from './support/frames.ts';

useAnimationFrames();

function board(role: Role, ownOnly: boolean) {
  // "theirs" is written by another person's document, as it arrives over the network.
  const other = new Y.Doc();
  other.transact(() => insertObject(other, { id: 'theirs', type: 'note', x: 0, y: 0, width: NOTE_SIZE, height: NOTE_SIZE, z: 0, frameId: null, color: 'yellow', text: 'theirs' }));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), 'remote');
  const controlDoc = new Y.Doc();
  getSettingsMap(controlDoc).set(DELETE_OWN_ONLY_SETTING, ownOnly);
  const editor = new BoardEditor(doc, role, controlDoc);
  editor.store.flush();
  const mine = editor.createAt('note', { x: 1000, y: 1000 })!;
  editor.store.flush();
  const ids = () => Object.keys(getObjectsMap(doc).toJSON()).sort();
  return { editor, mine, ids };
}

describe('participants may delete only their own notes', () => {
  it('keeps someone else’s note when a participant deletes both, and says why', () => {
    const { editor, mine, ids } = board('participant', true);
    expect(editor.mayDelete(mine)).toBe(true);
    expect(editor.mayDelete('theirs')).toBe(false);
    editor.selection.replace([mine, 'theirs']);
    editor.deleteSelection();
    expect(ids()).toEqual(['theirs']);
    expect(editor.notice.get()?.kind).toBe('deleteOwnOnly');
  });

  it('holds an interpreter to it too: they have a participant’s rights', () => {
    const { editor, mine } = board('interpreter', true);
    expect(editor.mayDelete(mine)).toBe(true);
    expect(editor.mayDelete('theirs')).toBe(false);
  });

  it('lets a facilitator delete anyone’s note', () => {
    const { editor, mine, ids } = board('facilitator', true);
    expect(editor.mayDelete('theirs')).toBe(true);
    editor.deleteObjects([mine, 'theirs']);
    expect(ids()).toEqual([]);
  });

  it('lets participants delete any note while the setting is off', () => {
    const { editor, mine, ids } = board('participant', false);
    editor.deleteObjects([mine, 'theirs']);
    expect(ids()).toEqual([]);
    expect(editor.notice.get()).toBeNull();
  });

  it('follows the setting as a facilitator turns it on', () => {
    const { editor } = board('participant', false);
    expect(editor.mayDelete('theirs')).toBe(true);
    getSettingsMap(editor.controlDoc).set(DELETE_OWN_ONLY_SETTING, true);
    expect(editor.mayDelete('theirs')).toBe(false);
    expect(editor.wrote('theirs')).toBe(false);
  });
});
