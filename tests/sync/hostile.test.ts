import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MAX_OBJECT_TEXT, getObjectsMap, insertObject } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { encodeAwareness, encodeSyncUpdate, openRawSocket, type RawSocket } from '../support/rawSocket.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });

describe('hostile input closes only the offending connection', () => {
  let server: TestServer;
  let board: CreatedBoard;
  let a: Client;
  let b: Client;
  const raw: RawSocket[] = [];

  beforeEach(async () => {
    server = await startTestServer({ env: { MAX_PAYLOAD_BYTES: String(64 * 1024) } });
    board = await server.createBoard('Hostile');
    a = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    b = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
  });
  afterEach(async () => {
    for (const socket of raw.splice(0)) socket.socket.terminate();
    a.destroy();
    b.destroy();
    await server.close();
  });

  const attacker = async () => {
    const socket = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);
    raw.push(socket);
    return socket;
  };

  /** The honest clients still sync both ways after the attack. */
  const expectOthersStillSync = async () => {
    const fromA = insertObject(a.doc, note('after attack, from a'));
    const fromB = insertObject(b.doc, note('after attack, from b'));
    await waitFor(() => {
      expect(getObjectsMap(b.doc).has(fromA)).toBe(true);
      expect(getObjectsMap(a.doc).has(fromB)).toBe(true);
    });
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  };

  const cases: Array<[string, number, () => Uint8Array | string]> = [
    ['random bytes', CloseCode.MalformedMessage, () => new Uint8Array([0, 9, 200, 1, 2, 3])],
    ['a truncated sync message', CloseCode.MalformedMessage, () => new Uint8Array([0, 0, 50, 1])],
    ['an unknown message type', CloseCode.UnknownMessageType, () => new Uint8Array([77, 1, 2])],
    ['an update Yjs cannot read', CloseCode.InvalidUpdate, () => encodeSyncUpdate(new Uint8Array([1, 1, 250, 250, 250, 250, 15, 7, 7, 7]))],
    ['a text frame', CloseCode.TextFrame, () => 'hello'],
    ['an oversized frame', CloseCode.MessageTooBig, () => new Uint8Array(65 * 1024)],
  ];

  for (const [name, code, payload] of cases) {
    it(`${name} → close ${code}`, async () => {
      const socket = await attacker();
      socket.socket.send(payload());
      expect(await socket.closed).toBe(code);
      await expectOthersStillSync();
    });
  }

  it('a wrong or missing token is refused with 401 before the upgrade', async () => {
    await expect(openRawSocket(`${server.syncUrl}/${board.id}?token=wrong`)).rejects.toMatchObject({ status: 401 });
    await expect(openRawSocket(`${server.syncUrl}/${board.id}`)).rejects.toMatchObject({ status: 401 });
    const other = await server.createBoard('Other');
    await expect(openRawSocket(`${server.syncUrl}/${board.id}?token=${other.tokens.facilitator}`)).rejects.toMatchObject({ status: 401 });
    await expect(openRawSocket(`${server.syncUrl}/not-a-board-id-at-all?token=x`)).rejects.toMatchObject({ status: 401 });
    const response = await fetch(`${server.url}/sync/${board.id}?token=wrong`, { headers: { connection: 'upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' } }).catch(() => null);
    if (response) {
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('Hostile');
    }
    await expectOthersStillSync();
  });

  it('forged awareness for another client id never reaches anyone (unbound forger)', async () => {
    const seenNames = new Set<string>();
    b.provider.awareness.on('change', () => {
      for (const state of b.provider.awareness.getStates().values()) {
        const name = (state as { user?: { name?: string } }).user?.name;
        if (name) seenNames.add(name);
      }
    });
    a.provider.awareness.setLocalStateField('user', { name: 'Amira', color: '#aa0000' });
    await waitFor(() => expect(seenNames.has('Amira')).toBe(true));

    const socket = await attacker();
    socket.socket.send(encodeAwareness(a.doc.clientID, 10_000, { user: { name: 'Forged Amira', color: '#000000' } }));
    // Same socket, so handled after the forgery: the attacker's own state.
    socket.socket.send(encodeAwareness(424242, 1, { user: { name: 'attacker-sentinel', color: '#000000' } }));
    await waitFor(() => expect(seenNames.has('attacker-sentinel')).toBe(true));
    expect(seenNames.has('Forged Amira')).toBe(false);
    expect((b.provider.awareness.getStates().get(a.doc.clientID) as { user: { name: string } }).user.name).toBe('Amira');
  });

  it('a connection that speaks for one client id and then forges another is closed', async () => {
    const seenNames = new Set<string>();
    b.provider.awareness.on('change', () => {
      for (const state of b.provider.awareness.getStates().values()) {
        const name = (state as { user?: { name?: string } }).user?.name;
        if (name) seenNames.add(name);
      }
    });
    const socket = await attacker();
    socket.socket.send(encodeAwareness(999001, 1, { user: { name: 'Mallory', color: '#000000' } }));
    await waitFor(() => expect(seenNames.has('Mallory')).toBe(true));
    socket.socket.send(encodeAwareness(a.doc.clientID, 10_000, { user: { name: 'Forged', color: '#000000' } }));
    expect(await socket.closed).toBe(CloseCode.AwarenessForged);
    await expectOthersStillSync();
    expect(seenNames.has('Forged')).toBe(false);
  });

  it('awareness that fails the schema, or claims a role it does not have, is refused', async () => {
    const invalid = await attacker();
    invalid.socket.send(encodeAwareness(999002, 1, { user: { name: 'x'.repeat(500), color: 'red' }, sneaky: true }));
    expect(await invalid.closed).toBe(CloseCode.AwarenessInvalid);
    const impostor = await attacker();
    impostor.socket.send(encodeAwareness(999003, 1, { role: 'facilitator' }));
    expect(await impostor.closed).toBe(CloseCode.AwarenessForged);
    const summoner = await attacker();
    summoner.socket.send(encodeAwareness(999004, 1, { summon: { nonce: 'n', viewport: { x: 0, y: 0, zoom: 1, width: 10, height: 10 } } }));
    expect(await summoner.closed).toBe(CloseCode.AwarenessForged);
    await expectOthersStillSync();
  });

  it('a client that stops reading is dropped instead of buffered without bound', async () => {
    await server.close();
    server = await startTestServer({ env: { MAX_BUFFERED_BYTES: String(256 * 1024), MAX_PAYLOAD_BYTES: String(1024 * 1024), MAX_BOARD_BYTES: String(1024 * 1024 * 1024) } });
    board = await server.createBoard('Slow');
    a.destroy();
    b.destroy();
    a = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    b = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    const slow = await attacker();
    // Stop reading: the kernel buffers fill, then the server's send queue grows.
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    await waitFor(() => expect(server.app.rooms.stats().connections).toBe(3));

    // About 200 KB an update: ten notes of the longest text a note may hold (MAX_OBJECT_TEXT).
    const full = 'x'.repeat(MAX_OBJECT_TEXT);
    for (let round = 0; round < 200 && server.app.rooms.stats().connections === 3; round += 1) {
      let id = '';
      a.doc.transact(() => {
        for (let i = 0; i < 10; i += 1) id = insertObject(a.doc, note(full));
      });
      await waitFor(() => expect(getObjectsMap(b.doc).has(id)).toBe(true));
    }
    await waitFor(() => expect(server.app.rooms.stats().connections).toBe(2));
    await expectOthersStillSync();
  });
});
