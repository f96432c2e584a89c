/**
 * The languages a reader reads, most wanted first: the interface language
 * they picked, then their browser's. Someone who reads Tigrinya gets an
 * English interface (none ships in Tigrinya) but a Tigrinya translation
 * beside a note when an interpreter wrote one.
 */
export function readingLanguages(interfaceLanguage: string): string[] {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? [...navigator.languages] : navigator.language ? [navigator.language] : [];
  return [interfaceLanguage, ...browser].filter((tag, index, all) => tag.length > 0 && all.indexOf(tag) === index);
}

/** Languages an interpreter may translate into beyond the interface's: those people who seek asylum in Europe often speak (BCP 47). */
export const EXTRA_TRANSLATION_LANGUAGES = ['ti', 'ckb', 'kmr', 'so', 'am', 'ur', 'ku', 'sq', 'es', 'pt', 'ru', 'tr', 'bn', 'zh', 'vi'] as const;

/** A language's own name for itself ("ትግርኛ" for `ti`), or the tag when the browser does not know it. */
export function nativeLanguageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
