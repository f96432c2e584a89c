import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdateScope } from '@clapboard/server';
import {
  CLIENT_WRITABLE_CONTENT_ROOTS,
  CLIENT_WRITABLE_CONTROL_ROOTS,
  CURRENT_SCHEMA_VERSION,
  getMetaMap,
  getObjectText,
  getObjectsMap,
  getSettingsMap,
  insertObject,
  updateObject,
} from '@clapboard/shared';
import { craftNestedMaps, craftUpdate } from '../support/craftUpdate.ts';

const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });

/** A content document as the server holds it: two notes, then meta written last by the server's own client. */
function serverDoc(extraMeta: (meta: Y.Map<unknown>) => void = () => {}) {
  const doc = new Y.Doc();
  let first = '';
  doc.transact(() => {
    first = insertObject(doc, note('first note'));
    insertObject(doc, note('second note'));
    extraMeta(getMetaMap(doc));
    getMetaMap(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION);
  });
  return { doc, first };
}

function syncedClient(server: Y.Doc): Y.Doc {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return client;
}

/** The update one client transaction produces: what y-websocket sends as an update message. */
function updateOf(client: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  client.on('update', collect);
  client.transact(change);
  client.off('update', collect);
  expect(updates).toHaveLength(1);
  return updates[0]!;
}

/** What a client answers to the server's sync step 1. */
const step2 = (client: Y.Doc, server: Y.Doc) => Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));

const content = (server: Y.Doc, update: Uint8Array) => checkUpdateScope(server, update, CLIENT_WRITABLE_CONTENT_ROOTS);

/**
 * The verdict on one change by a client that is in sync with the server; the
 * server applies what it allows, so the next change follows on from it.
 */
function judge(server: Y.Doc, change: (client: Y.Doc) => void, roots = CLIENT_WRITABLE_CONTENT_ROOTS) {
  const client = syncedClient(server);
  const update = updateOf(client, () => change(client));
  const verdict = checkUpdateScope(server, update, roots);
  if (verdict === 'allowed') Y.applyUpdate(server, update);
  return verdict;
}

describe('checkUpdateScope: allowed changes', () => {
  it('a nested edit of a note’s text (an insertion in the middle: origins only)', () => {
    const { doc, first } = serverDoc();
    const client = syncedClient(doc);
    const update = updateOf(client, () => getObjectText(getObjectsMap(client).get(first)!)!.insert(5, ' edited'));
    expect(Y.decodeUpdate(update).structs.some((s) => s instanceof Y.Item && s.parent === null)).toBe(true);
    expect(content(doc, update)).toBe('allowed');
  });

  it('inserting, moving and deleting objects, and deleting text', () => {
    const { doc, first } = serverDoc();
    expect(judge(doc, (client) => insertObject(client, note('new')))).toBe('allowed');
    expect(judge(doc, (client) => updateObject(client, first, { x: 40, y: 50 }))).toBe('allowed');
    expect(judge(doc, (client) => getObjectText(getObjectsMap(client).get(first)!)!.delete(0, 6))).toBe('allowed');
    expect(judge(doc, (client) => getObjectsMap(client).delete(first))).toBe('allowed');
    expect(getObjectsMap(doc).size).toBe(2);
  });

  it('a new object and edits inside it, in one update (references within the update)', () => {
    const { doc } = serverDoc();
    const client = syncedClient(doc);
    const update = updateOf(client, () => {
      const id = insertObject(client, note('abc'));
      getObjectText(getObjectsMap(client).get(id)!)!.insert(1, 'xyz');
      updateObject(client, id, { x: 9 });
    });
    expect(content(doc, update)).toBe('allowed');
  });

  it('a sync step 2 that repeats the server’s own deletions in meta (an older schemaVersion)', () => {
    const { doc } = serverDoc();
    // A later migration overwrites schemaVersion: the old value becomes a deleted item every client knows.
    doc.transact(() => getMetaMap(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION + 0.5));
    doc.transact(() => getMetaMap(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION));
    const client = syncedClient(doc);
    const answer = step2(client, doc);
    expect(Y.decodeUpdate(answer).ds.clients.get(doc.clientID)?.length).toBeGreaterThan(0);
    expect(content(doc, answer)).toBe('allowed');
  });

  it('offline edits that depend on each other resolve inside the sync step 2', () => {
    const { doc, first } = serverDoc();
    const client = syncedClient(doc);
    const made = updateOf(client, () => insertObject(client, note('made offline')));
    const id = [...getObjectsMap(client).keys()].find((key) => !getObjectsMap(doc).has(key))!;
    const typed = updateOf(client, () => getObjectText(getObjectsMap(client).get(id)!)!.insert(4, ' typed'));
    updateOf(client, () => getObjectText(getObjectsMap(client).get(first)!)!.insert(0, '>'));
    updateOf(client, () => getObjectsMap(client).delete(first));
    // Alone, the typing depends on a note the server has not seen.
    expect(content(doc, typed)).toBe('missing');
    expect(content(doc, made)).toBe('allowed');
    expect(content(doc, step2(client, doc))).toBe('allowed');
  });

  it('an edit aimed at something the server already collected is harmless', () => {
    const { doc, first } = serverDoc();
    const client = syncedClient(doc);
    doc.transact(() => getObjectsMap(doc).delete(first));
    const update = updateOf(client, () => getObjectText(getObjectsMap(client).get(first)!)!.insert(2, 'late'));
    const origin = (Y.decodeUpdate(update).structs[0] as Y.Item).origin!;
    expect(Y.getItem(doc.store, origin)).toBeInstanceOf(Y.GC);
    expect(content(doc, update)).toBe('allowed');
    Y.applyUpdate(doc, update);
    expect(getObjectsMap(doc).has(first)).toBe(false);
  });
});

