/**
 * The durability receipt, with the real y-websocket provider against a real
 * server, in the real message order. A store that holds appends makes the
 * "received but not yet stored" window observable without timing tricks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_USER_ORIGIN, NOTE_SIZE, getObjectsMap, insertObject, roomName } from '@clapboard/shared';
import { MemoryBoardStore } from '@clapboard/server';
import { watchLocalObjectEdits } from '../../client/src/connection/changedObjects.ts';
import { ConnectionTracker } from '../../client/src/connection/connectionTracker.ts';
import { DurabilityProbe } from '../../client/src/connection/durabilityProbe.ts';
import { connectClient, type Client } from '../support/clients.ts';
import { GatedStore } from '../support/gatedStore.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

let server: TestServer | undefined;
let store: GatedStore | undefined;
let client: Client | undefined;

afterEach(async () => {
  client?.destroy();
  store?.release();
  await server?.close();
  client = undefined;
  server = undefined;
});

/** A provider wired to a tracker and a probe exactly as the board page wires them. */
async function wiredClient() {
  store = new GatedStore(new MemoryBoardStore());
  server = await startTestServer({ store });
  const board = await server.createBoard('Receipt');
  client = connectClient(server.syncUrl, roomName(board.id, 'content'), board.tokens.participant, { connect: false });
  const { provider, doc } = client;
  const tracker = new ConnectionTracker();
  provider.on('status', ({ status }: { status: string }) => tracker.socket(status === 'connected'));
  provider.on('sync', (synced: boolean) => tracker.sync(synced));
  new DurabilityProbe(provider, () => tracker.checkpoint(), (checkpoint) => tracker.storedUpTo(checkpoint));
  watchLocalObjectEdits(doc, (origin) => origin === LOCAL_USER_ORIGIN, (ids) => tracker.localEdit(ids));
  let count = 0;
  const addNote = () => {
    const id = `note-${++count}`;
    doc.transact(() => insertObject(doc, { id, type: 'note', x: 0, y: 0, width: NOTE_SIZE, height: NOTE_SIZE, z: 1, frameId: null, color: 'yellow', text: id }), LOCAL_USER_ORIGIN);
  };
  return { provider, doc, tracker, addNote, store };
}

describe('durability receipt', () => {
  it('keeps offline edits counted until the server has stored them', async () => {
    const { provider, tracker, addNote, store } = await wiredClient();
    tracker.setWantConnected(false);
    addNote();
    addNote();
    expect(tracker.current.unsynced).toBe(2);

    store.hold();
    tracker.setWantConnected(true);
    provider.connect();
    await waitFor(() => store.waiting > 0 && provider.synced);
    expect(tracker.current).toEqual({ status: 'live', unsynced: 2 });

    store.release();
    await waitFor(() => tracker.current.unsynced === 0);
  });

  it('also clears edits made between the probe and being live, with a second probe', async () => {
    const { provider, doc, tracker, addNote } = await wiredClient();
    tracker.setWantConnected(false);
    addNote();
    // Make one more edit the instant the probe (the socket's second step 1) leaves,
    // before the server's answer makes the provider synced.
    let step1s = 0;
    provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      const socket = provider.ws!;
      const send = socket.send.bind(socket);
      socket.send = (data: Parameters<typeof send>[0]) => {
        send(data);
        const bytes = data as Uint8Array;
        // [messageSync = 0, messageYjsSyncStep1 = 0, …]
        if (bytes[0] === 0 && bytes[1] === 0 && ++step1s === 2) addNote();
      };
    });
    tracker.setWantConnected(true);
    provider.connect();
    await waitFor(() => step1s >= 2);
    await waitFor(() => tracker.current.status === 'live' && tracker.current.unsynced === 0);
    expect(getObjectsMap(doc).size).toBe(2);
  });
});
