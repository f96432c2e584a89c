import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLIENT_WRITABLE_CONTENT_ROOTS, getObjectText, getObjectsMap, insertObject, updateObject } from '@clapboard/shared';
import { inspectUpdate, type TouchedEntries } from '@clapboard/server';

const note = (id: string, frameId: string | null) => ({ id, type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId, color: 'yellow' as const, text: 'words' });

/** A server document with two notes, a client synced to it, and the update each change of the client makes. */
function setup() {
  const server = new Y.Doc();
  insertObject(server, note('a', 'frame'));
  insertObject(server, note('b', null));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const touched = (change: () => void): Record<string, Record<string, unknown[]>> => {
    let update: Uint8Array | null = null;
    const capture = (bytes: Uint8Array) => (update = bytes);
    client.on('update', capture);
    client.transact(change);
    client.off('update', capture);
    const inspection = inspectUpdate(server, update!, CLIENT_WRITABLE_CONTENT_ROOTS);
    expect(inspection.verdict).toBe('allowed');
    Y.applyUpdate(server, update!);
    return plain(inspection.touched);
  };
  return { client, touched };
}

const plain = (touched: TouchedEntries) =>
  Object.fromEntries([...(touched.get('objects') ?? new Map())].map(([id, fields]) => [id, Object.fromEntries(fields)]));

/** What ContentLocks judges by: which objects an update changes, and the plain values it writes on them. */
describe('inspectUpdate: the entries an update touches', () => {
  it('names the object of a text edit, a field overwrite and a new object, with the values written', () => {
    const { client, touched } = setup();
    expect(touched(() => getObjectText(getObjectsMap(client).get('a'))!.insert(0, 'more '))).toEqual({ a: {} });
    // An overwrite names no key of its own (its parent comes from its left origin): the walk still finds `frameId`.
    expect(touched(() => updateObject(client, 'b', { frameId: 'frame', x: 5 }))).toEqual({ b: { frameId: ['frame'], x: [5] } });
    const created = touched(() => insertObject(client, note('c', 'frame')));
    expect(Object.keys(created)).toEqual(['c']);
    expect(created.c!.frameId).toEqual(['frame']);
  });

  it('names the object of a deletion, and of a key overwritten by a whole new map', () => {
    const { client, touched } = setup();
    expect(touched(() => getObjectText(getObjectsMap(client).get('a'))!.delete(0, 2))).toEqual({ a: {} });
    expect(Object.keys(touched(() => insertObject(client, note('a', null))))).toEqual(['a']);
    expect(touched(() => getObjectsMap(client).delete('b'))).toEqual({ b: {} });
  });
});
