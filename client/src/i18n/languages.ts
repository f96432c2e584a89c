/**
 * Languages the interface ships in. Add a language by adding a catalog in
 * ./locales (strings, `review` and `sameAsEnglish`), a loader in
 * ./catalogs.ts and a row here; `dir` is derived by i18next (`i18n.dir`),
 * so right-to-left languages need no extra wiring. tests/i18n checks that
 * each catalog is complete and that `reviewed` here matches its `review`.
 */
export const LANGUAGES = [
  { code: 'en', name: 'English', reviewed: true },
  { code: 'ar', name: 'العربية', reviewed: false },
  { code: 'fa', name: 'فارسی', reviewed: false },
  { code: 'ps', name: 'پښتو', reviewed: false },
  { code: 'uk', name: 'Українська', reviewed: false },
  { code: 'fr', name: 'Français', reviewed: false },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];
export const SUPPORTED_LANGUAGES: readonly Language[] = LANGUAGES.map((language) => language.code);
export const FALLBACK_LANGUAGE: Language = 'en';

/**
 * Browser language tags that mean one we ship under another code: Dari
 * (`prs`, and Persian as written in Afghanistan) reads the Persian catalog;
 * `pbt`/`pbu` are Pashto's regional codes.
 */
const ALIASES: Readonly<Record<string, Language>> = { prs: 'fa', pbt: 'ps', pbu: 'ps' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages that we ship, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    const match = isLanguage(base) ? base : ALIASES[base];
    if (match) return match;
  }
  return FALLBACK_LANGUAGE;
}
