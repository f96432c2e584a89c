import type * as Y from 'yjs';
import { z } from 'zod';
import { LanguageTagSchema } from '../languageTag.ts';
import { readLanguageMap, writeLanguageValue } from './languageMaps.ts';
import { statementLanguageFor, statementTextFingerprint } from './statementTranslations.ts';

/**
 * Facilitators' translations of the board's own short texts (issue #12):
 * the steps' titles and prompts, which every page shows as the workshop
 * moves on. Kept as a phrasebook, each translation filed under the
 * fingerprint of the words it translates, not under a step: a translated
 * phrase follows its words wherever they appear (the current step is a copy
 * of its step's words), and one whose original is reworded simply stops
 * matching, so nobody is shown a translation of words that are gone.
 *
 * Stored under `settings.phrasebook` in the control document: a nested
 * `Y.Map` from a lower-case language tag to `{ <fingerprint>: text }`, a
 * plain value (one language is one facilitator's, last save wins).
 */
export const PHRASEBOOK_SETTING = 'phrasebook';

/** More than a board's steps' titles and prompts (2 × MAX_BOARD_STEPS). */
export const MAX_PHRASES_PER_LANGUAGE = 200;
export const MAX_PHRASE_LENGTH = 1000;
export const MAX_PHRASEBOOK_LANGUAGES = 20;

const FingerprintSchema = z.string().regex(/^[0-9a-f]{8}$/);

export const PhrasebookLanguageSchema = z
  .record(FingerprintSchema, z.string().trim().min(1).max(MAX_PHRASE_LENGTH))
  .refine((phrases) => Object.keys(phrases).length <= MAX_PHRASES_PER_LANGUAGE, `at most ${MAX_PHRASES_PER_LANGUAGE} phrases per language`);
export const PhrasebookSchema = z
  .record(LanguageTagSchema, PhrasebookLanguageSchema)
  .refine((book) => Object.keys(book).length <= MAX_PHRASEBOOK_LANGUAGES, `at most ${MAX_PHRASEBOOK_LANGUAGES} languages`);
export type Phrasebook = z.infer<typeof PhrasebookSchema>;

/** What the board holds, languages that do not parse left out. */
export function readPhrasebook(controlDoc: Y.Doc): Phrasebook {
  return readLanguageMap(controlDoc, PHRASEBOOK_SETTING, PhrasebookLanguageSchema);
}

/**
 * Sets one language's translations of `originals` (pairs of original words
 * and their translation; an empty translation leaves the phrase out), and
 * drops that language's phrases for words no original has any more. Call
 * inside a transaction with the writer's origin.
 */
export function writePhrasebookLanguage(controlDoc: Y.Doc, lang: string, pairs: ReadonlyArray<readonly [original: string, translation: string]>): void {
  const phrases: Record<string, string> = {};
  for (const [original, translation] of pairs) {
    const text = translation.trim();
    if (original && text) phrases[statementTextFingerprint(original)] = text;
  }
  writeLanguageValue(controlDoc, PHRASEBOOK_SETTING, lang, Object.keys(phrases).length > 0 ? phrases : null);
}

/** A phrase in the reader's language (that tag, else one of its base language), or null when nobody translated these words into it. */
export function phraseFor(book: Phrasebook, language: string, original: string): { lang: string; text: string } | null {
  const lang = statementLanguageFor(Object.keys(book), language);
  const text = lang ? book[lang]?.[statementTextFingerprint(original)] : undefined;
  return lang && text ? { lang, text } : null;
}
