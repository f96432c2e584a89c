import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { FALLBACK_LANGUAGE, pickLanguage } from './languages.ts';

/**
 * Initialises i18next before the first render so no string ever appears
 * untranslated, and keeps `<html lang dir>` in step with the language so
 * logical CSS properties flip correctly for right-to-left languages.
 */
export function initI18n(): typeof i18n {
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    document.documentElement.dir = i18n.dir(lng);
  });
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: pickLanguage(navigator.languages ?? [navigator.language]),
    fallbackLng: FALLBACK_LANGUAGE,
    interpolation: { escapeValue: false }, // React already escapes.
    initAsync: false,
  });
  return i18n;
}
