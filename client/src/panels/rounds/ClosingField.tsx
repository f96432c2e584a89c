import { useTranslation } from 'react-i18next';
import { describedBy, FieldError } from './FieldError.tsx';
import { choiceFromValue, choiceValue, clockTime, CLOSE_IN_MINUTES, closesAtFor, type ClosingChoice } from './closingTime.ts';
import type { FormError } from './roundForm.ts';
import { useNow } from './useNow.ts';

/**
 * When a new round stops taking answers: never on its own (closed by
 * hand), in a few minutes, or at a time of day. A span shows the clock time
 * it would end at if asked now, since facilitators plan by the clock.
 */
export function ClosingField({ idBase, choice, error, onChange }: { idBase: string; choice: ClosingChoice; error: FormError | undefined; onChange: (choice: ClosingChoice) => void }) {
  const { t, i18n } = useTranslation();
  const now = useNow(5_000, choice.kind === 'in');
  const preview = choice.kind === 'in' ? closesAtFor(choice, new Date(now)) : null;
  const time = choice.kind === 'at' ? choice.time : '';
  const errorId = `${idBase}-error`;
  const selectError = error && choice.kind !== 'at';
  return (
    <div className="round-closing-field">
      <label htmlFor={`${idBase}-choice`}>{t('rounds.form.closing')}</label>
      <select
        id={`${idBase}-choice`}
        data-testid="round-closing-choice"
        value={choiceValue(choice)}
        aria-invalid={selectError ? true : undefined}
        aria-describedby={describedBy(selectError && errorId, `${idBase}-help`)}
        onChange={(event) => onChange(choiceFromValue(event.target.value, time))}
      >
        <option value="none">{t('rounds.form.closingNone')}</option>
        {CLOSE_IN_MINUTES.map((minutes) => (
          <option key={minutes} value={`in-${minutes}`}>
            {t('rounds.form.closingIn', { count: minutes })}
          </option>
        ))}
        <option value="at">{t('rounds.form.closingAt')}</option>
      </select>
      {choice.kind === 'at' && (
        <>
          <label htmlFor={`${idBase}-time`}>{t('rounds.form.closingTime')}</label>
          <input
            id={`${idBase}-time`}
            data-testid="round-closing-time"
            type="time"
            value={time}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(error && errorId, `${idBase}-help`)}
            onChange={(event) => onChange({ kind: 'at', time: event.target.value })}
          />
        </>
      )}
      <FieldError id={errorId} error={error} />
      <p id={`${idBase}-help`} className="round-length" data-testid="round-closing-help">
        {preview?.ok && preview.closesAt ? `${t('rounds.form.closingPreview', { time: clockTime(preview.closesAt, i18n.language, now) })} ` : ''}
        {choice.kind !== 'none' ? t('rounds.form.closingHelp') : ''}
      </p>
    </div>
  );
}
