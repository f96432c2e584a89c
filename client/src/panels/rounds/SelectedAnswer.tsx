import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorCode, HideAnswerRequestSchema, MAX_HIDE_REASON_LENGTH } from '@clapboard/shared';
import type { RoundsApi } from '../../connection/roundsApi.ts';
import { useBoardObject, useEditor } from '../../editor/EditorContext.ts';
import { describedBy, FieldError } from './FieldError.tsx';
import type { FormError } from './roundForm.ts';
import { roundErrorText } from './roundMessages.ts';

type Status = { kind: 'ok' | 'error'; text: string } | null;

/**
 * "Hide this answer" for the revealed answer card a facilitator has
 * selected (on the canvas, by click or by Tab). It sits at the top of the
 * side panel, above the rounds, where the selection's other details are not:
 * answer cards have no text to edit in the outline, and the toolbar holds
 * only commands that need no words. Shown for one selected card of a
 * round; anonymous sticky notes have their own controls.
 */
export function SelectedAnswer({ api }: { api: RoundsApi }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const ids = useSyncExternalStore(editor.selection.subscribe, editor.selection.getSnapshot);
  const single = useBoardObject(ids.length === 1 ? ids[0]! : '');
  const answerIds = ids.filter((id) => editor.store.get(id)?.type === 'answer');
  if (single?.type === 'answer') return <HideAnswerForm key={single.answerId} answerId={single.answerId} api={api} />;
  if (answerIds.length > 1) {
    return (
      <p className="round-note" data-testid="round-hide-pick-one">
        {t('rounds.hide.pickOne')}
      </p>
    );
  }
  return null;
}

function HideAnswerForm({ answerId, api }: { answerId: string; api: RoundsApi }) {
  const { t } = useTranslation();
  const { store } = useEditor();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const revealed = useSyncExternalStore(
    (listener) => store.answers.subscribe(answerId, listener),
    () => store.answers.get(answerId),
  );
  const [reason, setReason] = useState('');
  const [error, setError] = useState<FormError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const hiddenRef = useRef<HTMLParagraphElement>(null);
  const [focusHidden, setFocusHidden] = useState(false);
  const hidden = revealed?.hidden === true;
  // The form goes once the server's hide reaches this page; focus moves to
  // what replaced it rather than falling to the top of the page.
  useEffect(() => {
    if (focusHidden && hidden && hiddenRef.current) {
      hiddenRef.current.focus();
      setFocusHidden(false);
    }
  }, [focusHidden, hidden]);
  // Only a round's answers: the hide route looks the answer up in its round.
  if (!revealed || !('roundId' in revealed)) return null;

  const handleHide = async (event: FormEvent) => {
    event.preventDefault();
    // The same check the server makes, so an empty or over-long reason is named here.
    const body = HideAnswerRequestSchema.safeParse({ reason });
    if (!body.success) {
      setError(reason.trim() ? { key: 'rounds.form.error.other', values: { message: body.error.issues[0]?.message ?? '' } } : { key: 'rounds.hide.reasonEmpty' });
      inputRef.current?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    setStatus(null);
    const result = await api.hideAnswer(answerId, body.data.reason);
    if (result.ok) {
      setStatus({ kind: 'ok', text: t('rounds.hide.hidden') });
      setFocusHidden(true);
    } else setStatus({ kind: 'error', text: result.error.code === ApiErrorCode.NotFound ? t('rounds.hide.gone') : roundErrorText(t, result.error) });
    setBusy(false);
  };

  return (
    <section className="round-hide panel" aria-labelledby={`${id}-heading`} data-testid="round-hide" data-answer-id={answerId}>
      <h2 id={`${id}-heading`}>{t('rounds.hide.heading')}</h2>
      {revealed.hidden ? (
        <p className="round-note" data-testid="round-hide-already" ref={hiddenRef} tabIndex={-1}>
          {t('rounds.hide.already', { reason: revealed.hiddenReason ?? '' })}
        </p>
      ) : (
        <>
          <h3>{t('rounds.hide.words')}</h3>
          <p className="round-sent" dir="auto" lang={revealed.lang} data-testid="round-hide-text">
            {revealed.text}
          </p>
          <p id={`${id}-intro`} className="round-note">
            {t('rounds.hide.intro')}
          </p>
          <form className="round-form" noValidate onSubmit={handleHide}>
            <label htmlFor={`${id}-reason`}>{t('rounds.hide.reason')}</label>
            <input
              ref={inputRef}
              id={`${id}-reason`}
              data-testid="round-hide-reason"
              type="text"
              dir="auto"
              aria-required="true"
              maxLength={MAX_HIDE_REASON_LENGTH}
              value={reason}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(error && `${id}-error`, `${id}-help`, `${id}-intro`)}
              onChange={(event) => {
                setReason(event.target.value);
                setError(undefined);
              }}
            />
            <FieldError id={`${id}-error`} error={error} />
            <p id={`${id}-help`} className="round-length">
              {t('rounds.hide.reasonHelp', { max: MAX_HIDE_REASON_LENGTH })}
            </p>
            <div className="round-actions">
              <button type="submit" data-testid="round-hide-submit" disabled={busy}>
                {busy ? t('rounds.hide.hiding') : t('rounds.hide.submit')}
              </button>
            </div>
          </form>
        </>
      )}
      <p role="status" className={status?.kind === 'error' ? 'round-status error' : 'round-status'} data-testid="round-hide-status">
        {status?.text ?? ''}
      </p>
    </section>
  );
}
