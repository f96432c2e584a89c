import { LanguageTagSchema } from '@clapboard/shared';

/**
 * Languages offered first when a facilitator adds a translation: those most
 * often needed at workshops with people seeking asylum and other newcomers
 * in the UK and Europe. Any other language tag can still be typed.
 */
export const COMMON_LANGUAGES = ['ar', 'fa', 'prs', 'ps', 'ku', 'ckb', 'ti', 'am', 'so', 'ur', 'bn', 'pa', 'ta', 'uk', 'ru', 'pl', 'ro', 'sq', 'tr', 'es', 'fr', 'pt', 'zh', 'vi', 'cy', 'en'] as const;

/**
 * A language's name in the interface language ("Arabic" for `ar`), or null
 * when the tag is not one or the browser has no name for it, so the form
 * can confirm what a typed tag means without guessing.
 */
export function languageName(tag: string, interfaceLanguage: string): string | null {
  const trimmed = tag.trim();
  if (!LanguageTagSchema.safeParse(trimmed).success) return null;
  try {
    const name = new Intl.DisplayNames([interfaceLanguage, 'en'], { type: 'language', fallback: 'none' }).of(trimmed);
    return name && name.toLowerCase() !== trimmed.toLowerCase() ? name : null;
  } catch {
    // A tag that matches our loose pattern can still be one Intl rejects ("abc-defghijkl").
    return null;
  }
}

/** Tags as a list a person reads ("Arabic, Tigrinya and pt-XX"): names where known, the tag itself otherwise. */
export function languageList(tags: readonly string[], interfaceLanguage: string): string {
  const names = tags.map((tag) => languageName(tag, interfaceLanguage) ?? tag);
  try {
    return new Intl.ListFormat(interfaceLanguage, { type: 'conjunction' }).format(names);
  } catch {
    return new Intl.ListFormat(undefined, { type: 'conjunction' }).format(names);
  }
}
