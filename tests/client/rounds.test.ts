/**
 * The client's read of anonymous rounds: the control document's
 * server-written `rounds` root as a list that follows the server's writes,
 * the prompt in the reader's language, and refusals in words a person can
 * act on. (The HTTP side runs against a real server in tests/e2e/rounds.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getRoundsMap } from '@clapboard/shared';
import { en } from '../../client/src/i18n/locales/en.ts';
import { Rounds } from '../../client/src/model/Rounds.ts';
import { answerLanguage, roundErrorText } from '../../client/src/panels/rounds/roundMessages.ts';
import { promptFor } from '../../client/src/panels/rounds/promptLanguage.ts';

const OPEN = 'AAAAAAAAAAAAAAAAAAAAAA';
const CLOSED = 'BBBBBBBBBBBBBBBBBBBBBB';

/** What the server's `round` writes put under `rounds.<roundId>`. */
function writeRound(doc: Y.Doc, roundId: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    let map = getRoundsMap(doc).get(roundId) as Y.Map<unknown> | undefined;
    if (!map) {
      map = new Y.Map<unknown>();
      getRoundsMap(doc).set(roundId, map);
    }
    for (const [key, value] of Object.entries(fields)) map.set(key, value);
  });
}

describe('rounds in the control document', () => {
  it('lists valid rounds, open ones first, and follows state and count changes', () => {
    const doc = new Y.Doc();
    writeRound(doc, OPEN, { prompt: 'Later one', k: 3, state: 'closed', count: 4 });
    writeRound(doc, CLOSED, { prompt: 'Now', k: 2, state: 'open', count: 0 });
    getRoundsMap(doc).set('broken', 'not a map');
    const rounds = new Rounds(doc);
    expect(rounds.all.get().map((entry) => entry.id)).toEqual([CLOSED, OPEN]);

    let notified = 0;
    rounds.all.subscribe(() => notified++);
    writeRound(doc, CLOSED, { count: 2 });
    expect(rounds.all.get().find((entry) => entry.id === CLOSED)!.round.count).toBe(2);
    writeRound(doc, CLOSED, { state: 'revealed', frameId: 'round-frame' });
    expect(rounds.all.get().map((entry) => [entry.id, entry.round.state])).toEqual([
      [OPEN, 'closed'],
      [CLOSED, 'revealed'],
    ]);
    expect(notified).toBe(2);
    rounds.destroy();
    writeRound(doc, OPEN, { count: 5 });
    expect(notified).toBe(2);
  });
});

/** i18next's `t` over the English strings, enough for these keys (no plurals); the tests' package does not ship i18next. */
const t = ((key: string, values: Record<string, unknown> = {}) => {
  const template = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en) as string;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}) as unknown as Parameters<typeof roundErrorText>[0];

describe('round wording', () => {
  it('shows the prompt in the reader’s language, exact tag first, then its base', () => {
    const round = { prompt: 'What helps?', translations: { ar: 'ما الذي يساعد؟', 'pt-BR': 'O que ajuda?' } };
    expect(promptFor(round, ['ar-EG'])).toEqual({ text: 'ما الذي يساعد؟', lang: 'ar' });
    expect(promptFor(round, ['pt-BR'])).toEqual({ text: 'O que ajuda?', lang: 'pt-BR' });
    expect(promptFor(round, ['en'])).toEqual({ text: 'What helps?' });
    expect(promptFor({ prompt: 'What helps?' }, ['ar'])).toEqual({ text: 'What helps?' });
  });

  it('sends the interface language only when it is a language tag', () => {
    expect(answerLanguage('en')).toBe('en');
    expect(answerLanguage('pt-BR')).toBe('pt-BR');
    expect(answerLanguage('cimode')).toBeUndefined();
  });

  it('names each refusal, with k for a reveal below the threshold and zod’s words for a bad body', () => {
    expect(roundErrorText(t, { status: 409, code: 'BELOW_THRESHOLD', message: 'not enough answers' }, { k: 3 })).toBe(
      'Not enough answers yet to reveal without identifying anyone (needs 3).',
    );
    expect(roundErrorText(t, { status: 409, code: 'ROUND_CLOSED', message: 'round closed' })).toBe('This question is closed: it no longer takes answers.');
    expect(roundErrorText(t, { status: 400, code: 'BAD_REQUEST', message: '✖ text must be at most 1000 characters\n  → at text' })).toBe(
      'Not saved: text must be at most 1000 characters',
    );
    expect(roundErrorText(t, { status: null, code: null, message: 'network' })).toBe(en.rounds.error.network);
    expect(roundErrorText(t, { status: 500, code: 'INTERNAL', message: 'boom' })).toBe('Something went wrong (500). Try again.');
  });
});
