import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, getSettingsMap, getTimersMap, readBoardTitle, readStatementTranslations, readTimer, roomName, writeStatement, writeStatementTranslation, dateInDays } from '@clapboard/shared';
import { writeTimer, setTimerDuration } from '../../client/src/editor/timerCommands.ts';
import { connectSynced, firstServerClose, type Client } from '../support/clients.ts';
import { startTestServer, type CreatedBoard, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

/**
 * The control document's `settings` and `timers` are checked slot by slot
 * (shared/src/controlValues.ts): a facilitator's link is a link, and a
 * leaked one must not be able to store a megabyte title or a slot nobody
 * reads, which every joiner would download.
 */
describe('the server refuses settings and timers that fail their rules', () => {
  let server: TestServer;
  let board: CreatedBoard;
  const clients: Client[] = [];
  const facilitator = async () => {
    const client = await connectSynced(server.syncUrl, roomName(board.id, 'control'), board.tokens.facilitator);
    clients.push(client);
    return client;
  };
  const serverControl = () => server.app.rooms.get({ boardId: board.id, doc: 'control' })!.doc;

  beforeEach(async () => {
    server = await startTestServer();
    board = await server.createBoard('Settings');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('a facilitator renaming, locking, setting a statement and a timer is never refused', async () => {
    const writer = await facilitator();
    const reader = await facilitator();
    let closed = false;
    writer.provider.on('connection-close', () => (closed = true));
    writer.doc.transact(() => {
      const settings = getSettingsMap(writer.doc);
      settings.set('title', 'Renamed');
      settings.set('locked', true);
      const frames = new Y.Map<unknown>();
      settings.set('lockedFrames', frames);
      frames.set('frame-1', true);
    });
    const statement = { purpose: 'Why', level: 'involve', canChange: 'a', cannotChange: 'b', inputUse: 'c', feedback: 'd', runBy: 'e', deleteOn: dateInDays(30) } as const;
    writer.doc.transact(() => writeStatement(writer.doc, statement));
    writer.doc.transact(() => writeStatementTranslation(writer.doc, statement, 'ar', { purpose: 'لماذا', runBy: 'هـ' }));
    writeTimer(writer.doc, setTimerDuration(5 * 60_000));
    await waitFor(() => expect(readTimer(reader.doc)?.durationMs).toBe(5 * 60_000));
    expect(readBoardTitle(reader.doc)).toBe('Renamed');
    await waitFor(() => expect(Object.keys(readStatementTranslations(reader.doc))).toEqual(['ar']));
    expect((getSettingsMap(reader.doc).get('lockedFrames') as Y.Map<unknown>).toJSON()).toEqual({ 'frame-1': true });
    expect(closed).toBe(false);
  });

  const refused: Array<[string, (doc: Y.Doc) => void]> = [
    ['a title over the limit', (doc) => getSettingsMap(doc).set('title', 'x'.repeat(201))],
    ['a setting no reader knows', (doc) => getSettingsMap(doc).set('payload', 'x'.repeat(1000))],
    ['a lock flag that is not true', (doc) => getSettingsMap(doc).set('locked', 'yes')],
    ['a frame lock under an id that is not one', (doc) => getSettingsMap(doc).set('lockedFrames', { 'not an id!': true })],
    ['a step with a field no reader knows', (doc) => getSettingsMap(doc).set('step', { index: 0, count: 1, title: 'One', extra: 'x' })],
    ['a statement translation over the limit', (doc) => getSettingsMap(doc).set('statementTranslations', { ar: { purpose: { text: 'x'.repeat(1001), source: '0badf00d' } } })],
    ['a statement translation under a key that is not a language tag', (doc) => getSettingsMap(doc).set('statementTranslations', { 'not a language': { purpose: { text: 'x', source: '0badf00d' } } })],
    ['a statement translation of a field no reader knows', (doc) => getSettingsMap(doc).set('statementTranslations', { ar: { payload: { text: 'x', source: '0badf00d' } } })],
    ['a timer of a negative duration', (doc) => getTimersMap(doc).set('main', { state: 'stopped', durationMs: -1, remainingMs: 0 })],
    ['a timer as a nested map with an unknown field', (doc) => {
      const timer = new Y.Map<unknown>();
      getTimersMap(doc).set('main', timer);
      timer.set('state', 'stopped');
      timer.set('durationMs', 1000);
      timer.set('remainingMs', 1000);
      timer.set('junk', 'x'.repeat(100));
    }],
  ];
  for (const [name, change] of refused) {
    it(`refuses ${name} with InvalidRecord, stores none of it, and the board goes on`, async () => {
      const attacker = await facilitator();
      const closed = firstServerClose(attacker);
      attacker.doc.transact(() => change(attacker.doc));
      expect(await closed).toBe(CloseCode.InvalidRecord);
      expect(Y.getState(serverControl().store, attacker.doc.clientID)).toBe(0);
      const writer = await facilitator();
      writer.doc.transact(() => getSettingsMap(writer.doc).set('title', 'Still works'));
      await waitFor(() => expect(readBoardTitle(serverControl())).toBe('Still works'));
    });
  }
});
