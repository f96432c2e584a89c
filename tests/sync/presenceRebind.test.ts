import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectSynced, type Client } from '../support/clients.ts';
import { encodeAwareness, openRawSocket } from '../support/rawSocket.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

describe('presence after a reconnect', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];

  beforeEach(async () => {
    server = await startTestServer({ env: { ROOM_IDLE_MS: '60000' } });
    board = await server.createBoard('Rebind');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  /** Amira with a presence, and a facilitator watching presence. */
  const amiraAndWatcher = async () => {
    const amira = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    const watcher = await connectSynced(server.syncUrl, board.id, board.tokens.facilitator);
    clients.push(amira, watcher);
    amira.provider.awareness.setLocalStateField('user', { name: 'Amira', color: '#aa0000' });
    return { amira, watcher, id: amira.provider.awareness.clientID };
  };

  it('a person who drops and comes back is visible again at once, not after their next renewal', async () => {
    const { amira, watcher, id } = await amiraAndWatcher();
    const visible = () => watcher.provider.awareness.getStates().has(id);
    await waitFor(() => expect(visible()).toBe(true));

    amira.provider.disconnect();
    await waitFor(() => expect(visible()).toBe(false));
    amira.provider.connect();
    // y-protocols renews a state only every 15 s; well before that she must be back.
    await waitFor(() => expect(visible()).toBe(true), { timeout: 5_000 });
    expect(watcher.provider.awareness.getStates().get(id)).toMatchObject({ user: { name: 'Amira' } });
  });

  it('an id whose owner is still connected is not taken over', async () => {
    const { amira, watcher, id } = await amiraAndWatcher();
    await waitFor(() => expect(watcher.provider.awareness.getStates().has(id)).toBe(true));
    const room = server.app.rooms.get({ boardId: board.id, doc: 'content' })!;
    const clock = room.awareness.meta.get(id)!.clock;
    const impostor = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);
    impostor.socket.send(encodeAwareness(id, clock + 5, { user: { name: 'Impostor', color: '#000000' } }));
    impostor.socket.send(encodeAwareness(777_777, 1, { user: { name: 'sentinel', color: '#000000' } }));
    await waitFor(() => expect(watcher.provider.awareness.getStates().has(777_777)).toBe(true));
    expect(watcher.provider.awareness.getStates().get(id)).toMatchObject({ user: { name: 'Amira' } });
    impostor.socket.terminate();
  });
});
