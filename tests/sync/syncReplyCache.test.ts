import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NOTE_SIZE, deleteObjects, getObjectsMap, insertObject, updateObject } from '@clapboard/shared';
import { SyncReplyCache } from '../../server/src/sync/SyncReplyCache.ts';

/**
 * The server answers a fresh client from an encoding of the board made
 * once plus the updates since (server/src/sync/SyncReplyCache.ts), so a
 * join does not re-encode a 10,000-note board. Whatever the reply is made
 * of, applying it must give exactly the server's document.
 */
function serverDoc(notes: number): { doc: Y.Doc; cache: SyncReplyCache } {
  const doc = new Y.Doc();
  const cache = new SyncReplyCache(doc);
  doc.on('update', (update: Uint8Array) => cache.recordUpdate(update));
  doc.transact(() => {
    for (let i = 0; i < notes; i++) {
      insertObject(doc, { id: `note-${i}`, type: 'note', x: i * 10, y: 0, width: NOTE_SIZE, height: NOTE_SIZE, z: i, frameId: null, color: 'yellow', text: `note ${i}` });
    }
  });
  return { doc, cache };
}

/** A client applying the reply's messages in order (each is sync: step 2 or update). */
function applyReply(client: Y.Doc, messages: readonly Uint8Array[]): number[] {
  const types: number[] = [];
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(0);
    types.push(decoding.readVarUint(decoder));
    Y.applyUpdate(client, decoding.readVarUint8Array(decoder));
  }
  return types;
}

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const sameState = (a: Y.Doc, b: Y.Doc) => {
  expect(getObjectsMap(a).toJSON()).toEqual(getObjectsMap(b).toJSON());
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
};

describe('sync step 2 replies', () => {
  it('a fresh client gets the base, then the edits since in one update, and ends with the server’s document', () => {
    const { doc, cache } = serverDoc(50);
    const first = cache.reply(EMPTY_STATE_VECTOR);
    expect(first).toHaveLength(1);
    // Nothing changed: the very same bytes, not a second encoding.
    expect(cache.reply(EMPTY_STATE_VECTOR)[0]).toBe(first[0]);

    doc.transact(() => updateObject(doc, 'note-3', { x: 999 }));
    doc.transact(() => deleteObjects(doc, ['note-7']));
    const text = getObjectsMap(doc).get('note-4') as Y.Map<unknown>;
    doc.transact(() => (text.get('text') as Y.Text).insert(0, 'edited '));
    const reply = cache.reply(EMPTY_STATE_VECTOR);
    expect(reply[0]).toBe(first[0]);
    const client = new Y.Doc();
    expect(applyReply(client, reply)).toEqual([1, 2]);
    sameState(client, doc);
    expect(getObjectsMap(client).has('note-7')).toBe(false);
  });

  it('folds a long tail into a new base', () => {
    const { doc, cache } = serverDoc(5);
    const base = cache.reply(EMPTY_STATE_VECTOR)[0];
    for (let i = 0; i < 1001; i++) doc.transact(() => updateObject(doc, 'note-1', { x: i }));
    const reply = cache.reply(EMPTY_STATE_VECTOR);
    expect(reply).toHaveLength(1);
    expect(reply[0]).not.toBe(base);
    const client = new Y.Doc();
    applyReply(client, reply);
    sameState(client, doc);
  });

  it('a client that has part of the board gets only what it lacks, recomputed after each change', () => {
    const { doc, cache } = serverDoc(20);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    doc.transact(() => updateObject(doc, 'note-2', { y: 42 }));
    const vector = Y.encodeStateVector(client);
    const reply = cache.reply(vector);
    expect(reply).toHaveLength(1);
    expect(reply[0]!.byteLength).toBeLessThan(200);
    applyReply(client, reply);
    sameState(client, doc);
    doc.transact(() => updateObject(doc, 'note-2', { y: 43 }));
    applyReply(client, cache.reply(vector));
    sameState(client, doc);
  });

  it('refuses a state vector that does not decode', () => {
    const { cache } = serverDoc(1);
    expect(() => cache.reply(new Uint8Array([5, 200]))).toThrow();
  });
});
