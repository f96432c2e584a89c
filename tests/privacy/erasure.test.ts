import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compactDocument, InProcessBoardDeletionHub, InProcessFanoutHub, SQLITE_FILENAME, SqliteBoardStore } from '@clapboard/server';
import { ApiErrorCode, CloseCode, dateInDays, insertObject, readAllObjects, type EngagementStatement } from '@clapboard/shared';
import { connectSynced, type Client } from '../support/clients.ts';
import { createBoardWith, startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { setBoardAnonymous } from '../anonymousNotes/support.ts';
import { closeCodes, filesHolding, request, uniqueMarker } from './support.ts';

/**
 * Erasure (issue #11): deleting a board leaves no byte of anything it held
 * in any file under DATA_DIR: the database, its WAL and its shared-memory
 * file, whatever else is there. Markers go everywhere a board keeps words:
 * its title and statement (control document), a note (content document,
 * both in a compacted snapshot and in the log after it), an anonymous round
 * answer, an anonymous note, and a contact.
 */
describe('erasing a board', () => {
  let server: TestServer | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.close();
    server = undefined;
  });

  const start = (dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-erasure-')), 'data')) =>
    startTestServer({ dataDir, env: { COMPACT_AFTER_UPDATES: '1000000', ROOM_IDLE_MS: '600000' } });
  const statement = (purpose: string): EngagementStatement => ({
    purpose,
    level: 'consult',
    canChange: 'The order of the leaflet',
    cannotChange: 'The law',
    inputUse: 'Read by the team',
    feedback: 'At the next meeting',
    runBy: 'The council',
    deleteOn: dateInDays(30),
  });
  const note = (text: string, z: number) => ({ type: 'note' as const, x: 0, y: z * 10, width: 200, height: 200, z, frameId: null, color: 'yellow' as const, text });

  /** A board with a marker in every place it keeps words; the markers, and the board's clients (still connected). */
  async function boardFullOfMarkers(label: string) {
    const markers = {
      title: uniqueMarker(`${label}-title`),
      statement: uniqueMarker(`${label}-statement`),
      snapshotNote: uniqueMarker(`${label}-snapshot-note`),
      loggedNote: uniqueMarker(`${label}-logged-note`),
      roundAnswer: uniqueMarker(`${label}-round-answer`),
      anonymousNote: uniqueMarker(`${label}-anonymous-note`),
      contact: uniqueMarker(`${label}-contact`),
    };
    const board = await createBoardWith(server!.url, { title: markers.title, statement: statement(markers.statement) });
    const participant = await connectSynced(server!.syncUrl, board.id, board.tokens.participant);
    const facilitator = await connectSynced(server!.syncUrl, `${board.id}/control`, board.tokens.facilitator);
    clients.push(participant, facilitator);
    const key = { boardId: board.id, doc: 'content' as const };
    const objects = () => server!.app.rooms.get(key)?.doc.getMap('objects');

    const first = insertObject(participant.doc, note(markers.snapshotNote, 1));
    await waitFor(() => expect(objects()?.has(first)).toBe(true));
    await waitFor(async () => expect(await server!.app.store.countUpdates(key)).toBeGreaterThan(1));
    await compactDocument(server!.app.store, key);
    const second = insertObject(participant.doc, note(markers.loggedNote, 2));
    await waitFor(() => expect(objects()?.has(second)).toBe(true));

    const round = await request(server!.url, 'POST', `/api/boards/${board.id}/rounds`, board.tokens.facilitator, { prompt: 'What would help?', k: 2 });
    expect(round.status).toBe(201);
    const answer = await request(server!.url, 'POST', `/api/boards/${board.id}/rounds/${round.body.roundId}/answers`, board.tokens.participant, { text: markers.roundAnswer });
    expect(answer.status).toBe(201);
    setBoardAnonymous(facilitator.doc, true);
    await waitFor(async () => {
      const added = await request(server!.url, 'POST', `/api/boards/${board.id}/anonymous-notes`, board.tokens.participant, { text: markers.anonymousNote, x: 500, y: 500 });
      expect(added.status).toBe(201);
    });
    expect((await request(server!.url, 'POST', `/api/boards/${board.id}/contact`, board.tokens.participant, { contact: markers.contact })).status).toBe(201);
    expect((await request(server!.url, 'POST', `/api/boards/${board.id}/monitoring`, board.tokens.participant, { ageBand: '25to34' })).status).toBe(201);
    await waitFor(() => expect(readAllObjects(participant.doc).length).toBe(3));
    return { board, markers, participant, facilitator };
  }

  it.each([
    { when: 'after the server stopped', stop: true },
    { when: 'while the server keeps running', stop: false },
  ])('leaves no byte of it in any file under DATA_DIR, $when', async ({ stop }) => {
    server = await start();
    const erased = await boardFullOfMarkers('erased');
    const kept = await boardFullOfMarkers('kept');
    const participantCodes = closeCodes(erased.participant.provider);
    const facilitatorCodes = closeCodes(erased.facilitator.provider);
    // The search works: before the erasure every marker is on disk.
    for (const marker of Object.values(erased.markers)) expect(filesHolding(server.dataDir, marker), marker).not.toEqual([]);

    const { board } = erased;
    expect((await request(server.url, 'DELETE', `/api/boards/${board.id}`, board.tokens.participant)).status).toBe(403);
    expect((await request(server.url, 'DELETE', `/api/boards/${board.id}`, board.tokens.observer)).status).toBe(403);
    expect((await request(server.url, 'DELETE', `/api/boards/${board.id}`, board.tokens.facilitator)).status).toBe(204);

    // Everyone connected is told, with a code the stock client takes as final.
    await waitFor(() => expect(participantCodes).toContain(CloseCode.BoardDeleted));
    await waitFor(() => expect(facilitatorCodes).toContain(CloseCode.BoardDeleted));
    expect(server.app.rooms.get({ boardId: board.id, doc: 'content' })).toBeUndefined();
    expect(server.app.rooms.get({ boardId: board.id, doc: 'control' })).toBeUndefined();
    // Its tokens open nothing, and the board cannot be told from one that never was.
    for (const token of Object.values(board.tokens)) {
      const session = await request(server.url, 'GET', `/api/boards/${board.id}/session`, token);
      expect(session).toMatchObject({ status: 401, body: { code: ApiErrorCode.Unauthorized } });
    }
    expect((await request(server.url, 'DELETE', `/api/boards/${board.id}`, board.tokens.facilitator)).status).toBe(401);

    const { dataDir } = server;
    if (stop) {
      await server.close();
      server = undefined;
    }
    for (const marker of Object.values(erased.markers)) expect({ marker, files: filesHolding(dataDir, marker) }).toEqual({ marker, files: [] });
    // The other board is untouched, on disk and (after a restart too) in use.
    for (const marker of Object.values(kept.markers)) expect(filesHolding(dataDir, marker), marker).not.toEqual([]);
    server ??= await start(dataDir);
    const again = await connectSynced(server.syncUrl, kept.board.id, kept.board.tokens.participant);
    clients.push(again);
    expect(readAllObjects(again.doc).length).toBe(3);
  });

  it('gives the space back: the database file shrinks by about what the board took', async () => {
    server = await start();
    const big = await createBoardWith(server.url, { title: 'Big board' });
    const small = await createBoardWith(server.url, { title: 'Small board' });
    const writer = await connectSynced(server.syncUrl, big.id, big.tokens.participant);
    clients.push(writer);
    const key = { boardId: big.id, doc: 'content' as const };
    writer.doc.transact(() => {
      for (let i = 0; i < 1000; i += 1) insertObject(writer.doc, note(`${i} ${'words '.repeat(50)}`, i + 1));
    });
    await waitFor(() => expect(server!.app.rooms.get(key)?.doc.getMap('objects').size).toBe(1000));
    // Compaction checkpoints the WAL into the file, so its size is the board's.
    await waitFor(async () => expect(await server!.app.store.countUpdates(key)).toBeGreaterThan(1));
    await compactDocument(server.app.store, key);
    const file = path.join(server.dataDir, SQLITE_FILENAME);
    const before = fs.statSync(file).size;
    expect(before).toBeGreaterThan(300_000);

    expect((await request(server.url, 'DELETE', `/api/boards/${big.id}`, big.tokens.facilitator)).status).toBe(204);
    const after = fs.statSync(file).size;
    expect(after).toBeLessThan(before / 3);
    expect(fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    // The other board still opens.
    const reader = await connectSynced(server.syncUrl, small.id, small.tokens.participant);
    clients.push(reader);
    expect(readAllObjects(reader.doc)).toEqual([]);
  });

  it('would leave the words on disk without the VACUUM and checkpoint (the search can fail)', async () => {
    server = await start();
    const erased = await boardFullOfMarkers('unreclaimed');
    for (const client of clients.splice(0)) client.destroy();
    const store = server.app.store;
    expect(store).toBeInstanceOf(SqliteBoardStore);
    // Straight to storage, skipping the reclaim: the rows are deleted (secure_delete zeroes them in the pages it writes) but old pages stay.
    const result = await (store as SqliteBoardStore).eraseBoards([erased.board.id], { reclaim: false });
    expect(result.erased).toEqual([erased.board.id]);
    const left = Object.values(erased.markers).filter((marker) => filesHolding(server!.dataDir, marker).length > 0);
    expect(left.length).toBeGreaterThan(0);
  });

  it('closes the connections other server processes hold, through the deletion feed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clapboard-erasure-feed-'));
    const filename = path.join(dir, SQLITE_FILENAME);
    const fanout = new InProcessFanoutHub();
    const deletions = new InProcessBoardDeletionHub();
    const open = (): Promise<TestServer> => startTestServer({ dataDir: dir, store: new SqliteBoardStore({ filename }), fanout: fanout.connect(), deletions: deletions.connect() });
    server = await open();
    const other = await open();
    try {
      const board = await createBoardWith(server.url, { title: 'Two processes' });
      const elsewhere = await connectSynced(other.syncUrl, board.id, board.tokens.participant);
      clients.push(elsewhere);
      const codes = closeCodes(elsewhere.provider);
      expect((await request(server.url, 'DELETE', `/api/boards/${board.id}`, board.tokens.facilitator)).status).toBe(204);
      await waitFor(() => expect(codes).toContain(CloseCode.BoardDeleted));
      await waitFor(() => expect(other.app.rooms.get({ boardId: board.id, doc: 'content' })).toBeUndefined());
    } finally {
      for (const client of clients.splice(0)) client.destroy();
      await other.close();
    }
  });
});
