import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessFanoutHub, SqliteBoardStore, type DocKey, type StoredDocument } from '@clapboard/server';
import { MessageType, getObjectsMap, insertObject, readAllObjects } from '@clapboard/shared';
import { openRawSocket, type RawSocket } from '../support/rawSocket.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

/**
 * A fresh client joining a board that is not loaded is sent the stored bytes
 * before the server has built the board's document (server/src/sync/
 * storedStateReply.ts). What it must still get: everything, including what
 * changed between that read and the build (here, another process's edit).
 */

const note = (i: number) => ({ type: 'note' as const, x: i * 10, y: 0, width: 200, height: 200, z: i, frameId: null, color: 'yellow' as const, text: `stored ${i}` });

/** A store that, right after reading a content document, lets `afterRead` run (another process writing, say). */
class ReadHookStore extends SqliteBoardStore {
  afterRead: ((key: DocKey) => Promise<void>) | null = null;
  override async loadDocument(key: DocKey): Promise<StoredDocument> {
    const stored = await super.loadDocument(key);
    const hook = this.afterRead;
    if (key.doc === 'content' && hook) {
      this.afterRead = null;
      await hook(key);
    }
    return stored;
  }
}

/** Board content as a client has it: an empty step 1 sent on open, then every sync message applied. */
function syncingClient(raw: RawSocket): { doc: Y.Doc; kinds: string[]; step2Bytes: () => number } {
  const doc = new Y.Doc();
  const kinds: string[] = [];
  let step2Bytes = 0;
  let seen = 0;
  const readNew = () => {
    for (; seen < raw.messages.length; seen += 1) {
      const decoder = decoding.createDecoder(raw.messages[seen]!);
      if (decoding.readVarUint(decoder) !== MessageType.Sync) continue;
      const type = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      kinds.push(type === syncProtocol.messageYjsSyncStep1 ? 'step1' : type === syncProtocol.messageYjsSyncStep2 ? 'step2' : 'update');
      if (type === syncProtocol.messageYjsSyncStep2) step2Bytes += payload.byteLength;
      if (type !== syncProtocol.messageYjsSyncStep1) Y.applyUpdate(doc, payload);
    }
  };
  raw.socket.on('message', readNew);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  raw.socket.send(encoding.toUint8Array(encoder));
  return { doc, kinds, step2Bytes: () => step2Bytes };
}

describe('a cold join answered from storage', () => {
  const servers: TestServer[] = [];
  const sockets: RawSocket[] = [];
  afterEach(async () => {
    for (const raw of sockets.splice(0)) raw.socket.terminate();
    for (const server of servers.splice(0)) await server.close();
  });

  it('sends the stored board first, then what changed while it was built', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-stored-reply-'));
    const filename = path.join(dir, 'shared.sqlite');
    const hub = new InProcessFanoutHub();
    const store = new ReadHookStore({ filename });
    const server = await startTestServer({ dataDir: dir, store, fanout: hub.connect(), env: { ROOM_IDLE_MS: '0' } });
    servers.push(server);
    const board = await server.createBoard('Cold');
    const key = { boardId: board.id, doc: 'content' as const };
    await waitFor(() => expect(server.app.rooms.stats().rooms).toBe(0));

    // What storage holds: a snapshot (a compaction) and a tail of updates after it.
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 40; i += 1) insertObject(writer, note(i));
    for (const update of updates.splice(0)) await store.appendUpdate(key, update);
    await store.compactLog(key);
    for (let i = 40; i < 43; i += 1) insertObject(writer, note(i));
    for (const update of updates.splice(0)) await store.appendUpdate(key, update);
    const stored = await store.loadDocument(key);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBe(3);
    const storedBytes = stored.snapshot!.byteLength + stored.updates.reduce((sum, update) => sum + update.byteLength, 0);

    // Another process stores and publishes an edit after this one read the board, before it built it.
    const otherProcess = hub.connect();
    let lateId = '';
    store.afterRead = async (readKey) => {
      lateId = insertObject(writer, { ...note(99), text: 'written elsewhere during the load' });
      const update = updates.splice(0)[0]!;
      await store.appendUpdate(readKey, update);
      await otherProcess.publish(`${readKey.boardId}:${readKey.doc}`, { kind: 'update', update });
    };

    const raw = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);
    sockets.push(raw);
    const client = syncingClient(raw);

    await waitFor(() => expect(getObjectsMap(client.doc).has(lateId)).toBe(true));
    const room = server.app.rooms.get(key)!;
    await waitFor(() => expect(readAllObjects(client.doc)).toEqual(readAllObjects(room.doc)));
    expect(getObjectsMap(client.doc).size).toBe(44);
    // Before the server's own step 1 (sent when the connection is attached,
    // after the build): the three stored updates, then the snapshot as step 2.
    expect(client.kinds.slice(0, 5)).toEqual(['update', 'update', 'update', 'step2', 'step1']);
    // The second answer carries what changed, not the board again.
    expect(client.step2Bytes()).toBeLessThan(storedBytes * 1.5);
  });

  it('answers a board that is already loaded the ordinary way', async () => {
    const server = await startTestServer({ env: { ROOM_IDLE_MS: '60000' } });
    servers.push(server);
    const board = await server.createBoard('Warm');
    const open = async () => {
      const raw = await openRawSocket(`${server.syncUrl}/${board.id}?token=${board.tokens.participant}`);
      sockets.push(raw);
      return syncingClient(raw);
    };
    const first = await open();
    await waitFor(() => expect(first.kinds).toContain('step2'));
    const second = await open();
    await waitFor(() => expect(second.kinds).toContain('step2'));
    expect(second.kinds[0]).toBe('step1');
  });
});
