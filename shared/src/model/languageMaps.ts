import * as Y from 'yjs';
import type { z } from 'zod';
import { LanguageTagSchema } from '../languageTag.ts';
import { getSettingsMap } from './controlDoc.ts';

/**
 * A settings slot holding one plain value per language (the statement's
 * translations, the phrasebook): a nested `Y.Map` from a lower-case
 * language tag to that language's value, so two facilitators saving two
 * languages at once both keep theirs.
 */

/** Every language's value that parses with `schema`; languages that do not are left out. */
export function readLanguageMap<T>(controlDoc: Y.Doc, setting: string, schema: z.ZodType<T>): Record<string, T> {
  const value = getSettingsMap(controlDoc).get(setting);
  if (!(value instanceof Y.Map)) return {};
  const languages: Record<string, T> = {};
  for (const [lang, entry] of value.entries()) {
    if (!LanguageTagSchema.safeParse(lang).success) continue;
    const parsed = schema.safeParse(entry);
    if (parsed.success) languages[lang] = parsed.data;
  }
  return languages;
}

/** Sets one language's value, or removes the language when `value` is null. Call inside a transaction with the writer's origin. */
export function writeLanguageValue(controlDoc: Y.Doc, setting: string, lang: string, value: unknown): void {
  const settings = getSettingsMap(controlDoc);
  let map = settings.get(setting);
  if (!(map instanceof Y.Map)) {
    if (value === null) return;
    map = new Y.Map<unknown>();
    settings.set(setting, map);
  }
  const languages = map as Y.Map<unknown>;
  if (value === null) languages.delete(lang.toLowerCase());
  else languages.set(lang.toLowerCase(), value);
}
