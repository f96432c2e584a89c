import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_RUN_BY_LENGTH,
  MAX_STATEMENT_TEXT_LENGTH,
  TRANSLATABLE_STATEMENT_FIELDS,
  statementTextFingerprint,
  type EngagementStatement,
  type StatementTranslations,
  type StatementWords,
} from '@clapboard/shared';
import { useEditor } from '../../editor/EditorContext.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { STATEMENT_HEADING_KEY } from '../../i18n/keys/workshopKeys.ts';

/** Every field's words as stored for `lang`, stale ones too: a facilitator updates a translation from what it said. */
function storedWords(translations: StatementTranslations, lang: string): StatementWords {
  const stored = translations[lang] ?? {};
  return Object.fromEntries(TRANSLATABLE_STATEMENT_FIELDS.flatMap((field) => (stored[field] ? [[field, stored[field].text]] : [])));
}

/**
 * A facilitator writes the statement in another language, field by field,
 * with the original above each box. A field whose original changed since it
 * was translated says so; readers see the original there until it is
 * translated again. Saving goes through the editor's command.
 */
export function StatementTranslateForm({ statement, translations, onDone }: {
  statement: EngagementStatement;
  translations: StatementTranslations;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const editor = useEditor();
  const languages = LANGUAGES.filter((language) => language.code !== 'en');
  const [lang, setLang] = useState<string>(languages[0]?.code ?? 'ar');
  const [words, setWords] = useState<StatementWords>(() => storedWords(translations, lang));

  const chooseLanguage = (next: string) => {
    setLang(next);
    setWords(storedWords(translations, next));
  };
  const handleSave = (event: FormEvent) => {
    event.preventDefault();
    editor.translateStatement(statement, lang, words);
    onDone(true);
  };

  return (
    <form className="statement-translate" onSubmit={handleSave} data-testid="statement-translate-form">
      <h3>{t('statement.translate.title')}</h3>
      <label className="statement-field">
        <span>{t('statement.translate.language')}</span>
        <select value={lang} onChange={(event) => chooseLanguage(event.target.value)} data-testid="statement-translate-language">
          {languages.map((language) => (
            <option key={language.code} value={language.code} lang={language.code}>{language.name}</option>
          ))}
        </select>
      </label>
      <p className="statement-field-help">{t('statement.translate.help')}</p>
      {TRANSLATABLE_STATEMENT_FIELDS.map((field) => {
        const id = `statement-translate-${field}`;
        const stored = translations[lang]?.[field];
        const stale = stored !== undefined && stored.source !== statementTextFingerprint(statement[field]);
        return (
          <div key={field} className="statement-field">
            <label htmlFor={id}>{t(STATEMENT_HEADING_KEY[field])}</label>
            <p className="statement-translate-original" id={`${id}-original`} dir="auto">
              <span className="visually-hidden">{t('statement.translate.original')}: </span>
              {statement[field]}
            </p>
            {stale && <p className="statement-translate-stale" id={`${id}-stale`}>{t('statement.translate.outOfDate')}</p>}
            <textarea
              id={id}
              lang={lang}
              dir="auto"
              rows={3}
              maxLength={field === 'runBy' ? MAX_RUN_BY_LENGTH : MAX_STATEMENT_TEXT_LENGTH}
              aria-describedby={stale ? `${id}-original ${id}-stale` : `${id}-original`}
              value={words[field] ?? ''}
              onChange={(event) => setWords((current) => ({ ...current, [field]: event.target.value }))}
              data-testid={id}
            />
          </div>
        );
      })}
      <div className="statement-actions">
        <button type="submit" className="primary" data-testid="statement-translate-save">{t('statement.translate.save')}</button>
        <button type="button" onClick={() => onDone(false)}>{t('statement.translate.cancel')}</button>
      </div>
    </form>
  );
}
