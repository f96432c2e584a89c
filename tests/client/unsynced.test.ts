/**
 * The connection indicator's "N changes waiting to be sent" counts what a
 * person would call changes — board objects changed while the server could
 * not see them — not keystrokes or transactions. Driven through a real Y.Doc.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, NOTE_SIZE, deleteObjects, getObjectText, getObjectsMap, insertObject, updateObject } from '@clapboard/shared';
import { watchLocalObjectEdits } from '../../client/src/connection/changedObjects.ts';
import { ConnectionTracker } from '../../client/src/connection/connectionTracker.ts';

const REMOTE = { kind: 'connection', connectionId: 1 };

/** A doc with two notes, wired to a tracker the way the board connection wires it. */
function setup() {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const id of ['a', 'b']) {
      insertObject(doc, { id, type: 'note', x: 0, y: 0, width: NOTE_SIZE, height: NOTE_SIZE, z: 1, frameId: null, color: 'yellow', text: '' });
    }
  }, REMOTE);
  const tracker = new ConnectionTracker();
  const undo = new Y.UndoManager(getObjectsMap(doc), { trackedOrigins: new Set([LOCAL_USER_ORIGIN]), captureTimeout: 0 });
  const local = new Set<unknown>([LOCAL_USER_ORIGIN, undo]);
  const stop = watchLocalObjectEdits(doc, (origin) => local.has(origin), (ids) => tracker.localEdit(ids));
  const edit = (fn: () => void) => doc.transact(fn, LOCAL_USER_ORIGIN);
  const type = (id: string, text: string) => {
    for (const char of text) edit(() => getObjectText(getObjectsMap(doc).get(id)!)!.insert(0, char));
  };
  const goLive = () => {
    tracker.socket(true);
    tracker.sync(true);
  };
  const goOffline = () => {
    tracker.setWantConnected(false);
    tracker.socket(false);
  };
  return { doc, tracker, undo, stop, edit, type, goLive, goOffline };
}

describe('unsynced changes', () => {
  it('typing a sentence into one note offline is one change', () => {
    const { tracker, type, goLive, goOffline } = setup();
    goLive();
    goOffline();
    type('a', 'Hello, world');
    expect(tracker.current).toEqual({ status: 'offline', unsynced: 1 });
  });

  it('counts each distinct object: added, edited, moved, deleted', () => {
    const { doc, tracker, edit, type, goOffline } = setup();
    goOffline();
    edit(() => insertObject(doc, { id: 'c', type: 'note', x: 9, y: 9, width: NOTE_SIZE, height: NOTE_SIZE, z: 2, frameId: null, color: 'blue', text: '' }));
    type('c', 'new');
    edit(() => updateObject(doc, 'a', { x: 40 }));
    edit(() => updateObject(doc, 'a', { y: 40 }));
    edit(() => deleteObjects(doc, ['b']));
    expect(tracker.current.unsynced).toBe(3);
  });

  it('counts undo and redo as this person’s changes, and remote updates not at all', () => {
    const { doc, tracker, undo, edit, goOffline } = setup();
    goOffline();
    doc.transact(() => updateObject(doc, 'b', { x: 100 }), REMOTE);
    expect(tracker.current.unsynced).toBe(0);
    edit(() => updateObject(doc, 'a', { x: 5 }));
    undo.undo();
    expect(tracker.current.unsynced).toBe(1);
  });

  it('is zero only once the server confirms it stored them; edits while live never wait', () => {
    const { tracker, type, goOffline } = setup();
    goOffline();
    type('a', 'offline');
    type('b', 'offline');
    expect(tracker.current.unsynced).toBe(2);
    // The socket is back and the handshake done: the edits are on their way, not yet safe.
    tracker.setWantConnected(true);
    tracker.socket(true);
    expect(tracker.current).toEqual({ status: 'connecting', unsynced: 2 });
    tracker.sync(true);
    expect(tracker.current).toEqual({ status: 'live', unsynced: 2 });
    const sent = tracker.checkpoint();
    type('a', ' live');
    expect(tracker.current).toEqual({ status: 'live', unsynced: 2 });
    // The server's receipt for everything sent before the checkpoint.
    tracker.storedUpTo(sent);
    expect(tracker.current).toEqual({ status: 'live', unsynced: 0 });
    // Lost again: counting starts afresh.
    tracker.socket(false);
    type('a', '!');
    expect(tracker.current).toEqual({ status: 'reconnecting', unsynced: 1 });
  });

  it('a receipt does not cover an object edited again after its checkpoint', () => {
    const { tracker, type, goOffline } = setup();
    goOffline();
    type('a', 'first');
    const sent = tracker.checkpoint();
    type('a', ' and more');
    type('b', 'other');
    tracker.storedUpTo(sent);
    expect(tracker.current.unsynced).toBe(2);
  });

  it('stops counting when unwired', () => {
    const { tracker, stop, type, goOffline } = setup();
    goOffline();
    stop();
    type('a', 'x');
    expect(tracker.current.unsynced).toBe(0);
  });
});
