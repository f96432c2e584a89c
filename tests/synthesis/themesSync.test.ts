import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  THEME_MEMBERS_KEY,
  addToTheme,
  createTheme,
  getThemeMap,
  getThemesMap,
  insertObject,
  readThemes,
  renameTheme,
  setTags,
} from '@clapboard/shared';
import { connectClient, connectSynced, firstServerClose, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });

/** Once `watcher` sees an awareness change `sender` made after its edits, the server has handled those edits (one socket, in order). */
async function barrier(sender: Client, watcher: Client): Promise<void> {
  const name = `barrier-${Math.random().toString(36).slice(2)}`;
  sender.provider.awareness.setLocalStateField('user', { name, color: '#123456' });
  await waitFor(() => {
    const state = watcher.provider.awareness.getStates().get(sender.doc.clientID) as { user?: { name: string } } | undefined;
    expect(state?.user?.name).toBe(name);
  });
}


describe('themes through a real server', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  const join = async (token: string) => {
    const client = await connectSynced(server.syncUrl, board.id, token);
    clients.push(client);
    return client;
  };
  const serverDoc = () => server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc;

  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Themes');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('a facilitator and a participant both build one theme; everyone, a late observer too, reads the same', async () => {
    const facilitator = await join(board.tokens.facilitator);
    const participant = await join(board.tokens.participant);
    const ids: string[] = [];
    facilitator.doc.transact(() => {
      for (const text of ['GP waits', 'Long queue', 'No interpreter']) ids.push(insertObject(facilitator.doc, note(text)));
    });
    let themeId = '';
    facilitator.doc.transact(() => (themeId = createTheme(facilitator.doc, { noteIds: [ids[0]!], name: 'Waits' })));
    await waitFor(() => expect(readThemes(participant.doc)).toHaveLength(1));
    // At once: the facilitator adds one note and renames; the participant adds another and tags it.
    facilitator.doc.transact(() => {
      addToTheme(facilitator.doc, themeId, [ids[1]!]);
      renameTheme(facilitator.doc, themeId, 'Waiting times');
    });
    participant.doc.transact(() => {
      addToTheme(participant.doc, themeId, [ids[2]!]);
      setTags(participant.doc, ids[2]!, ['access']);
    });
    const expected = [...ids].sort();
    for (const doc of [facilitator.doc, participant.doc, serverDoc()]) {
      await waitFor(() => expect(readThemes(doc).map((theme) => [theme.name, theme.noteIds])).toEqual([['Waiting times', expected]]));
    }
    const observer = await join(board.tokens.observer);
    expect(readThemes(observer.doc)).toEqual(readThemes(facilitator.doc));
  });

  it("an observer's theme edits change nothing anywhere", async () => {
    const participant = await join(board.tokens.participant);
    const observer = await join(board.tokens.observer);
    let noteId = '';
    participant.doc.transact(() => (noteId = insertObject(participant.doc, note('mine'))));
    await waitFor(() => expect(observer.doc.getMap('objects').has(noteId)).toBe(true));
    observer.doc.transact(() => createTheme(observer.doc, { noteIds: [noteId], name: 'Observer theme' }));
    await barrier(observer, participant);
    let marker = '';
    participant.doc.transact(() => (marker = createTheme(participant.doc, { noteIds: [noteId], name: 'Marker' })));
    await waitFor(() => expect(readThemes(observer.doc).map((theme) => theme.id)).toContain(marker));
    expect(readThemes(serverDoc()).map((theme) => theme.name)).toEqual(['Marker']);
    expect(readThemes(participant.doc).map((theme) => theme.name)).toEqual(['Marker']);
  });

  it('a theme nesting deeper than its members map closes the sender with InvalidLayout and reaches nobody', async () => {
    const honest = await join(board.tokens.participant);
    let themeId = '';
    honest.doc.transact(() => (themeId = createTheme(honest.doc, { noteIds: [], name: 'Target' })));
    const evil = connectClient(server.syncUrl, board.id, board.tokens.participant);
    clients.push(evil);
    await waitFor(() => expect(evil.doc.getMap('themes').has(themeId)).toBe(true));
    await waitFor(() => evil.provider.synced);
    const closed = firstServerClose(evil);
    const members = getThemeMap(evil.doc, themeId)!.get(THEME_MEMBERS_KEY) as Y.Map<unknown>;
    members.set('deeper', new Y.Map());
    expect(await closed).toBe(CloseCode.InvalidLayout);
    evil.destroy();
    // A second attempt: a map under a field other than members.
    const evil2 = connectClient(server.syncUrl, board.id, board.tokens.participant);
    clients.push(evil2);
    await waitFor(() => expect(evil2.doc.getMap('themes').has(themeId)).toBe(true));
    const closed2 = firstServerClose(evil2);
    getThemeMap(evil2.doc, themeId)!.set('description', new Y.Map());
    expect(await closed2).toBe(CloseCode.InvalidLayout);
    evil2.destroy();
    const late = await join(board.tokens.facilitator);
    const stored = getThemeMap(late.doc, themeId)!;
    expect((stored.get(THEME_MEMBERS_KEY) as Y.Map<unknown>).has('deeper')).toBe(false);
    expect(stored.get('description')).toBe('');
    expect(getThemesMap(serverDoc()).size).toBe(1);
  });
});
