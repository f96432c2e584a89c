/**
 * Anonymous sticky notes over HTTP (docs/protocol.md, "Anonymous notes";
 * why: docs/anonymity.md): a real server on port 0, real y-websocket
 * clients. The note never passes through its author's Y.Doc; the server
 * writes it from its own Yjs client, and its author keeps a receipt.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ApiErrorSchema,
  FRAME_TITLE_CLEARANCE,
  MAX_ANONYMOUS_NOTE_LENGTH,
  PLACEMENT_GAP,
  getAnswersMap,
  getObjectsMap,
  insertObject,
  readAnonymousNotesMode,
  readObject,
  readRevealedAnswer,
  roomName,
} from '@clapboard/shared';
import { SQLITE_FILENAME } from '@clapboard/server';
import { api } from '../rounds/support.ts';
import { connectSynced, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';
import { barrier, Database, itemsOf, setBoardAnonymous, setFrameAnonymous } from './support.ts';

const FRAME = { x: 1000, y: 0, width: 800, height: 600 };
const inFrame = { x: 1700, y: 500 };
const outside = { x: 100, y: 100 };

describe('anonymous notes over HTTP', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  let facilitator: Client;
  let control: Client;
  let author: Client;
  let frameId: string;

  const join = async (room: string, token: string) => {
    const client = await connectSynced(server.syncUrl, room, token);
    clients.push(client);
    return client;
  };
  const base = () => `/api/boards/${board.id}/anonymous-notes`;
  const add = (body: Record<string, unknown>, token: string | null = board.tokens.participant) => api(server, 'POST', base(), token, body);
  const serverDoc = (doc: 'content' | 'control' = 'content') => server.app.rooms.get({ boardId: board.id, doc })!.doc;
  const expectError = (result: { status: number; body: unknown }, status: number, code: string) => {
    expect(result.status).toBe(status);
    const body = ApiErrorSchema.strict().parse(result.body);
    expect(body.code).toBe(code);
    expect(body.message.length).toBeGreaterThan(3);
  };
  /** Rows of the receipts table, read from the database file as an attacker with a copy would. */
  const storedRows = () => {
    const db = new Database(path.join(server.dataDir, SQLITE_FILENAME), { readonly: true });
    try {
      return db.prepare('SELECT * FROM anonymous_notes').all() as Array<Record<string, unknown>>;
    } finally {
      db.close();
    }
  };
  const switchFrame = async (on: boolean) => {
    setFrameAnonymous(control.doc, frameId, on);
    await waitFor(() => expect(readAnonymousNotesMode(serverDoc('control')).frames.has(frameId)).toBe(on));
  };

  beforeEach(async () => {
    server = await startTestServer({ env: { MAX_ANONYMOUS_NOTES_PER_BOARD: '4' } });
    board = await server.createBoard('Anonymous notes');
    facilitator = await join(board.id, board.tokens.facilitator);
    control = await join(roomName(board.id, 'control'), board.tokens.facilitator);
    author = await join(board.id, board.tokens.participant);
    facilitator.doc.transact(() => {
      frameId = insertObject(facilitator.doc, { type: 'frame', ...FRAME, z: 0, frameId: null, text: 'Worries' });
    });
    await waitFor(() => expect(getObjectsMap(serverDoc()).has(frameId)).toBe(true));
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('refuses a note where the mode is off, from observers and without a token, and bodies that fail the schema; none of it changes anything', async () => {
    const good = { text: 'I worry about my appointment letters', ...inFrame };
    expectError(await add(good, null), 401, 'UNAUTHORIZED');
    expectError(await add(good, `${board.tokens.participant}x`), 401, 'UNAUTHORIZED');
    expectError(await add(good, board.tokens.observer), 403, 'FORBIDDEN');
    expectError(await add(good), 409, 'ANONYMOUS_NOTES_OFF');

    await switchFrame(true);
    // The frame is anonymous; the rest of the board is not.
    expectError(await add({ ...good, ...outside }), 409, 'ANONYMOUS_NOTES_OFF');
    expectError(await add(good, board.tokens.observer), 403, 'FORBIDDEN');
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...good, text: '   ' }, 'text must not be empty'],
      [{ ...good, text: 'x'.repeat(MAX_ANONYMOUS_NOTE_LENGTH + 1) }, `text must be at most ${MAX_ANONYMOUS_NOTE_LENGTH} characters`],
      [{ text: 'no place' }, 'x'],
      [{ ...good, x: '1700' }, 'x'],
      [{ ...good, y: 2_000_000 }, 'y'],
      [{ ...good, x: null }, 'x'],
      [{ ...good, lang: 'not a tag' }, 'lang must be a language tag'],
      [{ ...good, color: 'purple' }, 'color'],
      [{ ...good, frameId }, 'frameId'],
      [{ ...good, author: 'Amal' }, 'author'],
    ];
    for (const [body, words] of bad) {
      const refused = await add(body);
      expectError(refused, 400, 'BAD_REQUEST');
      expect(refused.body.message).toContain(words);
    }
    expectError(await api(server, 'POST', base(), board.tokens.participant, ['not', 'an', 'object']), 400, 'BAD_REQUEST');

    expect(getAnswersMap(serverDoc()).size).toBe(0);
    expect([...getObjectsMap(serverDoc()).keys()]).toEqual([frameId]);
    expect(storedRows()).toEqual([]);
    // Refusals are not logged either: a request line is a timestamp of someone's attempt.
    expect(server.logs()).not.toContain('anonymous-notes');
  });

  it('writes the note from the server’s own client, in the frame, never where it was tapped; every item holding it is the server’s', async () => {
    await switchFrame(true);
    const words = `Nobody explains the forms ${Math.random().toString(36).slice(2)}`;
    const added = await add({ text: words, lang: 'en', ...inFrame });
    expect(added.status).toBe(201);
    expect(Object.keys(added.body).sort()).toEqual(['answerId', 'receipt']);
    expect(added.body.receipt).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const answerId = added.body.answerId as string;

    // Every client sees it: a card anyone can move, whose words are in the server-written root.
    for (const client of [author, facilitator]) {
      await waitFor(() => expect(readRevealedAnswer(client.doc, answerId)).toEqual({ text: words, lang: 'en', anonymousNote: true }));
    }
    const card = readObject(getObjectsMap(author.doc).get(answerId), answerId);
    expect(card).toMatchObject({ type: 'answer', answerId, frameId, color: 'yellow' });
    // In the frame's first free slot, not at the tapped point (which sits in its author's viewport).
    expect(card).toMatchObject({ x: FRAME.x + PLACEMENT_GAP, y: FRAME.y + FRAME_TITLE_CLEARANCE });

    // A second note goes to the next slot, wherever it was tapped.
    const second = await add({ text: 'second', x: FRAME.x + 5, y: FRAME.y + 5 });
    expect(second.status).toBe(201);
    await waitFor(() => expect(getObjectsMap(author.doc).has(second.body.answerId)).toBe(true));
    expect(readObject(getObjectsMap(author.doc).get(second.body.answerId), second.body.answerId)).toMatchObject({ frameId, y: FRAME.y + FRAME_TITLE_CLEARANCE });

    // Every item that holds the words, or sits under the note's key, carries the server's client id,
    // in every client's copy and in what the server stored; none carries a client's.
    const serverClient = serverDoc().clientID;
    const clientIds = new Set(clients.flatMap((client) => [client.doc.clientID, client.provider.awareness.clientID]));
    const db = new Database(path.join(server.dataDir, SQLITE_FILENAME), { readonly: true });
    const stored = db.prepare('SELECT data FROM doc_updates').all().map((row) => row.data as Uint8Array);
    db.close();
    for (const update of [Y.encodeStateAsUpdate(author.doc), Y.encodeStateAsUpdate(facilitator.doc), ...stored]) {
      for (const item of itemsOf(update)) {
        const holdsNote = item.key === answerId || item.strings.some((value) => value.includes(words) || value.includes(answerId));
        if (!holdsNote) continue;
        expect(clientIds.has(item.client)).toBe(false);
        expect(item.client).toBe(serverClient);
      }
    }
    const noteItems = itemsOf(Y.encodeStateAsUpdate(author.doc)).filter((item) => item.strings.some((value) => value.includes(words)));
    expect(noteItems.length).toBeGreaterThanOrEqual(1);

    // The store holds the receipt's hash and the card's key, and nothing else: no words, no time, no client.
    const rows = storedRows();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['answer_id', 'board_id', 'receipt_hash']);
    expect(JSON.stringify(rows)).not.toContain(added.body.receipt);
    expect(JSON.stringify(rows)).not.toContain(words);

    // No request line, no words, receipt or key in the log (routes at level warn).
    const logs = server.logs();
    for (const secret of ['anonymous-notes', words, added.body.receipt, answerId]) expect({ secret, logged: logs.includes(secret) }).toEqual({ secret, logged: false });

    // Anyone can move the card.
    getObjectsMap(author.doc).get(answerId)!.set('x', 1400);
    await waitFor(() => expect(getObjectsMap(serverDoc()).get(answerId)!.get('x')).toBe(1400));
  });

  it('edits and withdraws by receipt; a wrong receipt changes nothing and answers like an unknown one', async () => {
    await switchFrame(true);
    const { receipt, answerId } = (await add({ text: 'first words', ...inFrame })).body;
    // A receipt of another board's note.
    const otherBoard = await server.createBoard('Other');
    const otherControl = await join(roomName(otherBoard.id, 'control'), otherBoard.tokens.facilitator);
    setBoardAnonymous(otherControl.doc, true);
    await waitFor(() => expect(readAnonymousNotesMode(server.app.rooms.get({ boardId: otherBoard.id, doc: 'control' })!.doc).board).toBe(true));
    const elsewhere = await api(server, 'POST', `/api/boards/${otherBoard.id}/anonymous-notes`, otherBoard.tokens.participant, { text: 'elsewhere', x: 0, y: 0 });
    expect(elsewhere.status).toBe(201);

    const unknown = await api(server, 'PUT', base(), board.tokens.participant, { receipt: 'A'.repeat(43), text: 'hijack' });
    expectError(unknown, 404, 'NOT_FOUND');
    expect(await api(server, 'PUT', base(), board.tokens.participant, { receipt: elsewhere.body.receipt, text: 'hijack' })).toEqual(unknown);
    expect(await api(server, 'PUT', base(), board.tokens.participant, { receipt: receipt.slice(1), text: 'hijack' })).toEqual(unknown);
    expect(await api(server, 'PUT', base(), board.tokens.facilitator, { receipt: answerId, text: 'hijack' })).toEqual(unknown);
    expect(await api(server, 'DELETE', base(), board.tokens.participant, { receipt: 'A'.repeat(43) })).toEqual(unknown);
    expect(await api(server, 'DELETE', base(), board.tokens.participant, { receipt: elsewhere.body.receipt })).toEqual(unknown);
    expectError(await api(server, 'PUT', base(), board.tokens.observer, { receipt, text: 'x' }), 403, 'FORBIDDEN');
    expectError(await api(server, 'DELETE', base(), board.tokens.observer, { receipt }), 403, 'FORBIDDEN');
    expectError(await api(server, 'PUT', base(), board.tokens.participant, { receipt }), 400, 'BAD_REQUEST');
    expectError(await api(server, 'PUT', base(), board.tokens.participant, { receipt, text: 'x', extra: 1 }), 400, 'BAD_REQUEST');
    expectError(await api(server, 'DELETE', base(), board.tokens.participant, {}), 400, 'BAD_REQUEST');
    expect(readRevealedAnswer(serverDoc(), answerId)?.text).toBe('first words');
    expect(storedRows()).toHaveLength(2);

    // Edits still work once the mode is off again: the note is there, and its author holds the receipt.
    await switchFrame(false);
    expect((await api(server, 'PUT', base(), board.tokens.participant, { receipt, text: 'second words', lang: 'pt-BR' })).status).toBe(204);
    await waitFor(() => expect(readRevealedAnswer(author.doc, answerId)).toEqual({ text: 'second words', lang: 'pt-BR', anonymousNote: true }));
    const serverClient = serverDoc().clientID;
    const edited = itemsOf(Y.encodeStateAsUpdate(author.doc)).filter((item) => item.strings.some((value) => value.includes('second words')));
    expect(edited.map((item) => item.client)).toEqual([serverClient]);

    // A copy of the card (anyone may duplicate one) shows the same words, and goes when they are withdrawn.
    const card = readObject(getObjectsMap(author.doc).get(answerId), answerId)!;
    author.doc.transact(() => insertObject(author.doc, { ...card, id: 'copy-of-the-card', x: 0, y: 900 } as Parameters<typeof insertObject>[1]));
    await waitFor(() => expect(getObjectsMap(serverDoc()).has('copy-of-the-card')).toBe(true));

    // A facilitator hides it (the rounds route hides any server-written answer): its author can no longer edit it, only withdraw it.
    expect((await api(server, 'POST', `/api/boards/${board.id}/answers/${answerId}/hide`, board.tokens.facilitator, { reason: 'names someone' })).status).toBe(200);
    await waitFor(() => expect(readRevealedAnswer(author.doc, answerId)).toEqual({ text: '', hidden: true, hiddenReason: 'names someone', anonymousNote: true }));
    expectError(await api(server, 'PUT', base(), board.tokens.participant, { receipt, text: 'again' }), 409, 'ANSWER_HIDDEN');

    expect((await api(server, 'DELETE', base(), board.tokens.participant, { receipt })).status).toBe(204);
    await waitFor(() => expect(getAnswersMap(author.doc).has(answerId)).toBe(false));
    expect(getObjectsMap(author.doc).has(answerId)).toBe(false);
    expect(getObjectsMap(author.doc).has('copy-of-the-card')).toBe(false);
    expect(getObjectsMap(author.doc).has(frameId)).toBe(true);
    expect(storedRows().map((row) => row.board_id)).toEqual([otherBoard.id]);
    expect(await api(server, 'DELETE', base(), board.tokens.participant, { receipt })).toEqual(unknown);
    expect(await api(server, 'PUT', base(), board.tokens.participant, { receipt, text: 'back again' })).toEqual(unknown);
  });

  it('takes notes anywhere on a board switched to anonymous, up to MAX_ANONYMOUS_NOTES_PER_BOARD', async () => {
    setBoardAnonymous(control.doc, true);
    await waitFor(() => expect(readAnonymousNotesMode(serverDoc('control')).board).toBe(true));
    const results = await Promise.all([outside, inFrame, outside, { x: -5000, y: 7000 }, outside].map((point, index) => add({ text: `note ${index}`, ...point })));
    expect(results.filter((result) => result.status === 201)).toHaveLength(4);
    expectError(results.find((result) => result.status !== 201)!, 409, 'ANONYMOUS_NOTES_FULL');
    await waitFor(() => expect(getAnswersMap(author.doc).size).toBe(4));
    // The facilitator too may add one (the route takes any writer), once there is room.
    const { receipt } = results.find((result) => result.status === 201)!.body;
    expect((await api(server, 'DELETE', base(), board.tokens.participant, { receipt })).status).toBe(204);
    expect((await add({ text: 'from the facilitator', ...outside }, board.tokens.facilitator)).status).toBe(201);
  });

  it('a participant cannot switch the mode on: their control-document update is dropped', async () => {
    const participantControl = await join(roomName(board.id, 'control'), board.tokens.participant);
    setBoardAnonymous(participantControl.doc, true);
    setFrameAnonymous(participantControl.doc, frameId, true);
    await barrier(participantControl, control);
    expect(readAnonymousNotesMode(serverDoc('control'))).toEqual({ board: false, frames: new Set() });
    expect(readAnonymousNotesMode(control.doc)).toEqual({ board: false, frames: new Set() });
    expectError(await add({ text: 'slipped in', ...inFrame }), 409, 'ANONYMOUS_NOTES_OFF');
    expect(storedRows()).toEqual([]);
  });
});