describe('checkUpdateScope: refused changes', () => {
  it('a new root type', () => {
    const { doc } = serverDoc();
    expect(judge(doc, (client) => client.getMap('stray').set('a', 1))).toBe('forbidden');
    expect(judge(doc, (client) => client.getText('notes').insert(0, 'x'))).toBe('forbidden');
  });

  it('writing meta: a new key, and overwriting schemaVersion (an origin-only item)', () => {
    const { doc } = serverDoc();
    expect(judge(doc, (client) => getMetaMap(client).set('owner', 'me'))).toBe('forbidden');
    const client = syncedClient(doc);
    const overwrite = updateOf(client, () => getMetaMap(client).set('schemaVersion', 999));
    expect(Y.decodeUpdate(overwrite).structs.every((s) => !(s instanceof Y.Item) || s.parent === null)).toBe(true);
    expect(content(doc, overwrite)).toBe('forbidden');
  });

  it('deleting a meta key (a delete set and nothing else)', () => {
    const { doc } = serverDoc();
    const client = syncedClient(doc);
    const update = updateOf(client, () => getMetaMap(client).delete('schemaVersion'));
    expect(Y.decodeUpdate(update).structs).toHaveLength(0);
    expect(content(doc, update)).toBe('forbidden');
  });

  it('a nested edit in a map under meta (parent given by id)', () => {
    const { doc } = serverDoc((meta) => meta.set('nested', new Y.Map()));
    const client = syncedClient(doc);
    const update = updateOf(client, () => (getMetaMap(client).get('nested') as Y.Map<unknown>).set('k', 1));
    expect(Y.decodeUpdate(update).structs.some((s) => s instanceof Y.Item && s.parent instanceof Y.ID)).toBe(true);
    expect(content(doc, update)).toBe('forbidden');
  });

  it('an insertion inside a list under meta that has only origins', () => {
    const { doc } = serverDoc((meta) => meta.set('list', Y.Array.from([1, 2, 3])));
    const client = syncedClient(doc);
    const update = updateOf(client, () => (getMetaMap(client).get('list') as Y.Array<number>).insert(1, [99]));
    const [item] = Y.decodeUpdate(update).structs as Y.Item[];
    expect(item!.parent).toBeNull();
    expect(item!.origin && item!.rightOrigin).toBeTruthy();
    expect(content(doc, update)).toBe('forbidden');
  });

  it('an update mixing an allowed and a forbidden change is refused whole', () => {
    const { doc, first } = serverDoc();
    const client = syncedClient(doc);
    const update = updateOf(client, () => {
      getObjectText(getObjectsMap(client).get(first)!)!.insert(0, 'fine ');
      insertObject(client, note('also fine'));
      getMetaMap(client).set('schemaVersion', 999);
    });
    expect(content(doc, update)).toBe('forbidden');
  });

  it('a struct straddling the server’s own clock, which Yjs would link after the server’s last meta item', () => {
    const { doc } = serverDoc();
    const state = Y.getState(doc.store, doc.clientID);
    const update = craftUpdate([[{ client: doc.clientID, clock: state - 1, parent: 'objects', parentSub: 'x', content: ['a', 'b'] }]]);
    // Without the check this really deletes schemaVersion, though the item names `objects` as its parent.
    const victim = syncedClient(doc);
    Y.applyUpdate(victim, update);
    expect(getMetaMap(victim).has('schemaVersion')).toBe(false);
    expect(content(doc, update)).toBe('forbidden');
  });

  it('a right origin inside meta, next to a left origin inside objects', () => {
    const { doc, first } = serverDoc((meta) => meta.set('list', Y.Array.from([1, 2])));
    const text = getObjectText(getObjectsMap(doc).get(first)!)!;
    const left = text._start!.id;
    const right = (getMetaMap(doc).get('list') as Y.Array<number>)._start!.id;
    expect(content(doc, craftUpdate([[{ client: 777, clock: 0, origin: left, rightOrigin: right, content: ['x'] }]]))).toBe('forbidden');
    expect(content(doc, craftUpdate([[{ client: 777, clock: 0, origin: left, content: ['x'] }]]))).toBe('allowed');
  });
});

