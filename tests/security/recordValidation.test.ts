import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  MAX_OBJECT_TEXT,
  getObjectMap,
  getObjectText,
  getObjectsMap,
  insertObject,
  readObject,
  updateObject,
  createTheme,
  getThemesMap,
} from '@clapboard/shared';
import { connectSynced, firstServerClose, type Client } from '../support/clients.ts';
import { encodeSyncUpdate, openRawSocket } from '../support/rawSocket.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });


describe('the server refuses updates that would leave a record failing its schema', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  const join = async () => {
    const client = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    clients.push(client);
    return client;
  };
  const serverDoc = () => server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc;

  /**
   * An update made by a Yjs doc holding exactly the server's state: what a
   * client with its own encoder could send. Sent over a bare socket; resolves
   * with the close code, and says whether anything of it reached the server.
   */
  async function sendCrafted(change: (doc: Y.Doc) => void): Promise<{ code: number; stored: boolean }> {
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(serverDoc()));
    const before = Y.encodeStateVector(local);
    change(local);
    const update = Y.encodeStateAsUpdate(local, before);
    const attacker = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);
    attacker.socket.send(encodeSyncUpdate(update));
    const code = await attacker.closed;
    return { code, stored: Y.getState(serverDoc().store, local.clientID) > 0 };
  }

  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Records');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('a stock client creating, moving, typing and deleting is never refused', async () => {
    const writer = await join();
    const reader = await join();
    let closed = false;
    writer.provider.on('connection-close', () => (closed = true));
    // insertObject sends the whole object map (every field) in one update.
    const id = insertObject(writer.doc, note('first words'));
    updateObject(writer.doc, id, { x: 500, y: -400, color: 'blue' });
    const text = getObjectText(getObjectMap(writer.doc, id))!;
    for (let i = 0; i < 50; i += 1) text.insert(text.length, ' more');
    text.delete(0, 6);
    await waitFor(() => expect(getObjectText(getObjectMap(reader.doc, id))?.toString()).toBe(text.toString()));
    expect(readObject(getObjectMap(reader.doc, id))).toMatchObject({ x: 500, y: -400, color: 'blue' });
    getObjectsMap(writer.doc).delete(id);
    await waitFor(() => expect(getObjectsMap(reader.doc).has(id)).toBe(false));
    expect(closed).toBe(false);
  });

  it('a text grown to 20,001 characters by many small inserts is refused at the last one; the 20,000 stay', async () => {
    const writer = await join();
    const reader = await join();
    const id = insertObject(writer.doc, note(''));
    const text = getObjectText(getObjectMap(writer.doc, id))!;
    for (let i = 0; i < MAX_OBJECT_TEXT / 100; i += 1) text.insert(text.length, 'x'.repeat(100));
    await waitFor(() => expect(getObjectText(getObjectMap(reader.doc, id))?.length).toBe(MAX_OBJECT_TEXT), { timeout: 20_000 });
    const closed = firstServerClose(writer);
    text.insert(text.length, 'y');
    expect(await closed).toBe(CloseCode.InvalidRecord);
    expect(getObjectText(getObjectMap(serverDoc(), id))?.length).toBe(MAX_OBJECT_TEXT);
    // Deleting some makes room again: the text limit counts what remains, not what was ever typed.
    const fresh = await join();
    const freshText = getObjectText(getObjectMap(fresh.doc, id))!;
    freshText.delete(0, 10);
    freshText.insert(0, 'z'.repeat(10));
    await waitFor(() => expect(getObjectText(getObjectMap(reader.doc, id))?.toString().startsWith('z'.repeat(10))).toBe(true));
  }, 40_000);

  const refused: Array<[string, (doc: Y.Doc, existing: string) => void]> = [
    ['an object of an unknown type', (doc) => {
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({ ...note(''), type: 'banner' })) map.set(key, key === 'text' ? new Y.Text(String(value)) : value);
      getObjectsMap(doc).set('unknownType1', map as never);
    }],
    ['a new note whose text is over the limit', (doc) => {
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(note(''))) map.set(key, key === 'text' ? new Y.Text('x'.repeat(MAX_OBJECT_TEXT + 1)) : value);
      getObjectsMap(doc).set('longNote1', map as never);
    }],
    ['a coordinate out of range', (doc, existing) => updateObject(doc, existing, { x: 1e300 })],
    ['a field of the wrong type', (doc, existing) => updateObject(doc, existing, { color: 42 })],
    ['a field the record does not have', (doc, existing) => updateObject(doc, existing, { payload: 'x'.repeat(1000) })],
    ['a required field deleted', (doc, existing) => getObjectMap(doc, existing)!.delete('width')],
    ['text as a plain string instead of a Y.Text', (doc) => {
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(note('plain'))) map.set(key, value);
      getObjectsMap(doc).set('plainText1', map as never);
    }],
    ['a note created with only some of its fields', (doc) => {
      const map = new Y.Map<unknown>();
      map.set('type', 'note');
      map.set('x', 0);
      getObjectsMap(doc).set('partial1', map as never);
    }],
    ['an existing text pushed over the limit', (doc, existing) => getObjectText(getObjectMap(doc, existing))!.insert(0, 'x'.repeat(MAX_OBJECT_TEXT))],
    // Themes are records too (shared/src/synthesis/themes.ts): a name past its bound, a member that is not `true`.
    ['a theme name over 200 characters', (doc, existing) => {
      const id = createTheme(doc, { name: 'Housing', noteIds: [existing] });
      getThemesMap(doc).get(id)!.set('name', 'x'.repeat(201));
    }],
    ['a theme whose members map holds a string', (doc, existing) => {
      const id = createTheme(doc, { name: 'Housing', noteIds: [existing] });
      (getThemesMap(doc).get(id)!.get('members') as Y.Map<unknown>).set(existing, 'x'.repeat(5000));
    }],
  ];

  for (const [name, change] of refused) {
    it(`refuses ${name} with InvalidRecord; nothing of it is stored or relayed`, async () => {
      const honest = await join();
      const existing = insertObject(honest.doc, note('already here'));
      await waitFor(() => expect(getObjectMap(serverDoc(), existing)).not.toBeNull());
      const before = Y.encodeStateVector(serverDoc());
      const { code, stored } = await sendCrafted((doc) => change(doc, existing));
      expect(code).toBe(CloseCode.InvalidRecord);
      expect(stored).toBe(false);
      expect(Y.encodeStateVector(serverDoc())).toEqual(before);
      expect(readObject(getObjectMap(serverDoc(), existing))).toMatchObject({ x: 0, color: 'yellow', width: 200, text: 'already here' });
      // Everyone else carries on.
      const other = await join();
      const id = insertObject(honest.doc, note('still syncing'));
      await waitFor(() => expect(getObjectsMap(other.doc).has(id)).toBe(true));
    });
  }

  it('an invalid object already on the board (an old board\u2019s junk) can be deleted, but not edited', async () => {
    const participant = await join();
    const room = server.app.rooms.get({ boardId: board.id, doc: 'content' })!;
    await room.transactDurably(() => {
      const map = new Y.Map<unknown>();
      map.set('type', 'banner');
      getObjectsMap(room.doc).set('legacy1', map as never);
    }, { kind: 'server', reason: 'migration' });
    const moved = await sendCrafted((doc) => getObjectMap(doc, 'legacy1')!.set('x', 5));
    expect(moved.code).toBe(CloseCode.InvalidRecord);
    await waitFor(() => expect(getObjectsMap(participant.doc).has('legacy1')).toBe(true));
    getObjectsMap(participant.doc).delete('legacy1');
    await waitFor(() => expect(getObjectsMap(serverDoc()).has('legacy1')).toBe(false));
  });
});
