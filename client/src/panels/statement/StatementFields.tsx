import { useTranslation } from 'react-i18next';
import { IAP2_LEVELS, STATEMENT_FIELDS, type StatementField } from '@clapboard/shared';
import { deleteOnRange, maxLength, type StatementDraftState } from './statementDraft.ts';
import './statement.css';
import { STATEMENT_FIELD_LABEL_KEY, STATEMENT_LEVEL_KEYS } from '../../i18n/keys/workshopKeys.ts';

/**
 * The statement's fields, for the create page and the facilitator's edit
 * dialog. Each level of the spectrum is offered with its promise, so a
 * facilitator picks the promise they will be held to, not a label.
 */
export function StatementFields({ state, idPrefix, intro = true }: { state: StatementDraftState; idPrefix: string; intro?: boolean }) {
  const { t } = useTranslation();
  const { draft, setField, errors } = state;
  const range = deleteOnRange();
  const errorCount = Object.values(errors).filter(Boolean).length;
  const id = (field: StatementField) => `${idPrefix}-${field}`;
  const errorOf = (field: StatementField) =>
    errors[field] ? (
      <p id={`${id(field)}-error`} className="statement-field-error error" data-testid={`statement-error-${field}`}>
        {errors[field]}
      </p>
    ) : null;
  const described = (field: StatementField, help?: string) => [errors[field] ? `${id(field)}-error` : null, help ?? null].filter(Boolean).join(' ') || undefined;

  return (
    <fieldset className="statement-fields" data-testid="statement-fields">
      <legend>{t('statement.form.legend')}</legend>
      {intro && <p className="statement-form-intro">{t('statement.form.intro')}</p>}
      <div role="alert">
        {errorCount > 0 && <p className="error statement-field-error" data-testid="statement-error-summary">{t('statement.form.errorSummary', { count: errorCount })}</p>}
      </div>
      {STATEMENT_FIELDS.map((field) => {
        if (field === 'level') {
          return (
            <fieldset key={field} className="statement-levels" aria-describedby={described(field)} aria-invalid={errors.level ? true : undefined}>
              <legend>{t('statement.form.label.level')}</legend>
              {errorOf(field)}
              {IAP2_LEVELS.map((level) => (
                <label key={level} className="statement-level-choice">
                  <input
                    type="radio"
                    name={`${idPrefix}-level`}
                    value={level}
                    checked={draft.level === level}
                    onChange={() => setField('level', level)}
                    data-testid={`statement-level-${level}`}
                  />
                  <span>
                    <strong>{t(STATEMENT_LEVEL_KEYS[level].name)}</strong>
                    <span className="statement-level-promise">{t(STATEMENT_LEVEL_KEYS[level].promise)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          );
        }
        const common = {
          id: id(field),
          value: draft[field],
          'aria-invalid': errors[field] ? true : undefined,
          'data-testid': `statement-input-${field}`,
          onChange: (event: { target: { value: string } }) => setField(field, event.target.value),
        };
        return (
          <div key={field} className="statement-field">
            <label htmlFor={id(field)}>{t(STATEMENT_FIELD_LABEL_KEY[field])}</label>
            {errorOf(field)}
            {field === 'deleteOn' ? (
              <>
                <p id={`${id(field)}-help`} className="statement-field-help">{t('statement.form.deleteHelp')}</p>
                <input type="date" min={range.min} max={range.max} aria-describedby={described(field, `${id(field)}-help`)} {...common} />
              </>
            ) : field === 'runBy' ? (
              <input dir="auto" maxLength={maxLength(field)} aria-describedby={described(field)} {...common} />
            ) : (
              <textarea dir="auto" rows={3} maxLength={maxLength(field)} aria-describedby={described(field)} {...common} />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
