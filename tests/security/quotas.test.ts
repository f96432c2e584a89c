import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, getObjectMap, getObjectsMap, insertObject, readObject, updateObject } from '@clapboard/shared';
import { connectSynced, firstServerClose, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const note = (text: string, x = 0) => ({ type: 'note' as const, x, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });


describe('per-board quotas', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  const join = async () => {
    const client = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    clients.push(client);
    return client;
  };
  const serverObjects = () => getObjectsMap(server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc);
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('past MAX_OBJECTS_PER_BOARD a new object is refused with BoardQuotaExceeded; others still move and delete, and deleting makes room', async () => {
    server = await startTestServer({ env: { MAX_OBJECTS_PER_BOARD: '5' } });
    board = await server.createBoard('Full');
    const filler = await join();
    const other = await join();
    const ids = Array.from({ length: 5 }, (_, i) => insertObject(filler.doc, note(`note ${i}`)));
    await waitFor(() => expect(getObjectsMap(other.doc).size).toBe(5));
    const closed = firstServerClose(filler);
    insertObject(filler.doc, note('one too many'));
    expect(await closed).toBe(CloseCode.BoardQuotaExceeded);
    expect(serverObjects().size).toBe(5);
    filler.destroy();
    // The board stays usable: a move and a delete go through for someone else.
    updateObject(other.doc, ids[0]!, { x: 900 });
    getObjectsMap(other.doc).delete(ids[1]!);
    await waitFor(() => expect((readObject(getObjectMap(server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc, ids[0]!)) as { x?: number } | null)?.x).toBe(900));
    await waitFor(() => expect(serverObjects().size).toBe(4));
    const later = insertObject(other.doc, note('room again'));
    await waitFor(() => expect(serverObjects().has(later)).toBe(true));
  });

  it('past MAX_BOARD_BYTES text and new objects are refused, moves still go through', async () => {
    server = await startTestServer({ env: { MAX_BOARD_BYTES: String(64 * 1024) } });
    board = await server.createBoard('Bytes');
    const writer = await join();
    const other = await join();
    const first = insertObject(writer.doc, note('x'.repeat(19_000)));
    insertObject(writer.doc, note('y'.repeat(19_000)));
    insertObject(writer.doc, note('z'.repeat(19_000)));
    await waitFor(() => expect(getObjectsMap(other.doc).size).toBe(3));
    const closed = firstServerClose(writer);
    insertObject(writer.doc, note('w'.repeat(19_000)));
    expect(await closed).toBe(CloseCode.BoardQuotaExceeded);
    expect(serverObjects().size).toBe(3);
    updateObject(other.doc, first, { x: 321 });
    await waitFor(() => expect((readObject(getObjectMap(server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc, first)) as { x?: number } | null)?.x).toBe(321));
  });

  it('more updates per second than RATE_UPDATES_PER_SECOND allows close the sender with RateLimited', async () => {
    server = await startTestServer({ env: { RATE_UPDATES_PER_SECOND: '1', RATE_UPDATES_BURST: '3' } });
    board = await server.createBoard('Fast');
    const writer = await join();
    const id = insertObject(writer.doc, note('drag me'));
    const closed = firstServerClose(writer);
    for (let x = 1; x <= 10; x += 1) updateObject(writer.doc, id, { x });
    expect(await closed).toBe(CloseCode.RateLimited);
  });
});
