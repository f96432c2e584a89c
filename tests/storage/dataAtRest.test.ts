import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compactDocument, SQLITE_FILENAME } from '@clapboard/server';
import { deleteObjects, insertObject, readAllObjects, updateObject } from '@clapboard/shared';
import { connectSynced } from '../support/clients.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

/**
 * What a board leaves on disk. A participant who deletes a note expects its
 * text to be gone once the server has compacted the board, not to linger in
 * free pages of the database or in old frames of its write-ahead log; and
 * other local users must not be able to read the database at all.
 */
describe('data at rest', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** DATA_DIR does not exist yet, so the server creates it. */
  const start = () => startTestServer({
    dataDir: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-rest-')), 'data'),
    // Compaction happens when this test says so, and not concurrently.
    env: { COMPACT_AFTER_UPDATES: '1000000', ROOM_IDLE_MS: '600000' },
  });
  const databaseFiles = (dataDir: string) => ['', '-wal', '-shm'].map((suffix) => path.join(dataDir, SQLITE_FILENAME + suffix));
  const copiesOf = (marker: string, file: string) => fs.readFileSync(file).toString('latin1').split(marker).length - 1;
  const modes = (dataDir: string) => databaseFiles(dataDir).map((file) => [path.basename(file), (fs.statSync(file).mode & 0o777).toString(8)]);
  const privateModes = (dataDir: string) => databaseFiles(dataDir).map((file) => [path.basename(file), '600']);

  it('keeps DATA_DIR and every database file private to the server user', async () => {
    server = await start();
    const board = await server.createBoard('Modes');
    const client = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    insertObject(client.doc, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow', text: 'hello' });
    await waitFor(() => expect(server!.app.rooms.get({ boardId: board.id, doc: 'content' })?.doc.getMap('objects').size).toBe(1));
    client.destroy();

    expect(fs.statSync(server.dataDir).mode & 0o777).toBe(0o700);
    expect(modes(server.dataDir)).toEqual(privateModes(server.dataDir));
  });

  it('tightens a database file that an earlier version left readable to others', async () => {
    server = await start();
    const { dataDir } = server;
    await server.createBoard('Older');
    await server.close();
    const [main] = databaseFiles(dataDir);
    fs.chmodSync(main!, 0o644);

    server = await startTestServer({ dataDir });
    await server.createBoard('Newer');
    expect(modes(dataDir)).toEqual(privateModes(dataDir));
  });

  /**
   * A neighbouring board's rows share the database pages with this board's
   * and outlive its compaction, as on any server with more than one board;
   * otherwise SQLite rebuilds the emptied pages and the test proves nothing.
   */
  it.each([
    { history: 'only in the log', compactedWhileAlive: false },
    { history: 'also in an earlier snapshot', compactedWhileAlive: true },
  ])('leaves no copy of a deleted note on disk once compacted: note $history', async ({ compactedWhileAlive }) => {
    server = await start();
    const board = await server.createBoard('Deleted note');
    const neighbour = await server.createBoard('Neighbour');
    const key = { boardId: board.id, doc: 'content' as const };
    const neighbourKey = { boardId: neighbour.id, doc: 'content' as const };
    const marker = `deleted-note-${randomUUID()}`;
    const client = await connectSynced(server.syncUrl, board.id, board.tokens.participant);
    const other = await connectSynced(server.syncUrl, neighbour.id, neighbour.tokens.participant);
    const roomObject = (room: typeof key, id: string) => server!.app.rooms.get(room)?.doc.getMap('objects').get(id) as { get(field: string): unknown } | undefined;
    const note = (text: string, z: number) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z, frameId: null, color: 'yellow' as const, text });
    const keep = insertObject(client.doc, note('kept note', 1));
    const neighbours = insertObject(other.doc, note('neighbour', 1));
    const neighbourEdits = async (field: 'x' | 'y') => {
      for (let i = 1; i <= 30; i += 1) updateObject(other.doc, neighbours, { [field]: i });
      // The room appends each update it applies, so once it shows the last edit, all are queued for storage.
      await waitFor(() => expect(roomObject(neighbourKey, neighbours)?.get(field)).toBe(30));
    };
    const doomed = insertObject(client.doc, note(marker, 2));
    await waitFor(() => expect(roomObject(key, doomed)).toBeDefined());
    await neighbourEdits('x');
    if (compactedWhileAlive) {
      // Both boards have snapshots, on one page; this board's holds the note until it is replaced.
      await compactDocument(server.app.store, neighbourKey);
      await compactDocument(server.app.store, key);
    }
    deleteObjects(client.doc, [doomed]);
    await waitFor(() => expect(roomObject(key, doomed)).toBeUndefined());
    await neighbourEdits('y');
    // The search works: before compaction the text is on disk.
    expect(databaseFiles(server.dataDir).reduce((sum, file) => sum + copiesOf(marker, file), 0)).toBeGreaterThan(0);

    const result = await compactDocument(server.app.store, key);
    expect(result.foldedUpdates).toBeGreaterThan(0);
    // The premise: the neighbour's rows are still there, on the pages this board's rows left.
    expect(await server.app.store.countUpdates(neighbourKey)).toBeGreaterThanOrEqual(30);

    for (const file of databaseFiles(server.dataDir)) {
      expect({ file: path.basename(file), copies: copiesOf(marker, file) }).toEqual({ file: path.basename(file), copies: 0 });
    }
    // Nothing else was lost on the way.
    expect(readAllObjects(client.doc).map((object) => object.id)).toEqual([keep]);
    client.destroy();
    other.destroy();
  });

  /**
   * The writer truncates the WAL once for all the compactions it was handed
   * together (server/src/storage/sqliteWorker.mjs, finishCompactions), so
   * many boards compacting at once do not hold appends up: each compaction
   * must still answer only once its deleted text is off the disk.
   */
  it('answers each of several compactions started together only once its deleted note is off the disk', async () => {
    server = await start();
    const neighbour = await server.createBoard('Neighbour');
    const other = await connectSynced(server.syncUrl, neighbour.id, neighbour.tokens.participant);
    const note = (text: string) => ({ type: 'note' as const, x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow' as const, text });
    const neighbours = insertObject(other.doc, note('neighbour'));
    const boards = await Promise.all([1, 2, 3, 4].map(async (n) => {
      const board = await server!.createBoard(`Deleted note ${n}`);
      const client = await connectSynced(server!.syncUrl, board.id, board.tokens.participant);
      const marker = `deleted-note-${randomUUID()}`;
      const doomed = insertObject(client.doc, note(marker));
      const key = { boardId: board.id, doc: 'content' as const };
      await waitFor(() => expect(server!.app.rooms.get(key)?.doc.getMap('objects').has(doomed)).toBe(true));
      deleteObjects(client.doc, [doomed]);
      await waitFor(() => expect(server!.app.rooms.get(key)?.doc.getMap('objects').has(doomed)).toBe(false));
      return { key, marker, client };
    }));
    // Rows of a board that is not compacted share the pages with theirs.
    for (let i = 1; i <= 30; i += 1) updateObject(other.doc, neighbours, { x: i });
    const neighbourKey = { boardId: neighbour.id, doc: 'content' as const };
    await waitFor(() => expect((server!.app.rooms.get(neighbourKey)?.doc.getMap('objects').get(neighbours) as { get(field: string): unknown }).get('x')).toBe(30));
    for (const { key } of boards) await server.app.rooms.get(key)!.drained();
    const onDisk = (marker: string) => databaseFiles(server!.dataDir).reduce((sum, file) => sum + copiesOf(marker, file), 0);
    expect(boards.map(({ marker }) => onDisk(marker) > 0)).toEqual([true, true, true, true]);

    const copiesWhenAnswered = await Promise.all(boards.map(({ key, marker }) => compactDocument(server!.app.store, key).then(() => onDisk(marker))));
    expect(copiesWhenAnswered).toEqual([0, 0, 0, 0]);
    for (const { client } of boards) client.destroy();
    other.destroy();
  });
});
