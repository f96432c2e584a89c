import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryBoardStore } from '@clapboard/server';
import { CloseCode, MAX_OBJECT_TEXT, SERVER_WRITTEN_CONTROL_ROOTS, getObjectsMap, insertObject, roomName } from '@clapboard/shared';
import { connectClient, connectSynced, type Client } from '../support/clients.ts';
import { GatedStore } from '../support/gatedStore.ts';
import { openRawSocket } from '../support/rawSocket.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });
// A feature adds its own reason for writing, from its own module.
declare module '@clapboard/shared' {
  interface ServerWriteReasons {
    'test-write': true;
  }
}
const TEMPLATE = Object.freeze({ kind: 'server', reason: 'test-write' } as const);

describe('the server writes into boards with its own Yjs client', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('transactDurably resolves only once the write is stored, and every client then gets it', async () => {
    const store = new GatedStore(new MemoryBoardStore());
    server = await startTestServer({ store });
    board = await server.createBoard('Server writes');
    const reader = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    clients.push(reader);
    const key = { boardId: board.id, doc: 'content' as const };
    store.hold();
    let written = '';
    let settled = false;
    const saving = server.app.rooms.withRoom(key, (room) =>
      room.transactDurably(() => {
        written = insertObject(room.doc, note('from a template'));
      }, TEMPLATE),
    );
    void saving.then(() => {
      settled = true;
    });
    await waitFor(() => expect(store.waiting).toBe(1));
    expect(settled).toBe(false);
    expect(getObjectsMap(reader.doc).has(written)).toBe(false);
    store.release();
    await saving;
    await waitFor(() => expect(getObjectsMap(reader.doc).has(written)).toBe(true));
    // A transaction that changes nothing has nothing to wait for.
    await server.app.rooms.withRoom(key, (room) => room.transactDurably(() => {}, TEMPLATE));
  });

  it('a server-written root reaches clients, and a client that writes it is refused', async () => {
    server = await startTestServer();
    board = await server.createBoard('Rounds');
    const control = { boardId: board.id, doc: 'control' as const };
    const root = SERVER_WRITTEN_CONTROL_ROOTS[0]!;
    const facilitator = connectClient(server.syncUrl, roomName(board.id, 'control'), board.tokens.facilitator);
    clients.push(facilitator);
    await waitFor(() => facilitator.provider.synced);
    await server.app.rooms.withRoom(control, (room) => room.transactDurably(() => room.doc.getMap(root).set('r1', 'open'), TEMPLATE));
    await waitFor(() => expect(facilitator.doc.getMap(root).get('r1')).toBe('open'));
    const closed = new Promise<number>((resolve) => facilitator.provider.on('connection-close', (event) => event && resolve(event.code)));
    facilitator.doc.getMap(root).set('r1', 'forged');
    expect(await closed).toBe(CloseCode.ForbiddenScope);
  });

  it('after withRoom the board is released and unloads when idle', async () => {
    server = await startTestServer({ env: { ROOM_IDLE_MS: '20' } });
    board = await server.createBoard('Released');
    await server.app.rooms.withRoom({ boardId: board.id, doc: 'content' }, () => undefined);
    await expect(server.app.rooms.withRoom({ boardId: board.id, doc: 'content' }, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await waitFor(() => expect(server.app.rooms.stats().rooms).toBe(0));
  });
});

describe('message kinds registered by feature modules', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('a registered type from 100 up is handled by its module; an unregistered one still closes with UnknownMessageType', async () => {
    server = await startTestServer({
      beforeListen: (app) => {
        app.syncMessages.register(100, ({ connection, decoder }) => {
          const echo = encoding.createEncoder();
          encoding.writeVarUint(echo, 100);
          encoding.writeVarString(echo, `${connection.role}:${decoding.readVarString(decoder)}`);
          connection.send(encoding.toUint8Array(echo));
        });
      },
    });
    expect(() => server.app.syncMessages.register(100, () => {})).toThrow(/already registered/);
    expect(() => server.app.syncMessages.register(3, () => {})).toThrow(/start at 100/);
    const board = await server.createBoard('Extensions');
    const socket = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 100);
    encoding.writeVarString(message, 'hello');
    socket.socket.send(encoding.toUint8Array(message));
    await waitFor(() => {
      const reply = socket.messages.map((bytes) => decoding.createDecoder(bytes)).find((decoder) => decoding.readVarUint(decoder) === 100);
      expect(reply && decoding.readVarString(reply)).toBe('participant:hello');
    });
    socket.socket.send(new Uint8Array([101]));
    expect(await socket.closed).toBe(CloseCode.UnknownMessageType);
  });
});

describe('a connection closed for not reading learns why', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('receives SlowConsumer once it reads again', async () => {
    server = await startTestServer({ env: { MAX_BUFFERED_BYTES: String(256 * 1024), MAX_PAYLOAD_BYTES: String(1024 * 1024), MAX_BOARD_BYTES: String(1024 * 1024 * 1024) } });
    const board = await server.createBoard('Slow');
    const writer = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    const slow = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.observer}`);
    const tcp = (slow.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    tcp.pause();
    const room = () => server.app.rooms.get({ boardId: board.id, doc: 'content' })!;
    const serverSideOpen = () => [...room().allConnections()].filter((connection) => connection.open).length;
    // About 200 KB an update: ten notes of the longest text a note may hold (MAX_OBJECT_TEXT).
    const full = 'x'.repeat(MAX_OBJECT_TEXT);
    for (let round = 0; round < 200 && serverSideOpen() === 2; round += 1) {
      let id = '';
      writer.doc.transact(() => {
        for (let i = 0; i < 10; i += 1) id = insertObject(writer.doc, note(full));
      });
      await waitFor(() => expect(getObjectsMap(room().doc).has(id)).toBe(true));
    }
    expect(serverSideOpen()).toBe(1);
    tcp.resume();
    expect(await slow.closed).toBe(CloseCode.SlowConsumer);
    writer.destroy();
  });
});
