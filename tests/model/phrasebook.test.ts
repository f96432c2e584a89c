import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isValidSettingValue, phraseFor, readPhrasebook, statementTextFingerprint, writePhrasebookLanguage } from '@clapboard/shared';

/** Facilitators' translations of the steps' words, filed by the words they translate (shared/src/model/phrasebook.ts). */
describe('the phrasebook', () => {
  it('gives a phrase in the reader’s language, by exact tag or base language, and nothing for reworded words', () => {
    const doc = new Y.Doc();
    doc.transact(() => writePhrasebookLanguage(doc, 'ar', [['Welcome', ' أهلًا '], ['What works?', ''], ['Question 1', 'السؤال ١']]));
    doc.transact(() => writePhrasebookLanguage(doc, 'uk-UA', [['Welcome', 'Вітаємо']]));
    const book = readPhrasebook(doc);
    expect(book).toEqual({ ar: { [statementTextFingerprint('Welcome')]: 'أهلًا', [statementTextFingerprint('Question 1')]: 'السؤال ١' }, 'uk-ua': { [statementTextFingerprint('Welcome')]: 'Вітаємо' } });
    expect(phraseFor(book, 'ar-SY', 'Welcome')).toEqual({ lang: 'ar', text: 'أهلًا' });
    expect(phraseFor(book, 'uk', 'Welcome')).toEqual({ lang: 'uk-ua', text: 'Вітаємо' });
    // Left empty, reworded, or a language nobody wrote: the original shows.
    expect(phraseFor(book, 'ar', 'What works?')).toBeNull();
    expect(phraseFor(book, 'ar', 'Welcome!')).toBeNull();
    expect(phraseFor(book, 'fr', 'Welcome')).toBeNull();
  });

  it('saving a language again replaces it, and saving it empty removes it', () => {
    const doc = new Y.Doc();
    doc.transact(() => writePhrasebookLanguage(doc, 'fa', [['Welcome', 'خوش آمدید'], ['Goodbye', 'خدا نگهدار']]));
    doc.transact(() => writePhrasebookLanguage(doc, 'fa', [['Welcome', 'خوش آمدید']]));
    expect(Object.keys(readPhrasebook(doc).fa ?? {})).toEqual([statementTextFingerprint('Welcome')]);
    doc.transact(() => writePhrasebookLanguage(doc, 'fa', [['Welcome', '  ']]));
    expect(readPhrasebook(doc)).toEqual({});
  });

  it('is a setting the server holds to its schema', () => {
    const fingerprint = statementTextFingerprint('Welcome');
    expect(isValidSettingValue('phrasebook', { ar: { [fingerprint]: 'أهلًا' } })).toBe(true);
    expect(isValidSettingValue('phrasebook', { ar: { welcome: 'أهلًا' } })).toBe(false);
    expect(isValidSettingValue('phrasebook', { 'not a tag': { [fingerprint]: 'x' } })).toBe(false);
    expect(isValidSettingValue('phrasebook', { ar: { [fingerprint]: 'x'.repeat(1001) } })).toBe(false);
    expect(isValidSettingValue('phrasebook', { ar: { [fingerprint]: '' } })).toBe(false);
  });
});
