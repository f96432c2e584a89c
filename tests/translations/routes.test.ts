/**
 * Interpreters and their translations (docs/protocol.md, "Translations"):
 * a real server on port 0, real y-websocket clients. A translation is
 * written by the server's own Yjs client beside the original, which keeps
 * its author; it goes when what it translates goes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ApiErrorSchema,
  CloseCode,
  LOCAL_USER_ORIGIN,
  getObjectsMap,
  getSettingsMap,
  readBoardTitle,
  getTranslationsMap,
  insertObject,
  parseBoardLink,
  readTranslations,
  roomName,
  translationKey,
} from '@clapboard/shared';
import { api } from '../rounds/support.ts';
import { barrier, setBoardAnonymous } from '../anonymousNotes/support.ts';
import { connectSynced, firstServerClose, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

/** Client ids that wrote any item of `type` (its entries' maps and values included). */
function writersOf(type: Y.AbstractType<unknown>): Set<number> {
  const ids = new Set<number>();
  const visit = (item: Y.Item | null) => {
    for (; item; item = item.right) {
      ids.add(item.id.client);
      const content = item.content;
      if (content instanceof Y.ContentType) {
        const inner = content.type as Y.AbstractType<unknown>;
        visit(inner._start);
        for (const entry of inner._map.values()) visit(entry);
      }
    }
  };
  for (const item of type._map.values()) visit(item);
  return ids;
}

