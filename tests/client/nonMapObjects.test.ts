/**
 * The board's read model and commands over a document whose `objects` holds
 * values that are not readable objects (see tests/support/junkObjects.ts):
 * each bad entry is skipped, and nothing one entry holds stops the others
 * from being drawn, listed or edited — at load, and when it arrives later.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLIPBOARD_FORMAT, COORDINATE_LIMIT, LOCAL_USER_ORIGIN, NOTE_SIZE, getObjectsMap, insertObject, type NewBoardObject } from '@clapboard/shared';
import { BoardEditor } from '../../client/src/editor/BoardEditor.ts';
import { replaceText } from '../../client/src/editor/commands.ts';
import { BoardStore } from '../../client/src/model/BoardStore.ts';
import { JUNK_IDS, junkObjects } from '../support/junkObjects.ts';
import { useAnimationFrames } from './support/frames.ts';

const REMOTE = { kind: 'connection', connectionId: 1 };

const note = (id: string, x: number): NewBoardObject => ({
  id, type: 'note', x, y: 0, width: NOTE_SIZE, height: NOTE_SIZE, z: 1, frameId: null, color: 'yellow', text: id,
});

function putJunk(doc: Y.Doc): void {
  for (const [id, value] of Object.entries(junkObjects())) getObjectsMap(doc).set(id, value as never);
}

function boardWithJunk(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    insertObject(doc, note('a', 0));
    putJunk(doc);
    insertObject(doc, note('b', 300));
  }, REMOTE);
  return doc;
}

const ids = (store: BoardStore) => store.sorted().map((object) => object.id);

describe('the read model over objects that are not readable maps', () => {
  useAnimationFrames();

  it('loads the valid notes and skips every bad entry', () => {
    const store = new BoardStore(boardWithJunk());
    expect(ids(store)).toEqual(['a', 'b']);
    expect(store.size).toBe(2);
    for (const id of JUNK_IDS) {
      expect(store.get(id), id).toBeUndefined();
      // A map of a type this build does not know is still a map; anything else is not handed out.
      if (id !== 'unknownType') expect(store.getMap(id), id).toBeUndefined();
    }
    expect(store.allBounds()).toEqual({ x: 0, y: 0, width: 300 + NOTE_SIZE, height: NOTE_SIZE });
  });

  it('keeps drawing notes that arrive with, or after, a bad entry', () => {
    const doc = new Y.Doc();
    doc.transact(() => insertObject(doc, note('a', 0)), REMOTE);
    const store = new BoardStore(doc);
    doc.transact(() => {
      putJunk(doc);
      insertObject(doc, note('b', 300));
    }, REMOTE);
    store.flush();
    doc.transact(() => insertObject(doc, note('c', 600)), REMOTE);
    store.flush();
    expect(ids(store)).toEqual(['a', 'b', 'c']);
  });

  it('drops a note that a peer overwrote with a bad value, and keeps the rest', () => {
    const doc = boardWithJunk();
    const store = new BoardStore(doc);
    doc.transact(() => getObjectsMap(doc).set('a', 'not a map' as never), REMOTE);
    store.flush();
    expect(ids(store)).toEqual(['b']);
    expect(store.getMap('a')).toBeUndefined();
  });

  it('contains a read of one object that throws', () => {
    const doc = boardWithJunk();
    const broken = getObjectsMap(doc).get('a')!;
    broken.entries = () => {
      throw new Error('unreadable');
    };
    const store = new BoardStore(doc);
    expect(ids(store)).toEqual(['b']);
    doc.transact(() => {
      broken.set('x', 10);
      insertObject(doc, note('c', 600));
    }, REMOTE);
    store.flush();
    expect(ids(store)).toEqual(['b', 'c']);
  });
});

describe('commands next to objects that are not readable maps', () => {
  useAnimationFrames();

  it('leave a bad entry alone when asked to edit its text', () => {
    const doc = boardWithJunk();
    for (const id of JUNK_IDS) replaceText(doc, id, 'typed');
    expect(getObjectsMap(doc).get('string')).toBe('not a map');
    replaceText(doc, 'a', 'typed');
    expect(new BoardStore(doc).get('a')).toMatchObject({ text: 'typed' });
  });

  it('paste nothing from a clipboard that also holds bad entries, and say so', () => {
    const doc = boardWithJunk();
    const editor = new BoardEditor(doc, 'participant');
    const before = Y.encodeStateVector(doc);
    const clipboard = JSON.stringify({
      type: CLIPBOARD_FORMAT,
      objects: ['not an object', null, { ...note('x', 0), id: 'x', text: 'pasted' }, { id: 'y', type: 'sticker', z: 2 }],
    });
    expect(editor.paste(clipboard)).toBe(false);
    expect(editor.store.sorted().map((object) => ('text' in object ? object.text : null))).toEqual(['a', 'b']);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(editor.notice.get()?.kind).toBe('pasteRejected');
    editor.destroy();
  });
});

describe('paste lands whole or not at all', () => {
  useAnimationFrames();

  /** Transactions this person's edits made on `doc` while `fn` ran. */
  function localTransactions(doc: Y.Doc, fn: () => void): number {
    let count = 0;
    const count1 = (transaction: Y.Transaction) => void (transaction.origin === LOCAL_USER_ORIGIN && count++);
    doc.on('afterTransaction', count1);
    fn();
    doc.off('afterTransaction', count1);
    return count;
  }

  it('inserts every object of a valid clipboard in one transaction, references remapped', () => {
    const doc = boardWithJunk();
    const editor = new BoardEditor(doc, 'participant');
    const frame: NewBoardObject = { id: 'f', type: 'frame', x: 0, y: 400, width: 800, height: 600, z: 0, frameId: null, text: 'F' };
    const inFrame = { ...note('n', 20), y: 460, frameId: 'f' };
    const arrow: NewBoardObject = { id: 'c', type: 'connector', z: 3, frameId: null, from: { objectId: 'n' }, to: { x: 900, y: 900 }, stroke: 'black', arrow: true };
    const clipboard = JSON.stringify({ type: CLIPBOARD_FORMAT, objects: [frame, inFrame, arrow] });
    let pasted = false;
    expect(localTransactions(doc, () => (pasted = editor.paste(clipboard)))).toBe(1);
    expect(pasted).toBe(true);
    const copies = editor.selection.current.map((id) => editor.store.get(id)!);
    expect(copies.map((object) => object.type).sort()).toEqual(['connector', 'frame', 'note']);
    const [frameCopy, noteCopy, arrowCopy] = ['frame', 'note', 'connector'].map((type) => copies.find((object) => object.type === type)!);
    expect(noteCopy).toMatchObject({ frameId: frameCopy!.id, x: 20 + 24, y: 460 + 24 });
    expect(arrowCopy).toMatchObject({ from: { objectId: noteCopy!.id }, to: { x: 924, y: 924 } });
    expect(editor.notice.get()).toBeNull();
    editor.destroy();
  });

  it('inserts nothing when one copy would be invalid once placed', () => {
    const doc = boardWithJunk();
    const editor = new BoardEditor(doc, 'participant');
    // Each entry is valid as copied; the paste offset pushes the last one past the coordinate limit.
    const objects = [note('p', 0), note('q', 300), { ...note('edge', 0), x: COORDINATE_LIMIT - 10 }];
    const before = Y.encodeStateVector(doc);
    let pasted = true;
    expect(localTransactions(doc, () => (pasted = editor.paste(JSON.stringify({ type: CLIPBOARD_FORMAT, objects }))))).toBe(0);
    expect(pasted).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(ids(editor.store)).toEqual(['a', 'b']);
    expect(editor.notice.get()?.kind).toBe('pasteRejected');
    editor.destroy();
  });
});