describe('checkUpdateScope: what cannot be resolved', () => {
  it('a change to items the server has not seen, and a gap in a client’s clock', () => {
    const { doc } = serverDoc();
    const client = syncedClient(doc);
    const id = [...getObjectsMap(client).keys()][0]!;
    updateOf(client, () => insertObject(client, note('unsent')));
    const second = updateOf(client, () => insertObject(client, note('after a gap')));
    expect(content(doc, second)).toBe('missing');
    const unsentId = [...getObjectsMap(client).keys()].find((key) => !getObjectsMap(doc).has(key) && key !== id)!;
    expect(content(doc, updateOf(client, () => getObjectsMap(client).delete(unsentId)))).toBe('missing');
  });

  it('garbage, repeated client blocks and reference loops are malformed', () => {
    const { doc } = serverDoc();
    expect(content(doc, new Uint8Array([1, 1, 250, 250, 250, 250, 15, 7, 7, 7]))).toBe('malformed');
    const item = { client: 5, parent: 'objects', parentSub: 'k', content: [1] };
    expect(content(doc, craftUpdate([[{ ...item, clock: 0 }], [{ ...item, clock: 0 }]]))).toBe('malformed');
    const loop = craftUpdate([
      [{ client: 5, clock: 0, origin: Y.createID(6, 0), content: [1] }],
      [{ client: 6, clock: 0, origin: Y.createID(5, 0), content: [2] }],
    ]);
    expect(content(doc, loop)).toBe('malformed');
  });
});

describe('checkUpdateScope: control document roots', () => {
  it('settings may be written; server-written rounds and stray roots may not', () => {
    const control = new Y.Doc();
    control.transact(() => getSettingsMap(control).set('title', 'Workshop'));
    const check = (change: (client: Y.Doc) => void) => judge(control, change, CLIENT_WRITABLE_CONTROL_ROOTS);
    expect(check((client) => getSettingsMap(client).set('title', 'Renamed'))).toBe('allowed');
    expect(check((client) => client.getMap('rounds').set('r1', 'open'))).toBe('forbidden');
    expect(check((client) => client.getMap('stray').set('a', 1))).toBe('forbidden');
  });
});

describe('checkUpdateScope: the layout of writable roots', () => {
  const verdictOf = (change: (client: Y.Doc) => void) => judge(serverDoc().doc, change);

  it('notes as the editor writes them fit: a map per object, fields, a Y.Text', () => {
    expect(verdictOf((client) => insertObject(client, note('fits')))).toBe('allowed');
  });

  it('anything but a map directly under objects is refused', () => {
    expect(verdictOf((client) => getObjectsMap(client).set('zz', 'not a map' as never))).toBe('layout');
    expect(verdictOf((client) => getObjectsMap(client).set('zz', new Y.Text('t') as never))).toBe('layout');
    expect(verdictOf((client) => getObjectsMap(client).set('zz', new Y.Array() as never))).toBe('layout');
  });

  it('a type nested deeper than object → field → text is refused', () => {
    const { doc, first } = serverDoc();
    expect(judge(doc, (client) => getObjectsMap(client).get(first)!.set('caption', new Y.Text('fine')))).toBe('allowed');
    expect(judge(doc, (client) => getObjectsMap(client).get(first)!.set('nested', new Y.Map()))).toBe('layout');
    expect(judge(doc, (client) => getObjectText(getObjectsMap(client).get(first)!)!.insertEmbed(0, new Y.Map() as never))).toBe('layout');
    expect(judge(doc, (client) => getObjectText(getObjectsMap(client).get(first)!)!.insertEmbed(0, new Y.Text('t') as never))).toBe('layout');
  });

  it('12,000 maps nested under objects are refused without deep recursion', () => {
    const { doc } = serverDoc();
    expect(content(doc, craftNestedMaps(4242, 12_000))).toBe('layout');
  });

  it('a keyed entry in a text and a sequence entry in a map are refused', () => {
    const { doc, first } = serverDoc();
    const text = getObjectText(getObjectsMap(doc).get(first)!)!;
    const textItem = text._item!.id;
    expect(content(doc, craftUpdate([[{ client: 777, clock: 0, parent: textItem, parentSub: 'k', content: ['x'] }]]))).toBe('layout');
    expect(content(doc, craftUpdate([[{ client: 777, clock: 0, parent: 'objects', content: ['x'] }]]))).toBe('layout');
  });

  it('more structs or types than the limits allow are too large', () => {
    const { doc } = serverDoc();
    const client = syncedClient(doc);
    const update = updateOf(client, () => {
      for (let index = 0; index < 5; index += 1) insertObject(client, note(`n${index}`));
    });
    expect(checkUpdateScope(doc, update, CLIENT_WRITABLE_CONTENT_ROOTS, { maxStructs: 1_000, maxTypes: 9 })).toBe('too-large');
    expect(checkUpdateScope(doc, update, CLIENT_WRITABLE_CONTENT_ROOTS, { maxStructs: 1_000, maxTypes: 10 })).toBe('allowed');
    const structs = Y.decodeUpdate(update).structs.length;
    expect(checkUpdateScope(doc, update, CLIENT_WRITABLE_CONTENT_ROOTS, { maxStructs: structs - 1, maxTypes: 100 })).toBe('too-large');
  });
});
