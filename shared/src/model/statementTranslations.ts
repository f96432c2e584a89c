import type * as Y from 'yjs';
import { z } from 'zod';
import { LanguageTagSchema } from '../languageTag.ts';
import { readLanguageMap, writeLanguageValue } from './languageMaps.ts';
import { MAX_RUN_BY_LENGTH, MAX_STATEMENT_TEXT_LENGTH, type EngagementStatement } from './statement.ts';

/**
 * The engagement statement in other languages, written by facilitators
 * (issue #12): people read what they are joining in their own language,
 * before they join, and the original is one tap away.
 *
 * Stored under `settings.statementTranslations` in the control document:
 * a nested `Y.Map` from a language tag to that language's translation, a
 * plain value, so two facilitators writing two languages at once both keep
 * theirs (one language is one person's, last write wins).
 *
 * Each translated field remembers a fingerprint of the original words it
 * translates (`source`). When a facilitator changes the original, the old
 * translation no longer matches and readers are shown the new original
 * instead: a translation never says what the statement no longer says.
 */
export const STATEMENT_TRANSLATIONS_SETTING = 'statementTranslations';

/** The fields written in words (the level and the date are shown in the reader's language already). */
export const TRANSLATABLE_STATEMENT_FIELDS = ['purpose', 'canChange', 'cannotChange', 'inputUse', 'feedback', 'runBy'] as const;
export type TranslatableStatementField = (typeof TRANSLATABLE_STATEMENT_FIELDS)[number];

/** More languages than any workshop has interpreters for; bounds what every joiner downloads. */
export const MAX_STATEMENT_LANGUAGES = 20;

function fieldTranslation(max: number) {
  return z.object({ text: z.string().trim().min(1).max(max), source: z.string().regex(/^[0-9a-f]{8}$/) }).strict();
}

/** One language's translation: any of the word fields, each with the fingerprint of the original it translates. */
export const StatementTranslationSchema = z
  .object({
    purpose: fieldTranslation(MAX_STATEMENT_TEXT_LENGTH).optional(),
    canChange: fieldTranslation(MAX_STATEMENT_TEXT_LENGTH).optional(),
    cannotChange: fieldTranslation(MAX_STATEMENT_TEXT_LENGTH).optional(),
    inputUse: fieldTranslation(MAX_STATEMENT_TEXT_LENGTH).optional(),
    feedback: fieldTranslation(MAX_STATEMENT_TEXT_LENGTH).optional(),
    runBy: fieldTranslation(MAX_RUN_BY_LENGTH).optional(),
  })
  .strict();
export type StatementTranslation = z.infer<typeof StatementTranslationSchema>;

/** Every language's translation, keyed by language tag (lower case). */
export const StatementTranslationsSchema = z
  .record(LanguageTagSchema, StatementTranslationSchema)
  .refine((translations) => Object.keys(translations).length <= MAX_STATEMENT_LANGUAGES, `at most ${MAX_STATEMENT_LANGUAGES} languages`);
export type StatementTranslations = z.infer<typeof StatementTranslationsSchema>;

/** FNV-1a over one field's words, 8 hex digits: the same words give the same fingerprint everywhere. */
export function statementTextFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** What the board holds, languages that do not parse left out. */
export function readStatementTranslations(controlDoc: Y.Doc): StatementTranslations {
  return readLanguageMap(controlDoc, STATEMENT_TRANSLATIONS_SETTING, StatementTranslationSchema);
}

/**
 * Writes one language's translation of `statement` (the original as the
 * facilitator sees it): empty fields are left out, each kept one is marked
 * with the fingerprint of the original's words. No field left removes the
 * language. Call inside a transaction with the writer's origin.
 */
export function writeStatementTranslation(
  controlDoc: Y.Doc,
  statement: EngagementStatement,
  lang: string,
  texts: Partial<Record<TranslatableStatementField, string>>,
): void {
  const translation: StatementTranslation = {};
  for (const field of TRANSLATABLE_STATEMENT_FIELDS) {
    const text = texts[field]?.trim();
    if (text) translation[field] = { text, source: statementTextFingerprint(statement[field]) };
  }
  writeLanguageValue(controlDoc, STATEMENT_TRANSLATIONS_SETTING, lang, Object.keys(translation).length > 0 ? translation : null);
}

/** Of the languages a statement is translated into, the one for a reader: that exact tag, else one of the same base language (`ar` for `ar-SY`), else null. */
export function statementLanguageFor(languages: Iterable<string>, language: string): string | null {
  const wanted = language.toLowerCase();
  const base = wanted.split('-')[0];
  let sameBase: string | null = null;
  for (const lang of languages) {
    if (lang === wanted) return lang;
    if (!sameBase && lang.split('-')[0] === base) sameBase = lang;
  }
  return sameBase;
}

/** One language's words for the statement as it is now, by field. */
export type StatementWords = Partial<Record<TranslatableStatementField, string>>;

/** The fields of `translation` that still translate `statement` as it is now (their original has not changed since). */
export function currentStatementTranslation(statement: EngagementStatement, translation: StatementTranslation): StatementWords {
  const current: StatementWords = {};
  for (const field of TRANSLATABLE_STATEMENT_FIELDS) {
    const entry = translation[field];
    if (entry && entry.source === statementTextFingerprint(statement[field])) current[field] = entry.text;
  }
  return current;
}

/** Every language's current fields, languages with none left out: what readers are shown (`GET /api/boards/:id/statement` answers with it). */
export function currentStatementTranslations(statement: EngagementStatement, translations: StatementTranslations): Record<string, StatementWords> {
  const current: Record<string, StatementWords> = {};
  for (const [lang, translation] of Object.entries(translations)) {
    const words = currentStatementTranslation(statement, translation);
    if (Object.keys(words).length > 0) current[lang] = words;
  }
  return current;
}
