import { pickInterfaceLanguage, type InterfaceLanguage } from '@clapboard/shared';

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
// Every shipped catalog is a language the server and the exports write too, and the reverse.
const sameLanguages: [Language, InterfaceLanguage] extends [InterfaceLanguage, Language] ? true : never = true;
void sameLanguages;
export const SUPPORTED_LANGUAGES: readonly Language[] = LANGUAGES.map((language) => language.code);
export const FALLBACK_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages that we ship (Dari reads Persian: shared/src/interfaceLanguages.ts), else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  return pickInterfaceLanguage(preferred);
}
