import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  EngagementStatementInputSchema,
  calendarDay,
  changedStatementFields,
  readStatement,
  statementRevision,
  todayDate,
  writeStatement,
  type EngagementStatement,
} from '@clapboard/shared';

const STATEMENT: EngagementStatement = {
  purpose: 'Rewrite the welcome letter.',
  level: 'consult',
  canChange: 'The wording.',
  cannotChange: 'The law.',
  inputUse: 'The housing team drafts from it.',
  feedback: 'At the next drop-in.',
  runBy: 'The housing team',
  deleteOn: '2030-06-30',
};

function synced(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

describe('the engagement statement in the control document', () => {
  it('two facilitators editing different fields at once both keep their change, whichever update arrives first', () => {
    for (const order of ['a-first', 'b-first'] as const) {
      const a = new Y.Doc();
      a.transact(() => writeStatement(a, STATEMENT));
      const b = new Y.Doc();
      synced(a, b);
      a.transact(() => writeStatement(a, { ...STATEMENT, cannotChange: 'The law, and this year’s budget.' }));
      b.transact(() => writeStatement(b, { ...STATEMENT, level: 'involve' }));
      if (order === 'a-first') synced(a, b);
      else synced(b, a);
      const want = { ...STATEMENT, cannotChange: 'The law, and this year’s budget.', level: 'involve' };
      expect(readStatement(a), order).toEqual(want);
      expect(readStatement(b), order).toEqual(want);
    }
  });

  it('reads nothing from a value that is not a whole, valid statement', () => {
    const doc = new Y.Doc();
    expect(readStatement(doc)).toBeNull();
    doc.getMap('settings').set('statement', { ...STATEMENT, level: 'partner' });
    expect(readStatement(doc)).toBeNull();
    doc.getMap('settings').set('statement', 'we will listen');
    expect(readStatement(doc)).toBeNull();
  });

  it('a revision changes with the words and only with them; the changed fields are named in order', () => {
    const edited = { ...STATEMENT, feedback: 'By letter within a month.', purpose: 'Rewrite the welcome letter together.' };
    expect(statementRevision({ ...STATEMENT })).toBe(statementRevision(STATEMENT));
    expect(statementRevision(edited)).not.toBe(statementRevision(STATEMENT));
    expect(statementRevision(edited)).toMatch(/^[0-9a-f]{8}$/);
    expect(changedStatementFields(STATEMENT, edited)).toEqual(['purpose', 'feedback']);
  });

  it('a deletion date is a real calendar day, from yesterday (UTC) on', () => {
    expect(calendarDay('2028-02-29')).not.toBeNull();
    expect(calendarDay('2027-02-29')).toBeNull();
    expect(calendarDay('2030-13-01')).toBeNull();
    const day = 24 * 60 * 60 * 1000;
    expect(EngagementStatementInputSchema.safeParse({ ...STATEMENT, deleteOn: todayDate(Date.now() - day) }).success).toBe(true);
    expect(EngagementStatementInputSchema.safeParse({ ...STATEMENT, deleteOn: todayDate(Date.now() - 2 * day) }).success).toBe(false);
  });
});
