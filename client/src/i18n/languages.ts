/**
 * Languages the interface ships in. Add a language by adding a resource file
 * in ./locales and a row here; `dir` is derived by i18next (`i18n.dir`), so
 * right-to-left languages such as Arabic or Farsi need no extra wiring.
 */
export const SUPPORTED_LANGUAGES = ['en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = 'en';

/** The first of the browser's preferred languages that we ship, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const match = SUPPORTED_LANGUAGES.find((lang) => lang === base);
    if (match) return match;
  }
  return FALLBACK_LANGUAGE;
}
