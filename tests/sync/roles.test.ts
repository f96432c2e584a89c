import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getObjectsMap, getSettingsMap, insertObject, readAllObjects, readBoardTitle, roomName } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });

/**
 * Messages on one socket are handled in order, so once `watcher` sees an
 * awareness change that `sender` made after its edits, the server has
 * handled (and here: refused) those edits.
 */
async function barrier(sender: Client, watcher: Client): Promise<void> {
  const name = `barrier-${Math.random().toString(36).slice(2)}`;
  sender.provider.awareness.setLocalStateField('user', { name, color: '#123456' });
  await waitFor(() => {
    const state = watcher.provider.awareness.getStates().get(sender.doc.clientID) as { user?: { name: string } } | undefined;
    expect(state?.user?.name).toBe(name);
  });
}

describe('roles are enforced by the server', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  const join = async (room: string, token: string) => {
    const client = await connectSynced(server.syncUrl, room, token);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Roles');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it("an observer's edits change nothing anywhere", async () => {
    const participant = await join(board.id, board.tokens.participant);
    const observer = await join(board.id, board.tokens.observer);
    observer.doc.transact(() => insertObject(observer.doc, note('observer wrote this')));
    getObjectsMap(observer.doc).set('junk', new Y.Map());
    await barrier(observer, participant);
    const marker = insertObject(participant.doc, note('marker'));
    await waitFor(() => expect(getObjectsMap(observer.doc).has(marker)).toBe(true));

    expect(readAllObjects(participant.doc).map((o) => ('text' in o ? o.text : null))).toEqual(['marker']);
    const room = server.app.rooms.get({ boardId: board.id, doc: 'content' })!;
    expect([...getObjectsMap(room.doc).keys()]).toEqual([marker]);
    const late = await join(board.id, board.tokens.facilitator);
    expect([...getObjectsMap(late.doc).keys()]).toEqual([marker]);
  });

  it('a participant cannot change facilitator-only state, a facilitator can', async () => {
    const facilitator = await join(roomName(board.id, 'control'), board.tokens.facilitator);
    const participant = await join(roomName(board.id, 'control'), board.tokens.participant);
    expect(readBoardTitle(participant.doc)).toBe('Roles');

    getSettingsMap(participant.doc).set('title', 'Hijacked');
    participant.doc.getMap('rounds').set('r1', 'forged round');
    await barrier(participant, facilitator);
    getSettingsMap(facilitator.doc).set('title', 'Renamed by facilitator');

    await waitFor(() => expect(readBoardTitle(server.app.rooms.get({ boardId: board.id, doc: 'control' })!.doc)).toBe('Renamed by facilitator'));
    const fresh = await join(roomName(board.id, 'control'), board.tokens.observer);
    expect(readBoardTitle(fresh.doc)).toBe('Renamed by facilitator');
    expect(fresh.doc.getMap('rounds').size).toBe(0);
    expect(facilitator.doc.getMap('rounds').size).toBe(0);
  });

  it('an observer cannot write the control document either', async () => {
    const observer = await join(roomName(board.id, 'control'), board.tokens.observer);
    const facilitator = await join(roomName(board.id, 'control'), board.tokens.facilitator);
    getSettingsMap(observer.doc).set('title', 'Observer title');
    await barrier(observer, facilitator);
    expect(readBoardTitle(facilitator.doc)).toBe('Roles');
    // The observer's page hears what facilitators write after its refused edit.
    getSettingsMap(facilitator.doc).set('locked', true);
    await waitFor(() => expect(getSettingsMap(observer.doc).get('locked')).toBe(true));
  });
});
