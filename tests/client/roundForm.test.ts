/**
 * The facilitator's "ask a question" form as data: a request body the
 * server's schema accepts, or errors pinned to the field that caused them,
 * each an English sentence that exists in the locale.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TRANSLATIONS } from '@clapboard/shared';
import { en } from '../../client/src/i18n/locales/en.ts';
import { buildRoundRequest, type FormError, type RoundDraft } from '../../client/src/panels/rounds/roundForm.ts';

const NOW = new Date(2030, 4, 6, 14, 20, 30);
const DRAFT: RoundDraft = { prompt: '  What would help?  ', k: '3', translations: [], closing: { kind: 'none' } };

/** The English sentence an error names; fails if the key is not in en.ts. */
function english(error: FormError | undefined): string {
  expect(error).toBeDefined();
  const template = error!.key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  expect(typeof template, error!.key).toBe('string');
  return (template as string).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(error!.values?.[name]));
}

describe('the new-round form', () => {
  it('builds a trimmed body with k, translations and a closing time', () => {
    const result = buildRoundRequest(
      { ...DRAFT, k: '4', translations: [{ key: 'a', lang: ' ar ', text: 'ما الذي سيساعد؟' }, { key: 'b', lang: '', text: '  ' }], closing: { kind: 'in', minutes: 10 } },
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      body: { prompt: 'What would help?', k: 4, translations: { ar: 'ما الذي سيساعد؟' }, closesAt: new Date(NOW.getTime() + 10 * 60_000).toISOString() },
    });
  });

  it('leaves out translations and closesAt when there are none', () => {
    expect(buildRoundRequest(DRAFT, NOW)).toEqual({ ok: true, body: { prompt: 'What would help?', k: 3 } });
  });

  it('names an empty question and a k out of range or missing', () => {
    const result = buildRoundRequest({ ...DRAFT, prompt: '   ', k: '1' }, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(english(result.errors.prompt)).toBe('Write the question.');
    expect(english(result.errors.k)).toBe('Enter a whole number from 2 to 1000.');
    for (const k of ['', '2.5', 'three']) {
      const refused = buildRoundRequest({ ...DRAFT, k }, NOW);
      expect(refused.ok ? null : english(refused.errors.k)).toBe('Enter a whole number from 2 to 1000.');
    }
  });

  it('pins translation errors to their row: bad tag, missing tag, missing words, same language twice', () => {
    const result = buildRoundRequest(
      {
        ...DRAFT,
        translations: [
          { key: 'bad', lang: 'Arabic!', text: 'ما الذي سيساعد؟' },
          { key: 'nolang', lang: '', text: 'Qu’est-ce qui aiderait ?' },
          { key: 'nowords', lang: 'ti', text: ' ' },
          { key: 'first', lang: 'fa', text: 'چه چیزی کمک می‌کند؟' },
          { key: 'again', lang: 'FA', text: 'چه چیزی' },
        ],
      },
      NOW,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { rows } = result.errors;
    expect(Object.keys(rows).sort()).toEqual(['again', 'bad', 'nolang', 'nowords']);
    expect(english(rows.bad!.lang)).toBe('This is not a language tag. Use one such as ar or pt-BR.');
    expect(english(rows.nolang!.lang)).toBe('Give the language of this translation.');
    expect(english(rows.nowords!.text)).toBe('Write the question in this language, or remove the translation.');
    expect(english(rows.again!.lang)).toBe('There is already a translation into FA.');
    expect(result.errors.prompt).toBeUndefined();
  });

  it('refuses more translations than the server takes', () => {
    const translations = Array.from({ length: MAX_TRANSLATIONS + 1 }, (_, i) => ({ key: `r${i}`, lang: `a${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, text: 'Q' }));
    const result = buildRoundRequest({ ...DRAFT, translations }, NOW);
    expect(result.ok ? null : english(result.errors.translations)).toBe(`A question can have at most ${MAX_TRANSLATIONS} translations.`);
  });

  it('names a closing time that has passed or was not given', () => {
    const past = buildRoundRequest({ ...DRAFT, closing: { kind: 'at', time: '09:00' } }, NOW);
    expect(past.ok ? null : english(past.errors.closing)).toBe('That time has already passed today. Choose a later time.');
    const missing = buildRoundRequest({ ...DRAFT, closing: { kind: 'at', time: '' } }, NOW);
    expect(missing.ok ? null : english(missing.errors.closing)).toBe('Choose the time it should close.');
  });
});
