import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CURRENT_SCHEMA_VERSION,
  CloseCode,
  getMetaMap,
  getObjectText,
  getObjectsMap,
  getSettingsMap,
  insertObject,
  readBoardTitle,
  readSchemaVersion,
  roomName,
  updateObject,
} from '@clapboard/shared';
import { connectClient, connectSynced, type Client } from '../support/clients.ts';
import { encodeSyncUpdate, openRawSocket } from '../support/rawSocket.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });

/** Close codes the server sent this client (application range only: not its own disconnects). */
function serverCloses(client: Client): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event) => {
    if (event && event.code >= 4000) codes.push(event.code);
  });
  return codes;
}

const MIGRATION = Object.freeze({ kind: 'server', reason: 'migration' });

const textOf = (doc: Y.Doc, id: string) => getObjectText(getObjectsMap(doc).get(id)!)!.toString();

describe('clients may write only the roots they own', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  const join = async (room = board.id, token = board.tokens.participant) => {
    const client = await connectSynced(server.syncUrl, room, token);
    clients.push(client);
    return client;
  };
  const contentRoom = () => server.app.rooms.get({ boardId: board.id, doc: 'content' })!;

  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Scope');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('a participant that sets meta.schemaVersion is closed; nobody sees it; the board still loads after a restart', async () => {
    const a = await join();
    const b = await join();
    const evil = await join();
    const closes = serverCloses(evil);

    getMetaMap(evil.doc).set('schemaVersion', 999);
    await waitFor(() => closes.length > 0 || readSchemaVersion(contentRoom().doc) !== CURRENT_SCHEMA_VERSION);
    expect(readSchemaVersion(contentRoom().doc)).toBe(CURRENT_SCHEMA_VERSION);
    expect(closes[0]).toBe(CloseCode.ForbiddenScope);
    // The stock client reconnects and offers the same change again in its sync step 2: refused again.
    evil.provider.disconnect();

    const fromA = insertObject(a.doc, note('still syncing'));
    const fromB = insertObject(b.doc, note('both ways'));
    await waitFor(() => {
      expect(getObjectsMap(b.doc).has(fromA)).toBe(true);
      expect(getObjectsMap(a.doc).has(fromB)).toBe(true);
    });
    expect(readSchemaVersion(contentRoom().doc)).toBe(CURRENT_SCHEMA_VERSION);
    expect(readSchemaVersion(a.doc)).toBe(CURRENT_SCHEMA_VERSION);
    expect(readSchemaVersion(b.doc)).toBe(CURRENT_SCHEMA_VERSION);

    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    server = await startTestServer({ dataDir: server.dataDir });
    const reader = await join(board.id, board.tokens.observer);
    expect(readSchemaVersion(reader.doc)).toBe(CURRENT_SCHEMA_VERSION);
    expect(getObjectsMap(reader.doc).has(fromA) && getObjectsMap(reader.doc).has(fromB)).toBe(true);
  });

  it('the same refusal for a raw sync step 2 and a raw update, and a refusal for an update with missing dependencies', async () => {
    const witness = await join();
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(witness.doc));
    const before = Y.encodeStateVector(attacker);
    getMetaMap(attacker).delete('schemaVersion');
    attacker.getMap('stray').set('x', 1);
    const forbidden = Y.encodeStateAsUpdate(attacker, before);

    for (const syncType of [1, 2]) {
      const socket = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);
      const message = encodeSyncUpdate(forbidden);
      message[1] = syncType; // the sync type's byte: 1 = sync step 2, 2 = update
      socket.socket.send(message);
      expect(await socket.closed).toBe(CloseCode.ForbiddenScope);
    }

    // Typing into a note the server has never received.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(witness.doc));
    const unsent = insertObject(offline, note('never sent'));
    const typed: Uint8Array[] = [];
    offline.on('update', (update: Uint8Array) => typed.push(update));
    getObjectText(getObjectsMap(offline).get(unsent)!)!.insert(0, 'x');
    const socket = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);
    socket.socket.send(encodeSyncUpdate(typed[0]!));
    expect(await socket.closed).toBe(CloseCode.MissingDependencies);

    const marker = insertObject(witness.doc, note('marker'));
    await waitFor(() => expect(getObjectsMap(contentRoom().doc).has(marker)).toBe(true));
    expect(readSchemaVersion(contentRoom().doc)).toBe(CURRENT_SCHEMA_VERSION);
    expect(contentRoom().doc.share.has('stray')).toBe(false);
    expect(getObjectsMap(contentRoom().doc).has(unsent)).toBe(false);
  });

  it('a client reconnecting with offline edits is not refused, also after the server rewrote meta', async () => {
    const a = await join();
    const b = await join();
    const closes = serverCloses(a);
    const shared = insertObject(b.doc, note('shared note'));
    const doomed = insertObject(b.doc, note('doomed'));
    // A server-side write to meta (as a migration does) replaces the old value:
    // every client's sync step 2 from now on repeats that deletion.
    const room = contentRoom().doc;
    room.transact(() => getMetaMap(room).set('schemaVersion', CURRENT_SCHEMA_VERSION), MIGRATION);
    const serverClock = Y.getState(room.store, room.clientID);
    await waitFor(() => {
      expect(getObjectsMap(a.doc).has(doomed)).toBe(true);
      expect(Y.getState(a.doc.store, room.clientID)).toBe(serverClock);
    });

    a.provider.disconnect();
    const made = insertObject(a.doc, note('made offline'));
    getObjectText(getObjectsMap(a.doc).get(made)!)!.insert(4, ' and typed');
    updateObject(a.doc, made, { x: 300 });
    getObjectText(getObjectsMap(a.doc).get(shared)!)!.insert(0, 'offline: ');
    getObjectsMap(a.doc).delete(doomed);
    // Meanwhile others keep working on the same note.
    getObjectText(getObjectsMap(b.doc).get(shared)!)!.insert(11, ' (online)');

    a.provider.connect();
    await waitFor(() => {
      expect(textOf(b.doc, made)).toBe('made and typed offline');
      expect(textOf(b.doc, shared)).toBe('offline: shared note (online)');
      expect(getObjectsMap(b.doc).has(doomed)).toBe(false);
      expect(textOf(a.doc, shared)).toBe('offline: shared note (online)');
    });
    expect(closes).toEqual([]);
  });

  it('an edit sent before the sync step 2 that carries what it builds on is refused, and the client recovers on its own', async () => {
    const a = await join();
    const b = await join();
    const closes = serverCloses(a);
    a.provider.disconnect();
    const made = insertObject(a.doc, note('offline'));
    // Typed in the instant between the socket opening and the sync step 2:
    // the stock client sends it at once, before the note it edits.
    let typedEarly = false;
    a.provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected' || typedEarly) return;
      typedEarly = true;
      getObjectText(getObjectsMap(a.doc).get(made)!)!.insert(7, ' early');
    });
    a.provider.connect();
    await waitFor(() => expect(getObjectsMap(b.doc).has(made) && textOf(b.doc, made)).toBe('offline early'));
    expect(closes).toEqual([CloseCode.MissingDependencies]);
  });

  it('a facilitator may write the control document’s settings, but no other root', async () => {
    const facilitator = await join(roomName(board.id, 'control'), board.tokens.facilitator);
    const observer = await join(roomName(board.id, 'control'), board.tokens.observer);
    const closes = serverCloses(facilitator);
    getSettingsMap(facilitator.doc).set('title', 'Renamed');
    await waitFor(() => expect(readBoardTitle(observer.doc)).toBe('Renamed'));
    facilitator.doc.getMap('stray').set('x', 1);
    await waitFor(() => expect(closes).toContain(CloseCode.ForbiddenScope));
    facilitator.provider.disconnect();
    const late = connectClient(server.syncUrl, roomName(board.id, 'control'), board.tokens.observer);
    clients.push(late);
    await waitFor(() => expect(late.provider.synced).toBe(true));
    expect(readBoardTitle(late.doc)).toBe('Renamed');
    expect(late.doc.share.has('stray')).toBe(false);
  });
});
