import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  StatementResponseSchema,
  dateInDays,
  readStatement,
  readStatementTranslations,
  roomName,
  statementLanguageFor,
  writeStatement,
  writeStatementTranslation,
  type EngagementStatement,
} from '@clapboard/shared';
import { connectSynced } from '../support/clients.ts';
import { createBoardWith, startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/waitFor.ts';

const STATEMENT: EngagementStatement = {
  purpose: 'Rewrite the welcome letter people get when they arrive.',
  level: 'consult',
  canChange: 'The wording and what the letter covers.',
  cannotChange: 'Home Office rules.',
  inputUse: 'The housing team drafts the new letter from it.',
  feedback: 'At the drop-in on 12 May.',
  runBy: 'The housing team with Refugee Welcome',
  deleteOn: dateInDays(60),
};

/**
 * Facilitators write the statement in other languages (issue #12), and
 * people read it in theirs before they join: `GET /api/boards/:id/statement`
 * answers with every language's fields that still translate the original.
 */
describe('the engagement statement in other languages', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  const readAs = async (boardId: string, token: string) => {
    const response = await fetch(`${server.url}/api/boards/${boardId}/statement`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const read = StatementResponseSchema.parse(await response.json());
    if (read.statement === null) throw new Error('the board has no statement');
    return read;
  };

  it('answers with the translations a facilitator wrote; a changed original drops only its own field’s', async () => {
    const board = await createBoardWith(server.url, { title: 'Welcome letter', statement: STATEMENT });
    expect((await readAs(board.id, board.tokens.participant)).translations).toBeUndefined();
    const facilitator = await connectSynced(server.syncUrl, roomName(board.id, 'control'), board.tokens.facilitator);
    try {
      const original = readStatement(facilitator.doc)!;
      facilitator.doc.transact(() =>
        writeStatementTranslation(facilitator.doc, original, 'ar', { purpose: 'إعادة كتابة رسالة الترحيب.', runBy: ' فريق الإسكان ', feedback: '   ' }),
      );
      facilitator.doc.transact(() => writeStatementTranslation(facilitator.doc, original, 'uk', { purpose: 'Переписати вітальний лист.' }));
      await waitFor(async () => {
        const read = await readAs(board.id, board.tokens.participant);
        // Trimmed, and a field left blank is not a translation: the original shows there.
        expect(read.translations).toEqual({ ar: { purpose: 'إعادة كتابة رسالة الترحيب.', runBy: 'فريق الإسكان' }, uk: { purpose: 'Переписати вітальний лист.' } });
      });

      // The original's purpose changes: its old translations no longer say what it says.
      facilitator.doc.transact(() => writeStatement(facilitator.doc, { ...original, purpose: 'Rewrite the welcome letter and the leaflet.' }));
      await waitFor(async () => {
        const read = await readAs(board.id, board.tokens.observer);
        expect(read.statement?.purpose).toBe('Rewrite the welcome letter and the leaflet.');
        expect(read.translations).toEqual({ ar: { runBy: 'فريق الإسكان' } });
      });
      // Still stored, so the facilitator translating again starts from what it said.
      expect(readStatementTranslations(facilitator.doc).ar?.purpose?.text).toBe('إعادة كتابة رسالة الترحيب.');

      // Every field emptied removes the language.
      facilitator.doc.transact(() => writeStatementTranslation(facilitator.doc, readStatement(facilitator.doc)!, 'ar', {}));
      await waitFor(async () => expect((await readAs(board.id, board.tokens.participant)).translations).toBeUndefined());
    } finally {
      facilitator.destroy();
    }
  });

  it('a reader is matched by language, then by base language', () => {
    expect(statementLanguageFor(['ar', 'fa'], 'fa')).toBe('fa');
    expect(statementLanguageFor(['ar-sy', 'fa'], 'ar')).toBe('ar-sy');
    expect(statementLanguageFor(['ar', 'ar-sy'], 'ar-SY')).toBe('ar-sy');
    expect(statementLanguageFor(['uk'], 'fr')).toBeNull();
  });
});
