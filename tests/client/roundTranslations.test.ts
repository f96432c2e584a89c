/**
 * Which translation of a round's prompt a reader sees: their browser's
 * languages in order, each matched exactly, then by its base, then by
 * another variant of that base; the original when none matches. And the
 * names a facilitator sees for the tags they type.
 */
import { describe, expect, it } from 'vitest';
import { chooseTranslation, promptFor } from '../../client/src/panels/rounds/promptLanguage.ts';
import { languageList, languageName } from '../../client/src/panels/rounds/languageNames.ts';

const ROUND = { prompt: 'What would help?', translations: { ar: 'ما الذي سيساعد؟', 'pt-BR': 'O que ajudaria?', fa: 'چه چیزی کمک می‌کند؟', zh: '' } };

describe('choosing a translation', () => {
  it('follows the reader’s order of languages, not the order of the translations', () => {
    expect(chooseTranslation(ROUND.translations, ['fa', 'ar'])).toBe('fa');
    expect(chooseTranslation(ROUND.translations, ['de', 'ar-EG', 'fa'])).toBe('ar');
  });

  it('matches tags without regard to case, then by base, then by a sibling variant', () => {
    expect(chooseTranslation(ROUND.translations, ['PT-br'])).toBe('pt-BR');
    expect(chooseTranslation(ROUND.translations, ['ar-SY'])).toBe('ar');
    expect(chooseTranslation(ROUND.translations, ['pt-PT'])).toBe('pt-BR');
    expect(chooseTranslation(ROUND.translations, ['pt'])).toBe('pt-BR');
  });

  it('shows the original when no language matches, and skips empty translations', () => {
    expect(promptFor(ROUND, ['en-GB', 'en'])).toEqual({ text: 'What would help?' });
    expect(promptFor(ROUND, ['zh-CN'])).toEqual({ text: 'What would help?' });
    expect(promptFor({ prompt: 'Only English' }, ['ar'])).toEqual({ text: 'Only English' });
    expect(promptFor(ROUND, [])).toEqual({ text: 'What would help?' });
  });

  it('says which translation it showed, so the page can mark its language', () => {
    expect(promptFor(ROUND, ['ar'])).toEqual({ text: 'ما الذي سيساعد؟', lang: 'ar' });
  });
});

describe('language names', () => {
  it('names a tag in the interface language, and nothing for what is not a tag', () => {
    expect(languageName('ar', 'en')).toBe('Arabic');
    expect(languageName(' ti ', 'en')).toBe('Tigrinya');
    expect(languageName('not a tag', 'en')).toBeNull();
    expect(languageName('', 'en')).toBeNull();
  });

  it('lists translated languages by name, falling back to the tag', () => {
    expect(languageList(['ar', 'fa'], 'en')).toBe('Arabic and Persian');
    expect(languageList(['ar', 'qqq'], 'en')).toBe('Arabic and qqq');
  });
});
