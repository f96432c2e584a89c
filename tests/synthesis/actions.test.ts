import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdateScope } from '@clapboard/server';
import {
  ACTION_HISTORY_KEY,
  CLIENT_WRITABLE_CONTROL_ROOTS,
  addAction,
  getActionsMap,
  localDay,
  readThemeActions,
  removeAction,
  updateAction,
} from '@clapboard/shared';

const THEME = 'themeAAAAAAAAAAA';

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function added(doc: Y.Doc, on = '2025-03-01'): string {
  const outcome = addAction(doc, { themeId: THEME, kind: 'will', text: 'Print the guide in Tigrinya', owner: 'Housing team', due: '2025-04-30' }, on);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.id;
}

describe('actions per theme', () => {
  it('adds an action with defaults and a first history entry', () => {
    const doc = new Y.Doc();
    const id = added(doc);
    expect(readThemeActions(doc)).toEqual([
      {
        id,
        themeId: THEME,
        kind: 'will',
        text: 'Print the guide in Tigrinya',
        reason: '',
        status: 'planned',
        owner: 'Housing team',
        due: '2025-04-30',
        history: [{ on: '2025-03-01', status: 'planned', text: 'Print the guide in Tigrinya' }],
      },
    ]);
  });

  it('grows the history when status or text changes, and only then', () => {
    const doc = new Y.Doc();
    const id = added(doc);
    expect(updateAction(doc, id, { owner: 'Advice service' }, '2025-03-02').ok).toBe(true);
    expect(readThemeActions(doc)[0]!.history).toHaveLength(1);
    expect(updateAction(doc, id, { status: 'in-progress' }, '2025-03-05').ok).toBe(true);
    expect(updateAction(doc, id, { text: 'Print and post the guide' }, '2025-03-05').ok).toBe(true);
    // Writing the same status again is no change: no entry.
    expect(updateAction(doc, id, { status: 'in-progress' }, '2025-03-06').ok).toBe(true);
    expect(updateAction(doc, id, { status: 'done' }, '2025-03-20').ok).toBe(true);
    const [action] = readThemeActions(doc);
    expect(action!.owner).toBe('Advice service');
    expect(action!.history).toEqual([
      { on: '2025-03-01', status: 'planned', text: 'Print the guide in Tigrinya' },
      { on: '2025-03-05', status: 'in-progress', text: 'Print the guide in Tigrinya' },
      { on: '2025-03-05', status: 'in-progress', text: 'Print and post the guide' },
      { on: '2025-03-20', status: 'done', text: 'Print and post the guide' },
    ]);
  });

  it('keeps only the day of a change, never a time', () => {
    const doc = new Y.Doc();
    const id = added(doc, localDay(new Date(2025, 2, 9, 23, 59, 30)));
    expect(readThemeActions(doc)[0]!.history[0]!.on).toBe('2025-03-09');
    expect(updateAction(doc, id, { status: 'done' }, '2025-03-09T10:00').ok).toBe(false);
    const stored = [...(getActionsMap(doc).get(id) as Y.Map<Y.Map<unknown>>).get(ACTION_HISTORY_KEY)!.values()];
    expect(stored.every((entry) => JSON.stringify(entry).match(/\d\d:\d\d/) === null)).toBe(true);
  });

  it('refuses a "we can\'t" without a reason, on add and on update', () => {
    const doc = new Y.Doc();
    const refused = addAction(doc, { themeId: THEME, kind: 'cannot', text: 'Open on Sundays', reason: '   ' }, '2025-03-01');
    expect(refused).toMatchObject({ ok: false, error: 'reason-required' });
    expect(readThemeActions(doc)).toEqual([]);
    expect(getActionsMap(doc).size).toBe(0);

    const id = added(doc);
    expect(updateAction(doc, id, { kind: 'cannot' }, '2025-03-02')).toMatchObject({ ok: false, error: 'reason-required' });
    expect(readThemeActions(doc)[0]!.kind).toBe('will');
    expect(updateAction(doc, id, { kind: 'cannot', reason: 'The building is shared with the library', status: 'not-possible' }, '2025-03-02').ok).toBe(true);
    expect(updateAction(doc, id, { reason: '' }, '2025-03-03')).toMatchObject({ ok: false, error: 'reason-required' });
    expect(readThemeActions(doc)[0]).toMatchObject({ kind: 'cannot', reason: 'The building is shared with the library' });
  });

  it('refuses out-of-bounds fields with a message naming them', () => {
    const doc = new Y.Doc();
    const id = added(doc);
    const outcome = updateAction(doc, id, { due: '2025-02-30' }, '2025-03-02');
    expect(outcome).toMatchObject({ ok: false, error: 'invalid' });
    expect(!outcome.ok && outcome.message).toMatch(/due/);
    expect(updateAction(doc, id, { owner: 'x'.repeat(121) }, '2025-03-02')).toMatchObject({ ok: false, error: 'invalid' });
    expect(updateAction(doc, 'nope', { owner: 'Team' }, '2025-03-02')).toMatchObject({ ok: false, error: 'not-found' });
  });

  it('removes an action', () => {
    const doc = new Y.Doc();
    const id = added(doc);
    expect(removeAction(doc, id)).toBe(true);
    expect(removeAction(doc, id)).toBe(false);
    expect(readThemeActions(doc)).toEqual([]);
  });

  it('converges when two facilitators edit one action at once, in both merge orders, keeping both history entries', () => {
    const origin = new Y.Doc();
    const id = added(origin);
    for (const order of ['a-first', 'b-first'] as const) {
      const a = new Y.Doc();
      const b = new Y.Doc();
      Y.applyUpdate(a, Y.encodeStateAsUpdate(origin));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(origin));
      expect(updateAction(a, id, { status: 'in-progress', owner: 'Advice service' }, '2025-03-04').ok).toBe(true);
      expect(updateAction(b, id, { text: 'Print the guide in Tigrinya and Arabic', due: '2025-05-15' }, '2025-03-04').ok).toBe(true);
      if (order === 'a-first') exchange(a, b);
      else exchange(b, a);
      const [fromA] = readThemeActions(a);
      expect(readThemeActions(b)).toEqual(readThemeActions(a));
      expect(fromA).toMatchObject({ status: 'in-progress', owner: 'Advice service', text: 'Print the guide in Tigrinya and Arabic', due: '2025-05-15' });
      expect(fromA!.history).toHaveLength(3);
      expect(fromA!.history.map((entry) => entry.status).sort()).toEqual(['in-progress', 'planned', 'planned']);
      expect(fromA!.history[0]).toEqual({ on: '2025-03-01', status: 'planned', text: 'Print the guide in Tigrinya' });
    }
  });

  it('sorts by theme, then id, and skips invalid records instead of throwing', () => {
    const doc = new Y.Doc();
    addAction(doc, { id: 'b1', themeId: 'themeB', kind: 'did', text: 'Later theme' }, '2025-03-01');
    addAction(doc, { id: 'z9', themeId: 'themeA', kind: 'did', text: 'Second' }, '2025-03-01');
    addAction(doc, { id: 'a1', themeId: 'themeA', kind: 'did', text: 'First' }, '2025-03-01');
    doc.transact(() => {
      const actions = getActionsMap(doc);
      actions.set('plain', 'not a map');
      const badKind = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({ themeId: 'themeA', kind: 'maybe', text: '', reason: '', status: 'planned', owner: '', due: null })) badKind.set(key, value);
      actions.set('badKind', badKind);
      const noReason = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({ themeId: 'themeA', kind: 'cannot', text: 'x', reason: '', status: 'planned', owner: '', due: null })) noReason.set(key, value);
      actions.set('noReason', noReason);
      // A junk history entry is left out; the action stays.
      const history = (actions.get('a1') as Y.Map<unknown>).get(ACTION_HISTORY_KEY) as Y.Map<unknown>;
      history.set('junk', { on: 'yesterday', status: 'done', text: '', n: 2 });
    });
    const actions = readThemeActions(doc);
    expect(actions.map((action) => action.id)).toEqual(['a1', 'z9', 'b1']);
    expect(actions[0]!.history).toEqual([{ on: '2025-03-01', status: 'planned', text: 'First' }]);
  });

  it('writes only what the server lets a facilitator write into the control document', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    const id = added(client);
    updateAction(client, id, { status: 'done' }, '2025-03-02');
    removeAction(client, id);
    for (const update of updates) {
      expect(checkUpdateScope(server, update, CLIENT_WRITABLE_CONTROL_ROOTS)).toBe('allowed');
      Y.applyUpdate(server, update);
    }
    // A type nested inside a history entry is deeper than the layout allows.
    const deeper = new Y.Doc();
    Y.applyUpdate(deeper, Y.encodeStateAsUpdate(server));
    const second = added(deeper);
    const update = (() => {
      const before = Y.encodeStateVector(server);
      deeper.transact(() => {
        const history = (getActionsMap(deeper).get(second) as Y.Map<unknown>).get(ACTION_HISTORY_KEY) as Y.Map<unknown>;
        history.set('nested', new Y.Map());
      });
      return Y.encodeStateAsUpdate(deeper, before);
    })();
    expect(checkUpdateScope(server, update, CLIENT_WRITABLE_CONTROL_ROOTS)).toBe('layout');
  });
});
