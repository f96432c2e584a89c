import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/index.ts';
import { LANGUAGES, isLanguage } from '../i18n/languages.ts';

/**
 * The interface language, on every page. Each language is named in itself
 * (someone looking for Pashto reads پښتو, not "Pashto" in English), marked
 * with its `lang` so a screen reader says it right, and labelled when no
 * fluent speaker has checked its catalog yet. The choice is remembered in
 * this browser.
 */
export function LanguagePicker({ className = '' }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <label className={`language-picker ${className}`.trim()} data-testid="language-picker">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        data-testid="language-select"
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(event) => {
          const picked = event.target.value;
          if (isLanguage(picked)) void switchLanguage(picked, { remember: true });
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code} dir="auto">
            {language.reviewed ? language.name : t('language.unreviewed', { language: language.name })}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The picker at the top of a page that has no header of its own. */
export function LanguageBar() {
  const { t } = useTranslation();
  return (
    <nav className="language-bar" aria-label={t('language.label')}>
      <LanguagePicker />
    </nav>
  );
}