describe('translations over HTTP', () => {
  let server: TestServer;
  let board: CreatedBoard;
  let interpreterToken: string;
  const clients: Client[] = [];
  const join = async (room: string, token: string) => {
    const client = await connectSynced(server.syncUrl, room, token);
    clients.push(client);
    return client;
  };
  const path = () => `/api/boards/${board.id}/translations`;
  const put = (body: unknown, token: string | null = interpreterToken) => api(server, 'PUT', path(), token, body);
  const serverDoc = () => server.app.rooms.get({ boardId: board.id, doc: 'content' })!.doc;
  const expectError = (result: { status: number; body: unknown }, status: number, code: string) => {
    expect(result.status, JSON.stringify(result.body)).toBe(status);
    expect(ApiErrorSchema.strict().parse(result.body).code).toBe(code);
  };

  beforeEach(async () => {
    server = await startTestServer({ env: { MAX_TRANSLATIONS_PER_BOARD: '3' } });
    board = await server.createBoard('Translations');
    const made = await api(server, 'POST', `/api/boards/${board.id}/links`, board.tokens.facilitator, { role: 'interpreter' });
    expect(made.status).toBe(201);
    expect(made.body.role).toBe('interpreter');
    interpreterToken = parseBoardLink(made.body.link)!.token!;
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('an interpreter joins with a participant’s rights: writes notes, not the control document', async () => {
    const interpreter = await join(board.id, interpreterToken);
    interpreter.doc.transact(() => {
      insertObject(interpreter.doc, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow', text: 'مرحبا', lang: 'ar' });
    }, LOCAL_USER_ORIGIN);
    await waitFor(() => expect([...getObjectsMap(serverDoc()).values()].map((note) => note.get('lang'))).toEqual(['ar']));
    const control = await join(roomName(board.id, 'control'), interpreterToken);
    const facilitator = await join(roomName(board.id, 'control'), board.tokens.facilitator);
    getSettingsMap(control.doc).set('title', 'Taken over');
    await barrier(control, facilitator);
    getSettingsMap(facilitator.doc).set('locked', true);
    await waitFor(() => expect(getSettingsMap(control.doc).get('locked')).toBe(true));
    expect(readBoardTitle(facilitator.doc)).toBe('Translations');
  });

  it('a note’s language must be a language tag', async () => {
    const writer = await join(board.id, board.tokens.participant);
    const closed = firstServerClose(writer);
    let noteId = '';
    writer.doc.transact(() => {
      noteId = insertObject(writer.doc, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow', text: 'Hi', lang: 'en' });
    }, LOCAL_USER_ORIGIN);
    await waitFor(() => expect(getObjectsMap(serverDoc()).get(noteId)?.get('lang')).toBe('en'));
    writer.doc.transact(() => getObjectsMap(writer.doc).get(noteId)!.set('lang', 'not a language'), LOCAL_USER_ORIGIN);
    expect(await closed).toBe(CloseCode.InvalidRecord);
    expect(getObjectsMap(serverDoc()).get(noteId)?.get('lang')).toBe('en');
  });

  it('writes a note’s translation from the server’s own client; the note keeps its author and its words', async () => {
    const author = await join(board.id, board.tokens.participant);
    let noteId = '';
    author.doc.transact(() => {
      noteId = insertObject(author.doc, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow', text: 'سلام، ما خانه می‌خواهیم', lang: 'fa' });
    }, LOCAL_USER_ORIGIN);
    await waitFor(() => expect(getObjectsMap(serverDoc()).has(noteId)).toBe(true));
    const interpreter = await join(board.id, interpreterToken);

    expect((await put({ kind: 'object', targetId: noteId, lang: 'en', text: 'Hello, we want housing' })).status).toBe(204);
    for (const client of [author, interpreter]) {
      await waitFor(() => expect(readTranslations(client.doc)).toEqual([{ kind: 'object', targetId: noteId, lang: 'en', text: 'Hello, we want housing' }]));
    }
    // Every item of the translations root is the server's; none is the interpreter's, and the note is still only its author's.
    const serverClient = serverDoc().clientID;
    expect(writersOf(getTranslationsMap(author.doc) as Y.AbstractType<unknown>)).toEqual(new Set([serverClient]));
    expect(writersOf(getObjectsMap(author.doc) as Y.AbstractType<unknown>)).toEqual(new Set([author.doc.clientID]));
    expect(getObjectsMap(author.doc).get(noteId)!.get('text')!.toString()).toBe('سلام، ما خانه می‌خواهیم');

    // A second translation into the same language replaces the first; a facilitator may translate too.
    expect((await put({ kind: 'object', targetId: noteId, lang: 'EN', text: 'Hi, we need homes' }, board.tokens.facilitator)).status).toBe(204);
    await waitFor(() => expect(readTranslations(author.doc).map((entry) => entry.text)).toEqual(['Hi, we need homes']));
    expect(getTranslationsMap(serverDoc()).has(translationKey('object', noteId, 'en'))).toBe(true);

    // Deleting the note takes its translation with it, on every copy of the board.
    author.doc.transact(() => getObjectsMap(author.doc).delete(noteId), LOCAL_USER_ORIGIN);
    await waitFor(() => expect(getTranslationsMap(interpreter.doc).size).toBe(0));
    expect(getTranslationsMap(serverDoc()).size).toBe(0);
  });

  it('refuses other roles, bad bodies, missing targets and a full board, changing nothing', async () => {
    const author = await join(board.id, board.tokens.participant);
    let noteId = '';
    author.doc.transact(() => {
      noteId = insertObject(author.doc, { type: 'note', x: 0, y: 0, width: 200, height: 200, z: 1, frameId: null, color: 'yellow', text: 'Housing' });
    }, LOCAL_USER_ORIGIN);
    await waitFor(() => expect(getObjectsMap(serverDoc()).has(noteId)).toBe(true));
    const good = { kind: 'object', targetId: noteId, lang: 'ar', text: 'السكن' };
    expectError(await put(good, null), 401, 'UNAUTHORIZED');
    expectError(await put(good, board.tokens.participant), 403, 'FORBIDDEN');
    expectError(await put(good, board.tokens.observer), 403, 'FORBIDDEN');
    for (const body of [
      { ...good, text: '  ' },
      { ...good, lang: 'arabic language' },
      { ...good, kind: 'poem' },
      { ...good, translator: 'Amal' },
      [good],
    ]) {
      expectError(await put(body), 400, 'BAD_REQUEST');
    }
    expectError(await put({ ...good, targetId: 'no-such-note-here' }), 404, 'NOT_FOUND');
    expectError(await put({ ...good, kind: 'answer' }), 404, 'NOT_FOUND');
    expectError(await put({ ...good, kind: 'prompt', targetId: 'no-such-round-000' }), 404, 'NOT_FOUND');
    expectError(await put({ ...good, kind: 'prompt', targetId: 'short' }), 400, 'BAD_REQUEST');
    expect(getTranslationsMap(serverDoc()).size).toBe(0);

    for (const lang of ['ar', 'fa', 'ps']) expect((await put({ ...good, lang })).status).toBe(204);
    expectError(await put({ ...good, lang: 'uk' }), 409, 'TRANSLATIONS_FULL');
    // Replacing one that is there still works at the limit; removing makes room.
    expect((await put({ ...good, lang: 'ar', text: 'الإسكان' })).status).toBe(204);
    expect((await api(server, 'DELETE', path(), interpreterToken, { kind: 'object', targetId: noteId, lang: 'ps' })).status).toBe(204);
    expectError(await api(server, 'DELETE', path(), interpreterToken, { kind: 'object', targetId: noteId, lang: 'ps' }), 404, 'NOT_FOUND');
    expectError(await api(server, 'DELETE', path(), board.tokens.participant, { kind: 'object', targetId: noteId, lang: 'ar' }), 403, 'FORBIDDEN');
    expect((await put({ ...good, lang: 'uk' })).status).toBe(204);
    expect(readTranslations(serverDoc()).map((entry) => entry.lang).sort()).toEqual(['ar', 'fa', 'uk']);
    // Refusals and successes alike leave no request line: it would time someone's work on an anonymous answer.
    expect(server.logs()).not.toContain('/translations');
  });

  it('no client can write a translation itself: its connection closes and nothing is stored', async () => {
    const interpreter = await join(board.id, interpreterToken);
    const closed = firstServerClose(interpreter);
    const entry = new Y.Map<unknown>();
    interpreter.doc.transact(() => {
      getTranslationsMap(interpreter.doc).set('object:x:en', entry);
      entry.set('text', 'forged');
    }, LOCAL_USER_ORIGIN);
    expect(await closed).toBe(CloseCode.ForbiddenScope);
    expect(getTranslationsMap(serverDoc()).size).toBe(0);
  });

  it('translates an anonymous note by its answer id alone; withdrawing the note removes the translation', async () => {
    const control = await join(roomName(board.id, 'control'), board.tokens.facilitator);
    setBoardAnonymous(control.doc, true);
    const watcher = await join(board.id, board.tokens.observer);
    await waitFor(async () => {
      const added = await api(server, 'POST', `/api/boards/${board.id}/anonymous-notes`, board.tokens.participant, { text: 'Мені потрібен лікар', lang: 'uk', x: 10, y: 10 });
      expect(added.status).toBe(201);
      (watcher as unknown as { receipt: string }).receipt = added.body.receipt;
      (watcher as unknown as { answerId: string }).answerId = added.body.answerId;
    });
    const { receipt, answerId } = watcher as unknown as { receipt: string; answerId: string };
    expect((await put({ kind: 'answer', targetId: answerId, lang: 'en', text: 'I need a doctor' })).status).toBe(204);
    await waitFor(() => expect(readTranslations(watcher.doc)).toEqual([{ kind: 'answer', targetId: answerId, lang: 'en', text: 'I need a doctor' }]));
    // The entry names its answer and nothing else: no receipt, no translator, no time.
    expect((getTranslationsMap(watcher.doc).get(translationKey('answer', answerId, 'en')) as Y.Map<unknown>).toJSON()).toEqual({ kind: 'answer', targetId: answerId, lang: 'en', text: 'I need a doctor' });

    expect((await api(server, 'DELETE', `/api/boards/${board.id}/anonymous-notes`, board.tokens.participant, { receipt })).status).toBe(204);
    await waitFor(() => expect(getTranslationsMap(watcher.doc).size).toBe(0));
  });
});
