import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HIDE_CURSORS_SETTING, LOCAL_USER_ORIGIN, MessageType, getSettingsMap, readHideCursors, roomName } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import type { RawSocket } from '../support/rawSocket.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { openSync } from './support.ts';

/** Every awareness entry a raw socket received: client id and its state (null for a removal). */
function awarenessEntries(socket: RawSocket): Array<{ clientId: number; state: Record<string, unknown> | null }> {
  const entries: Array<{ clientId: number; state: Record<string, unknown> | null }> = [];
  for (const message of socket.messages) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.Awareness) continue;
    const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(inner);
    for (let index = 0; index < count; index += 1) {
      const clientId = decoding.readVarUint(inner);
      decoding.readVarUint(inner);
      entries.push({ clientId, state: JSON.parse(decoding.readVarString(inner)) });
    }
  }
  return entries;
}

const queryAwareness = () => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.QueryAwareness);
  return encoding.toUint8Array(encoder);
};

describe('hidden cursors: the relay strips them for everyone but facilitators', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  const sockets: RawSocket[] = [];
  let controls: Client;
  const join = async (room: string, token: string) => {
    const client = await connectSynced(server.syncUrl, room, token);
    clients.push(client);
    return client;
  };
  const setHidden = async (hidden: boolean) => {
    controls.doc.transact(() => {
      if (hidden) getSettingsMap(controls.doc).set(HIDE_CURSORS_SETTING, true);
      else getSettingsMap(controls.doc).delete(HIDE_CURSORS_SETTING);
    }, LOCAL_USER_ORIGIN);
    await waitFor(() => readHideCursors(server.app.rooms.get({ boardId: board.id, doc: 'control' })!.doc) === hidden);
  };
  const stateOf = (viewer: Client, clientId: number) => viewer.provider.awareness.getStates().get(clientId) as Record<string, unknown> | undefined;

  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Cursors');
    controls = await join(roomName(board.id, 'control'), board.tokens.facilitator);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const socket of sockets.splice(0)) socket.socket.terminate();
    await server.close();
  });

  it('participants and observers receive no cursor field, facilitators do; other fields stay', async () => {
    await setHidden(true);
    const facilitator = await join(board.id, board.tokens.facilitator);
    const bob = await join(board.id, board.tokens.participant);
    const observer = await join(board.id, board.tokens.observer);
    const raw = await openSync(server.syncUrl, board.id, board.tokens.participant);
    sockets.push(raw);
    const alice = await join(board.id, board.tokens.participant);
    const aliceId = alice.provider.awareness.clientID;
    alice.provider.awareness.setLocalState({ user: { name: 'Alice', color: '#aa0000' }, cursor: { x: 10, y: 20 }, selection: [] });
    await waitFor(() => expect(stateOf(facilitator, aliceId)?.cursor).toEqual({ x: 10, y: 20 }));
    for (const viewer of [bob, observer]) await waitFor(() => expect(stateOf(viewer, aliceId)).toEqual({ user: { name: 'Alice', color: '#aa0000' }, selection: [] }));

    alice.provider.awareness.setLocalStateField('cursor', { x: 30, y: 40 });
    alice.provider.awareness.setLocalStateField('selection', ['sentinel']);
    await waitFor(() => expect(stateOf(facilitator, aliceId)?.cursor).toEqual({ x: 30, y: 40 }));
    await waitFor(() => expect(stateOf(bob, aliceId)?.selection).toEqual(['sentinel']));
    expect(stateOf(bob, aliceId)).not.toHaveProperty('cursor');
    expect(stateOf(observer, aliceId)).not.toHaveProperty('cursor');

    // On the wire too, including the answer to "send me everyone's presence" and what a late joiner is sent.
    raw.socket.send(queryAwareness());
    const late = await openSync(server.syncUrl, board.id, board.tokens.participant);
    sockets.push(late);
    await waitFor(() => expect(awarenessEntries(late).some((entry) => entry.clientId === aliceId)).toBe(true));
    await waitFor(() => expect(awarenessEntries(raw).filter((entry) => entry.clientId === aliceId).length).toBeGreaterThanOrEqual(4));
    for (const socket of [raw, late]) {
      for (const entry of awarenessEntries(socket)) expect(entry.state ?? {}).not.toHaveProperty('cursor');
    }
  });

  it('a participant keeps their own cursor, and everyone sees cursors again once they are shown', async () => {
    await setHidden(true);
    const bob = await join(board.id, board.tokens.participant);
    const alice = await join(board.id, board.tokens.participant);
    const aliceId = alice.provider.awareness.clientID;
    alice.provider.awareness.setLocalState({ user: { name: 'Alice', color: '#aa0000' }, cursor: { x: 1, y: 2 } });
    await waitFor(() => expect(stateOf(bob, aliceId)?.user).toEqual({ name: 'Alice', color: '#aa0000' }));
    expect(stateOf(bob, aliceId)).not.toHaveProperty('cursor');
    expect(stateOf(alice, aliceId)?.cursor).toEqual({ x: 1, y: 2 });

    await setHidden(false);
    alice.provider.awareness.setLocalStateField('cursor', { x: 5, y: 6 });
    await waitFor(() => expect(stateOf(bob, aliceId)?.cursor).toEqual({ x: 5, y: 6 }));
  });
});
