import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ANSWER_LENGTH, type RoundRecord } from '@clapboard/shared';
import type { RoundsApi } from '../../connection/roundsApi.ts';
import { describedBy } from './FieldError.tsx';
import { roundErrorText } from './roundMessages.ts';

type Status = { kind: 'ok' | 'error'; text: string } | null;

/**
 * A facilitator types in answers people wrote on paper, one at a time, into
 * an open round. The box empties after each one the server has stored (its
 * 201) and keeps focus, ready for the next sheet. The count is of this page's
 * additions only: the round's own count stays coarse (docs/anonymity.md).
 * No receipt is kept (RoundsApi.transcribeAnswer says why), which the note
 * tells the facilitator before they promise anyone otherwise.
 */
export function PaperAnswers({ roundId, round, api }: { roundId: string; round: Pick<RoundRecord, 'k'>; api: RoundsApi }) {
  const { t } = useTranslation();
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [added, setAdded] = useState(0);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const invalid = status?.kind === 'error';

  const handleAdd = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setStatus({ kind: 'error', text: t('rounds.paper.empty') });
      textRef.current?.focus();
      return;
    }
    setBusy(true);
    setStatus(null);
    const result = await api.transcribeAnswer(roundId, text);
    if (result.ok) {
      setText('');
      // `added` is current: the button is disabled while a request is out, so no two overlap.
      setAdded(added + 1);
      setStatus({ kind: 'ok', text: t('rounds.paper.added', { count: added + 1 }) });
    } else {
      setStatus({ kind: 'error', text: roundErrorText(t, result.error, round) });
    }
    setBusy(false);
    textRef.current?.focus();
  };

  return (
    <details className="round-paper" data-testid="round-paper">
      <summary>{t('rounds.paper.summary')}</summary>
      <p id={`${id}-help`} className="round-note">
        {t('rounds.paper.help')}
      </p>
      <form className="round-form" noValidate onSubmit={handleAdd}>
        <label htmlFor={`${id}-text`}>{t('rounds.paper.label')}</label>
        <textarea
          ref={textRef}
          id={`${id}-text`}
          data-testid="round-paper-text"
          dir="auto"
          rows={3}
          maxLength={MAX_ANSWER_LENGTH}
          value={text}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy(`${id}-help`, invalid && `${id}-status`)}
          onChange={(event) => setText(event.target.value)}
        />
        <div className="round-actions">
          <button type="submit" data-testid="round-paper-add" disabled={busy}>
            {busy ? t('rounds.paper.adding') : t('rounds.paper.add')}
          </button>
        </div>
      </form>
      <p id={`${id}-status`} role="status" className={invalid ? 'round-status error' : 'round-status'} data-testid="round-paper-status" data-added={added}>
        {status?.text ?? ''}
      </p>
    </details>
  );
}
