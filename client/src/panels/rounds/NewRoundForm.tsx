import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_REVEAL_THRESHOLD, MAX_PROMPT_LENGTH, MAX_REVEAL_THRESHOLD, MIN_REVEAL_THRESHOLD } from '@clapboard/shared';
import type { RoundsApi } from '../../connection/roundsApi.ts';
import { ClosingField } from './ClosingField.tsx';
import type { ClosingChoice } from './closingTime.ts';
import { describedBy, FieldError } from './FieldError.tsx';
import { buildRoundRequest, type RoundFormErrors, type TranslationDraft } from './roundForm.ts';
import { roundErrorText } from './roundMessages.ts';
import { TranslationFields } from './TranslationFields.tsx';

type Status = { kind: 'ok' | 'error'; text: string } | null;

const NO_ERRORS: RoundFormErrors = { rows: {} };

/**
 * The facilitator's "ask a question" form: prompt, threshold k,
 * translations and closing time. Checked here with the server's own schema
 * (roundForm.ts), so mistakes are named at the field before anything is
 * sent; the browser's own validation is off (`noValidate`) so every error
 * reads the same way and is tied to its field with `aria-describedby`.
 */
export function NewRoundForm({ api }: { api: RoundsApi }) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [prompt, setPrompt] = useState('');
  const [k, setK] = useState(String(DEFAULT_REVEAL_THRESHOLD));
  const [translations, setTranslations] = useState<TranslationDraft[]>([]);
  const [closing, setClosing] = useState<ClosingChoice>({ kind: 'none' });
  const [errors, setErrors] = useState<RoundFormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);

  // After a refused submit, focus the first field marked invalid: its error is read with it.
  useEffect(() => {
    if (focusInvalid) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  const handleOpen = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildRoundRequest({ prompt, k, translations, closing }, new Date());
    if (!built.ok) {
      setErrors(built.errors);
      setStatus({ kind: 'error', text: t('rounds.form.notAsked') });
      setFocusInvalid((n) => n + 1);
      return;
    }
    setErrors(NO_ERRORS);
    setBusy(true);
    setStatus(null);
    const result = await api.createRound(built.body);
    if (result.ok) {
      setPrompt('');
      // The languages stay for the next question (a session is usually run
      // in the same few); their words go, so none is asked in the wrong words.
      setTranslations((rows) => rows.map((row) => ({ ...row, text: '' })));
      setStatus({ kind: 'ok', text: t('rounds.controls.opened') });
    } else {
      // A 400 here is the server's schema or clock disagreeing with ours (a
      // closing time that passed while the request travelled): its words say which.
      setStatus({ kind: 'error', text: roundErrorText(t, result.error) });
    }
    setBusy(false);
  };

  return (
    <>
      <form ref={formRef} className="round-form" noValidate onSubmit={handleOpen} data-testid="round-new-form">
        <label htmlFor={`${id}-prompt`}>{t('rounds.controls.prompt')}</label>
        <textarea
          id={`${id}-prompt`}
          data-testid="round-prompt-input"
          dir="auto"
          rows={2}
          aria-required="true"
          maxLength={MAX_PROMPT_LENGTH}
          value={prompt}
          aria-invalid={errors.prompt ? true : undefined}
          aria-describedby={describedBy(errors.prompt && `${id}-prompt-error`)}
          onChange={(event) => {
            setPrompt(event.target.value);
            setErrors((current) => ({ ...current, prompt: undefined }));
          }}
        />
        <FieldError id={`${id}-prompt-error`} error={errors.prompt} />
        <label htmlFor={`${id}-k`}>{t('rounds.controls.k')}</label>
        <input
          id={`${id}-k`}
          data-testid="round-k-input"
          type="number"
          inputMode="numeric"
          min={MIN_REVEAL_THRESHOLD}
          max={MAX_REVEAL_THRESHOLD}
          step={1}
          aria-required="true"
          value={k}
          aria-invalid={errors.k ? true : undefined}
          aria-describedby={describedBy(errors.k && `${id}-k-error`, `${id}-k-help`)}
          onChange={(event) => {
            setK(event.target.value);
            setErrors((current) => ({ ...current, k: undefined }));
          }}
        />
        <FieldError id={`${id}-k-error`} error={errors.k} />
        <p id={`${id}-k-help`} className="round-length">
          {t('rounds.controls.kHelp', { min: MIN_REVEAL_THRESHOLD })}
        </p>
        <ClosingField
          idBase={`${id}-closing`}
          choice={closing}
          error={errors.closing}
          onChange={(choice) => {
            setClosing(choice);
            setErrors((current) => ({ ...current, closing: undefined }));
          }}
        />
        <TranslationFields
          idBase={`${id}-tr`}
          rows={translations}
          errors={errors}
          onChange={(rows, changedKey) => {
            setTranslations(rows);
            if (changedKey) {
              setErrors((current) => {
                const { [changedKey]: _cleared, ...rest } = current.rows;
                return { ...current, rows: rest, translations: undefined };
              });
            }
          }}
        />
        <FieldError id={`${id}-other-error`} error={errors.other} />
        <div className="round-actions">
          <button type="submit" className="primary" data-testid="round-open" disabled={busy}>
            {busy ? t('rounds.controls.opening') : t('rounds.controls.open')}
          </button>
        </div>
      </form>
      <p role="status" className={status?.kind === 'error' ? 'round-status error' : 'round-status'} data-testid="round-controls-status">
        {status?.text ?? ''}
      </p>
    </>
  );
}
