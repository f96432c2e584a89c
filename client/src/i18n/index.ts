import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { CATALOG_LOADERS } from './catalogs.ts';
import { FALLBACK_LANGUAGE, isLanguage, pickLanguage, type Language } from './languages.ts';

/** Where this browser remembers the language someone picked (a preference, not a secret). */
const STORED_LANGUAGE_KEY = 'clapboard.language';

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORED_LANGUAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // Storage blocked (private mode, a strict browser): fall back to the browser's languages.
  }
}

/** The language a page opens in: the one picked in this browser before, else the browser's first we ship. */
export function initialLanguage(): Language {
  return storedLanguage() ?? pickLanguage(navigator.languages ?? [navigator.language]);
}

/**
 * Initialises i18next before the first render so no string ever appears
 * untranslated, and keeps `<html lang dir>` in step with the language so
 * logical CSS properties flip correctly for right-to-left languages.
 * Resolves once the page's language is loaded (at once for English).
 */
export async function initI18n(): Promise<typeof i18n> {
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    document.documentElement.dir = i18n.dir(lng);
  });
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: FALLBACK_LANGUAGE,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: false,
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React already escapes.
    initAsync: false,
  });
  const language = initialLanguage();
  if (language !== FALLBACK_LANGUAGE) await switchLanguage(language);
  return i18n;
}

/**
 * Switches the interface to `language`, loading its catalog first. A
 * catalog that cannot be fetched (offline, an old cached page) leaves the
 * interface as it was. `remember`: keep it for this browser's next visit.
 */
export async function switchLanguage(language: Language, options: { remember?: boolean } = {}): Promise<boolean> {
  if (language !== 'en' && !i18n.hasResourceBundle(language, 'translation')) {
    try {
      const catalog = await CATALOG_LOADERS[language]();
      i18n.addResourceBundle(language, 'translation', catalog.strings, true, true);
    } catch {
      return false;
    }
  }
  await i18n.changeLanguage(language);
  if (options.remember) {
    try {
      window.localStorage.setItem(STORED_LANGUAGE_KEY, language);
    } catch {
      // Not remembered; the choice still holds on this page.
    }
  }
  return true;
}

/** The language the page shows now, as a language we ship: what the server is asked to answer in (connection/apiHeaders.ts). */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : FALLBACK_LANGUAGE;
}
