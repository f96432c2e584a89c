import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, insertObject, roomName } from '@clapboard/shared';
import { connectClient, connectSynced, type Client } from '../support/clients.ts';
import { UnexpectedResponse, encodeAwareness, openRawSocket, type RawSocket } from '../support/rawSocket.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });

/** A sync step 1 with an empty state vector: "send me the whole board". */
function emptyStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(encoder);
}

const QUERY_AWARENESS = new Uint8Array([MessageType.QueryAwareness]);

/** The Yjs updates of every sync step 2 a raw socket received. */
function step2Updates(socket: RawSocket): Uint8Array[] {
  const updates: Uint8Array[] = [];
  for (const message of socket.messages) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.Sync || decoding.readVarUint(decoder) !== 1) continue;
    updates.push(decoding.readVarUint8Array(decoder));
  }
  return updates;
}

/** Every sync step 2 (1) and update (2) the socket received, in order, as [type, update]. */
function syncPayloads(socket: RawSocket): Array<[number, Uint8Array]> {
  const payloads: Array<[number, Uint8Array]> = [];
  for (const message of socket.messages) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.Sync) continue;
    const type = decoding.readVarUint(decoder);
    if (type === 1 || type === 2) payloads.push([type, decoding.readVarUint8Array(decoder)]);
  }
  return payloads;
}

describe('read-only connections cannot make the server work or send without bound', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  const raw: RawSocket[] = [];
  const start = async (env: Record<string, string>) => {
    server = await startTestServer({ env });
    board = await server.createBoard('Amplification');
  };
  const observer = async () => {
    const socket = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.observer}`);
    raw.push(socket);
    return socket;
  };
  const join = async (token = board.tokens.participant) => {
    const client = await connectSynced(server.syncUrl, board.id, token);
    clients.push(client);
    return client;
  };

  afterEach(async () => {
    for (const socket of raw.splice(0)) socket.socket.terminate();
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('repeated whole-board requests are answered up to the burst, then the connection is closed with RateLimited', async () => {
    await start({ RATE_FULL_READS_BURST: '3', RATE_FULL_READS_PER_MINUTE: '1' });
    const writer = await join();
    insertObject(writer.doc, note('something to send'));
    const socket = await observer();
    for (let index = 0; index < 50; index += 1) socket.socket.send(emptyStep1());
    expect(await socket.closed).toBe(CloseCode.RateLimited);
    expect(step2Updates(socket).length).toBeLessThanOrEqual(3);
    await join();
  });

  it('query-awareness counts against the same budget', async () => {
    await start({ RATE_FULL_READS_BURST: '2', RATE_FULL_READS_PER_MINUTE: '1' });
    const socket = await observer();
    for (let index = 0; index < 20; index += 1) socket.socket.send(QUERY_AWARENESS);
    expect(await socket.closed).toBe(CloseCode.RateLimited);
  });

  it('a flood of messages closes its connection with RateLimited, and only it', async () => {
    await start({ RATE_MESSAGES_BURST: '20', RATE_MESSAGES_PER_SECOND: '1' });
    const a = await join();
    const b = await join();
    const socket = await observer();
    for (let index = 0; index < 100; index += 1) socket.socket.send(encodeAwareness(31337, index + 1, { user: { name: 'Flood', color: '#000000' } }));
    expect(await socket.closed).toBe(CloseCode.RateLimited);
    const id = insertObject(a.doc, note('unaffected'));
    await waitFor(() => expect(b.doc.getMap('objects').has(id)).toBe(true));
  });

  it('cached replies stay correct: identical while nothing changes, new after an edit', async () => {
    await start({});
    const writer = await join();
    insertObject(writer.doc, note('first'));
    await waitFor(() => expect(server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc.getMap('objects').size).toBe(1));
    const socket = await observer();
    socket.socket.send(emptyStep1());
    socket.socket.send(emptyStep1());
    await waitFor(() => expect(step2Updates(socket)).toHaveLength(2));
    const [first, second] = step2Updates(socket);
    expect(second).toEqual(first);
    const secondNote = insertObject(writer.doc, note('second'));
    await waitFor(() => expect(server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc.getMap('objects').has(secondNote)).toBe(true));
    // A newcomer after the edit: the same encoding of the board, then the edit since as an update (SyncReplyCache).
    const late = await observer();
    late.socket.send(emptyStep1());
    // (Updates relayed to this socket may come before the reply; the reply's own update follows its step 2.)
    const reply = () => syncPayloads(late).slice(syncPayloads(late).findIndex(([type]) => type === 1));
    await waitFor(() => expect(reply().map(([type]) => type).slice(0, 2)).toEqual([1, 2]));
    expect(step2Updates(late)[0]).toEqual(first);
    const reader = new Y.Doc();
    for (const [, update] of reply().slice(0, 2)) Y.applyUpdate(reader, update);
    expect(reader.getMap('objects').size).toBe(2);
    expect(reader.getMap('objects').has(secondNote)).toBe(true);
  });

  it('a board takes at most MAX_CONNECTIONS_PER_BOARD connections per document; more get 503 BOARD_FULL', async () => {
    await start({ MAX_CONNECTIONS_PER_BOARD: '2' });
    await join();
    await join();
    const refused = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.observer}`).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnexpectedResponse);
    expect((refused as UnexpectedResponse).status).toBe(503);
    // The control document counts separately.
    const control = connectClient(server.syncUrl, roomName(board.id, 'control'), board.tokens.participant);
    clients.push(control);
    await waitFor(() => control.provider.synced);
  });

  it('presence past MAX_PRESENCE_PER_BOARD stays invisible instead of crowding everyone', async () => {
    await start({ MAX_PRESENCE_PER_BOARD: '2' });
    const people = [await join(), await join(), await join()];
    people.forEach((person, index) => person.provider.awareness.setLocalStateField('user', { name: `P${index}`, color: '#123456' }));
    const watcher = people[0]!;
    await waitFor(() => expect([...watcher.provider.awareness.getStates().keys()]).toContain(people[1]!.provider.awareness.clientID));
    const room = server.app.rooms.get({ boardId: board.id, doc: 'content' })!;
    await waitFor(() => expect(room.awareness.getStates().size).toBe(2));
    expect(room.awareness.getStates().has(people[2]!.provider.awareness.clientID)).toBe(false);
  });

  it('an observer’s cursor and selection reach nobody; their name does', async () => {
    await start({});
    const participant = await join();
    const watcher = await join(board.tokens.observer);
    watcher.provider.awareness.setLocalState({
      user: { name: 'Council observer', color: '#654321' },
      cursor: { x: 10, y: 20 },
      selection: ['someNoteId'],
    });
    const id = watcher.provider.awareness.clientID;
    await waitFor(() => expect(participant.provider.awareness.getStates().get(id)).toMatchObject({ user: { name: 'Council observer' } }));
    const seen = participant.provider.awareness.getStates().get(id)!;
    expect(seen).not.toHaveProperty('cursor');
    expect(seen).not.toHaveProperty('selection');
  });
});
