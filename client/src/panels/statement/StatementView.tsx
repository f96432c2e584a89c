import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATEMENT_FIELDS, TRANSLATABLE_STATEMENT_FIELDS, calendarDay, statementLanguageFor, type EngagementStatement, type StatementField, type StatementWords, type TranslatableStatementField } from '@clapboard/shared';
import './statement.css';
import { STATEMENT_HEADING_KEY, STATEMENT_LEVEL_KEYS } from '../../i18n/keys/workshopKeys.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The statement in plain language, one question per section, for someone
 * deciding whether to join. The level comes with the IAP2 spectrum's own
 * promise, word for word, so the claim and the promise cannot part.
 * `changed` marks the sections that differ from what this device last read.
 * Where the organisers translated it into the reader's language, that is
 * what is shown, with the original one button away.
 */
export function StatementView({ statement, changed = [], headingLevel = 2, translations = {} }: {
  statement: EngagementStatement;
  changed?: readonly StatementField[];
  headingLevel?: 2 | 3;
  /** Per language, the fields that still translate this statement (currentStatementTranslations). */
  translations?: Readonly<Record<string, StatementWords>>;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { t, i18n } = useTranslation();
  const [showOriginal, setShowOriginal] = useState(false);
  const lang = statementLanguageFor(Object.keys(translations), i18n.language);
  const words = lang ? translations[lang] : undefined;
  const translated = (field: StatementField): string | undefined =>
    !showOriginal && words && (TRANSLATABLE_STATEMENT_FIELDS as readonly string[]).includes(field) ? words[field as TranslatableStatementField] : undefined;
  const day = calendarDay(statement.deleteOn);
  const date = day === null ? statement.deleteOn : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(day * DAY_MS);
  const body = (field: StatementField) => {
    if (field === 'level') {
      const level = statement.level;
      return (
        <>
          <p className="statement-level" data-testid="statement-level">{t(STATEMENT_LEVEL_KEYS[level].name)}</p>
          <p dir="auto">{t(STATEMENT_LEVEL_KEYS[level].plain)}</p>
          <p className="statement-promise-intro">{t('statement.promiseIntro')}</p>
          <blockquote className="statement-promise" data-testid="statement-promise">{t(STATEMENT_LEVEL_KEYS[level].promise)}</blockquote>
        </>
      );
    }
    if (field === 'deleteOn') return <p data-testid="statement-deleteOn">{t('statement.deletion', { date })}</p>;
    const translation = translated(field);
    if (translation !== undefined) return <p className="statement-text" dir="auto" lang={lang ?? undefined} data-testid={`statement-${field}`} data-translated="">{translation}</p>;
    return <p className="statement-text" dir="auto" data-testid={`statement-${field}`}>{statement[field]}</p>;
  };
  return (
    <div className="statement-view">
      {words && Object.keys(words).length > 0 && (
        <p className="statement-translation-note" data-testid="statement-translation-note">
          <span>{showOriginal ? null : t('statement.translation.note')}</span>
          <button type="button" onClick={() => setShowOriginal((value) => !value)} data-testid="statement-show-original">
            {showOriginal ? t('statement.translation.showTranslation') : t('statement.translation.showOriginal')}
          </button>
        </p>
      )}
      {STATEMENT_FIELDS.map((field) => (
        <section key={field} className={changed.includes(field) ? 'statement-section statement-changed' : 'statement-section'} data-changed={changed.includes(field) || undefined}>
          <Heading>
            {t(STATEMENT_HEADING_KEY[field])}
            {changed.includes(field) && <span className="statement-changed-mark"> {t('statement.changedMark')}</span>}
          </Heading>
          {body(field)}
        </section>
      ))}
    </div>
  );
}
