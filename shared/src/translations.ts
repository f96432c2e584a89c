import * as Y from 'yjs';
import { z } from 'zod';
import { ObjectIdSchema } from './ids.ts';
import { CONTENT_ROOTS } from './model/boardDoc.ts';
import { MAX_OBJECT_TEXT } from './model/records/common.ts';
import { LanguageTagSchema } from './languageTag.ts';
import { RoundIdSchema } from './rounds.ts';

/**
 * Translations beside what people wrote (issue #12, docs/protocol.md
 * "Translations"). An interpreter (or a facilitator) translates a note, a
 * revealed answer or a round's prompt without becoming its author and
 * without touching the original.
 *
 * Every translation is written by the server's own Yjs client into the
 * content document's `translations` root, never by the translator's Y.Doc:
 * - the original keeps its author, and no client can rewrite anyone's
 *   translation (the root is server-written, like `answers`);
 * - an anonymous answer is translated by its `answerId` alone, so the
 *   translation is no more traceable than the answer (docs/anonymity.md);
 * - the entry records no translator, connection or time.
 *
 *   Y.Map('translations')  `<kind>:<targetId>:<lang>` -> Y.Map { kind, targetId, lang, text }
 *
 * One translation per target and language: a second one replaces the first,
 * and the key is the same on every server process, so they converge.
 */
export const TRANSLATION_KINDS = ['object', 'answer', 'prompt'] as const;
export const TranslationKindSchema = z.enum(TRANSLATION_KINDS);
export type TranslationKind = z.infer<typeof TranslationKindSchema>;

/** Longest translation: as long as the longest text it can translate. */
export const MAX_TRANSLATION_LENGTH = MAX_OBJECT_TEXT;

/** What a translation is of: an object on the board (note, text, frame title), a revealed answer's words, or a round's prompt. */
export const TranslationTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('object'), targetId: ObjectIdSchema }).strict(),
  z.object({ kind: z.literal('answer'), targetId: ObjectIdSchema }).strict(),
  z.object({ kind: z.literal('prompt'), targetId: RoundIdSchema }).strict(),
]);
export type TranslationTarget = z.infer<typeof TranslationTargetSchema>;

const translationText = z
  .string()
  .trim()
  .min(1, 'text must not be empty')
  .max(MAX_TRANSLATION_LENGTH, `text must be at most ${MAX_TRANSLATION_LENGTH} characters`);

/** Body of `PUT /api/boards/:id/translations` (interpreter or facilitator). */
export const PutTranslationRequestSchema = z
  .object({ kind: TranslationKindSchema, targetId: z.string(), lang: LanguageTagSchema, text: translationText })
  .strict()
  .superRefine((value, context) => {
    const target = TranslationTargetSchema.safeParse({ kind: value.kind, targetId: value.targetId });
    if (!target.success) context.addIssue({ code: 'custom', path: ['targetId'], message: `targetId is not the id of a${value.kind === 'answer' ? 'n' : ''} ${value.kind}` });
  });
export type PutTranslationRequest = z.infer<typeof PutTranslationRequestSchema>;

/** Body of `DELETE /api/boards/:id/translations`. */
export const DeleteTranslationRequestSchema = z.object({ kind: TranslationKindSchema, targetId: z.string().max(64), lang: LanguageTagSchema }).strict();
export type DeleteTranslationRequest = z.infer<typeof DeleteTranslationRequestSchema>;

/** One entry of the `translations` root, as readers validate it. */
export const TranslationRecordSchema = z.object({
  kind: TranslationKindSchema,
  targetId: z.string().max(64),
  lang: LanguageTagSchema,
  text: z.string().max(MAX_TRANSLATION_LENGTH),
});
export type TranslationRecord = z.infer<typeof TranslationRecordSchema>;

export function getTranslationsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTENT_ROOTS.translations);
}

/** The key of a target's translation into `lang`. Language tags are compared case-insensitively, as BCP 47 says. */
export function translationKey(kind: TranslationKind, targetId: string, lang: string): string {
  return `${kind}:${targetId}:${lang.toLowerCase()}`;
}

/** Every valid translation in the document; entries a reader cannot parse are skipped. */
export function readTranslations(doc: Y.Doc): TranslationRecord[] {
  const out: TranslationRecord[] = [];
  for (const value of getTranslationsMap(doc).values()) {
    if (!(value instanceof Y.Map)) continue;
    const parsed = TranslationRecordSchema.safeParse(value.toJSON());
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/**
 * The translation of a target a reader of `language` should see: an exact
 * tag first (`pt-BR`), then one of the same base language (`pt`), else null.
 */
export function translationFor(translations: readonly TranslationRecord[], kind: TranslationKind, targetId: string, language: string): TranslationRecord | null {
  const wanted = language.toLowerCase();
  const base = wanted.split('-')[0];
  let sameBase: TranslationRecord | null = null;
  for (const entry of translations) {
    if (entry.kind !== kind || entry.targetId !== targetId) continue;
    const lang = entry.lang.toLowerCase();
    if (lang === wanted) return entry;
    if (!sameBase && lang.split('-')[0] === base) sameBase = entry;
  }
  return sameBase;
}

/** Whether two language tags name the same base language (`fa` and `fa-AF`). */
export function sameBaseLanguage(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.toLowerCase().split('-')[0] === b.toLowerCase().split('-')[0];
}
