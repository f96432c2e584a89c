/**
 * Anything can sit under `objects`: a peer (an old board, another server
 * process, a hostile client) can put a string or a list there instead of an
 * object's nested map. The shared model helpers skip such entries instead of
 * throwing, so one bad value never hides the rest of the board.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CURRENT_SCHEMA_VERSION,
  NOTE_SIZE,
  getMetaMap,
  getObjectText,
  getObjectType,
  getObjectsMap,
  insertObject,
  maxZ,
  migrateBoardDoc,
  readAllObjects,
  readObject,
  updateObject,
} from '@clapboard/shared';
import { JUNK_IDS, junkObjects } from '../support/junkObjects.ts';

/** Two valid notes with the junk stored between them (`objects` as a peer could leave it). */
function boardWithJunk(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    insertObject(doc, { id: 'a', type: 'note', x: 0, y: 0, width: NOTE_SIZE, height: NOTE_SIZE, z: 1, frameId: null, color: 'yellow', text: 'first' });
    for (const [id, value] of Object.entries(junkObjects())) getObjectsMap(doc).set(id, value as never);
    insertObject(doc, { id: 'b', type: 'note', x: 300, y: 0, width: NOTE_SIZE, height: NOTE_SIZE, z: 5, frameId: null, color: 'blue', text: 'second' });
  });
  return doc;
}

describe('objects that are not readable maps', () => {
  it('are left out of readAllObjects, and the valid notes around them are read', () => {
    const doc = boardWithJunk();
    expect(getObjectsMap(doc).size).toBe(2 + JUNK_IDS.length);
    expect(readAllObjects(doc)).toMatchObject([
      { id: 'a', text: 'first' },
      { id: 'b', text: 'second' },
    ]);
  });

  it('read as null, one by one, with no type and no text', () => {
    const doc = boardWithJunk();
    for (const id of JUNK_IDS) {
      const value: unknown = getObjectsMap(doc).get(id);
      expect(readObject(value, id), id).toBeNull();
      expect(readObject(value), id).toBeNull();
      expect(getObjectText(value), id).toBeNull();
      if (id !== 'unknownType') expect(getObjectType(value), id).toBeNull();
    }
    expect(getObjectType(getObjectsMap(doc).get('unknownType'))).toBeNull();
    expect(getObjectText(getObjectsMap(doc).get('a'))?.toString()).toBe('first');
  });

  it('do not stop maxZ or updateObject', () => {
    const doc = boardWithJunk();
    expect(maxZ(doc)).toBe(5);
    doc.transact(() => {
      for (const id of JUNK_IDS) updateObject(doc, id, { x: 10 });
      updateObject(doc, 'a', { x: 10 });
    });
    expect(getObjectsMap(doc).get('string')).toBe('not a map');
    expect(readObject(getObjectsMap(doc).get('a'))).toMatchObject({ x: 10 });
  });

  it('do not stop a migration from upgrading the objects around them', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      getMetaMap(doc).set('schemaVersion', 2);
      const note = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({ type: 'note', x: 0, y: 0, width: 200, height: 200, color: '#ffa726' })) note.set(key, value);
      note.set('text', new Y.Text('Long waits'));
      for (const [id, value] of Object.entries(junkObjects())) getObjectsMap(doc).set(id, value as never);
      getObjectsMap(doc).set('n1', note);
    });
    expect(migrateBoardDoc(doc, 'test').to).toBe(CURRENT_SCHEMA_VERSION);
    expect(readAllObjects(doc)).toEqual([
      { id: 'n1', type: 'note', x: 0, y: 0, width: 200, height: 200, color: 'orange', text: 'Long waits', z: expect.any(Number), frameId: null },
    ]);
    expect(getObjectsMap(doc).get('string')).toBe('not a map');
  });
});
