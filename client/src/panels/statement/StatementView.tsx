import { useTranslation } from 'react-i18next';
import { STATEMENT_FIELDS, calendarDay, type EngagementStatement, type StatementField } from '@clapboard/shared';
import './statement.css';
import { STATEMENT_HEADING_KEY, STATEMENT_LEVEL_KEYS } from '../../i18n/keys/workshopKeys.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The statement in plain language, one question per section, for someone
 * deciding whether to join. The level comes with the IAP2 spectrum's own
 * promise, word for word, so the claim and the promise cannot part.
 * `changed` marks the sections that differ from what this device last read.
 */
export function StatementView({ statement, changed = [], headingLevel = 2 }: { statement: EngagementStatement; changed?: readonly StatementField[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { t, i18n } = useTranslation();
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
    return <p className="statement-text" dir="auto" data-testid={`statement-${field}`}>{statement[field]}</p>;
  };
  return (
    <div className="statement-view">
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
