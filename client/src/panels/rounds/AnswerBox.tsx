import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ANSWER_LENGTH, type RoundRecord } from '@clapboard/shared';
import type { RoundsApi } from '../../connection/roundsApi.ts';
import type { AnswerReceipts, StoredReceipt } from '../../model/AnswerReceipts.ts';
import { useObservable } from '../../editor/EditorContext.ts';
import { answerLanguage, roundErrorText } from './roundMessages.ts';
import { ClosingTime } from './ClosingTime.tsx';
import { RoundPrompt } from './RoundPrompt.tsx';
import { useFocusRescue } from '../useFocusRescue.ts';

type Status = { kind: 'ok' | 'error'; text: string } | null;

/**
 * One round as a participant sees it: the prompt, a box to answer in, and
 * once answered, the receipt with edit, withdraw and look-up.
 *
 * The words go to the server as their own HTTP request and nowhere else:
 * this box is a plain textarea outside the editor, so typing in it sets no
 * presence field (no "typing" badge) and writes to no Y.Doc
 * (docs/anonymity.md, "Awareness").
 */
export function AnswerBox({ roundId, round, api, receipts }: { roundId: string; round: RoundRecord; api: RoundsApi; receipts: AnswerReceipts }) {
  const { t, i18n } = useTranslation();
  const stored: StoredReceipt | undefined = useObservable(receipts.byRound).get(roundId);
  const [draft, setDraft] = useState(stored?.text ?? '');
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [lookup, setLookup] = useState<string | null>(null);
  const id = useId();
  const composing = (!stored && round.state === 'open') || (stored && editing);
  const receiptRef = useRef<HTMLDivElement>(null);
  const [focusReceipt, setFocusReceipt] = useState(false);
  // The form that had focus is gone once the answer is saved: move focus to
  // what replaced it, so keyboard and screen-reader users are not dropped at the top of the page.
  useEffect(() => {
    if (focusReceipt && receiptRef.current) {
      receiptRef.current.focus();
      setFocusReceipt(false);
    }
  }, [focusReceipt, stored, editing]);
  // Anything else that takes away what had focus (the round closed mid-answer, a withdrawal): to the heading.
  const region = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusRescue(region, heading);

  const handleSend = async (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) {
      setStatus({ kind: 'error', text: t('rounds.error.empty') });
      return;
    }
    setBusy(true);
    setStatus(null);
    setLookup(null);
    const lang = answerLanguage(i18n.language);
    if (stored) {
      const result = await api.editAnswer(roundId, { receipt: stored.receipt, text, ...(lang ? { lang } : {}) });
      if (result.ok) {
        receipts.save(roundId, { receipt: stored.receipt, text });
        setEditing(false);
        setFocusReceipt(true);
        setStatus({ kind: 'ok', text: t('rounds.answer.edited') });
      } else {
        setStatus({ kind: 'error', text: roundErrorText(t, result.error) });
      }
    } else {
      const result = await api.submitAnswer(roundId, { text, ...(lang ? { lang } : {}) });
      // "Saved" only on the 201, which the server sends once the answer is stored.
      if (result.ok) {
        receipts.save(roundId, { receipt: result.value, text });
        setFocusReceipt(true);
        setStatus({ kind: 'ok', text: t('rounds.answer.saved') });
      } else {
        setStatus({ kind: 'error', text: roundErrorText(t, result.error) });
      }
    }
    setBusy(false);
  };

  const handleWithdraw = async () => {
    if (!stored) return;
    setBusy(true);
    setLookup(null);
    const result = await api.withdrawAnswer(roundId, stored.receipt);
    if (result.ok) {
      receipts.forget(roundId);
      setDraft('');
      setEditing(false);
      setStatus({ kind: 'ok', text: t('rounds.answer.withdrawn') });
    } else {
      setStatus({ kind: 'error', text: roundErrorText(t, result.error) });
    }
    setBusy(false);
  };

  const handleLookup = async () => {
    if (!stored) return;
    setBusy(true);
    setStatus(null);
    const result = await api.lookupReceipt(stored.receipt);
    if (result.ok) {
      const found = result.value;
      setLookup(
        found.hiddenReason !== null
          ? t('rounds.lookup.hidden', { reason: found.hiddenReason })
          : found.revealed
            ? t('rounds.lookup.revealed')
            : t('rounds.lookup.notRevealed'),
      );
    } else {
      setLookup(null);
      setStatus({ kind: 'error', text: roundErrorText(t, result.error) });
    }
    setBusy(false);
  };

  const handleForget = () => {
    receipts.forget(roundId);
    setEditing(false);
    setLookup(null);
    setStatus({ kind: 'ok', text: t('rounds.answer.forgotten') });
  };

  return (
    <section ref={region} className="round-answer panel" aria-labelledby={`${id}-heading`} data-testid="round-answer" data-round-id={roundId}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>{t('rounds.answer.heading')}</h2>
      <RoundPrompt roundId={roundId} round={round} />
      {round.state === 'open' && round.closesAt && <ClosingTime closesAt={round.closesAt} />}
      <p className="round-note">{t('rounds.answer.anonymous')}</p>
      {round.state !== 'open' && <p className="round-note">{round.state === 'revealed' ? t('rounds.answer.stateRevealed') : t('rounds.answer.stateClosed')}</p>}

      {composing && (
        <form className="round-form" onSubmit={handleSend}>
          <label htmlFor={`${id}-text`}>{t('rounds.answer.label')}</label>
          {stored && round.state === 'revealed' && <p className="round-warning">{t('rounds.answer.revealedEditWarning')}</p>}
          <textarea
            id={`${id}-text`}
            data-testid="round-answer-text"
            dir="auto"
            rows={4}
            maxLength={MAX_ANSWER_LENGTH}
            // Focus lands here when Edit opens the form, not when the round first appears.
            autoFocus={!!stored}
            value={draft}
            aria-describedby={`${id}-length`}
            onChange={(event) => setDraft(event.target.value)}
          />
          <p id={`${id}-length`} className="round-length">
            {t('rounds.answer.length', { count: draft.length, max: MAX_ANSWER_LENGTH })}
          </p>
          <div className="round-actions">
            <button type="submit" className="primary" data-testid="round-send" disabled={busy}>
              {busy ? t('rounds.answer.sending') : stored ? t('rounds.answer.saveEdit') : t('rounds.answer.send')}
            </button>
            {stored && (
              <button
                type="button"
                onClick={() => {
                  setEditing(false);
                  setDraft(stored.text);
                }}
              >
                {t('rounds.answer.cancelEdit')}
              </button>
            )}
          </div>
        </form>
      )}

      <p role="status" className={status?.kind === 'error' ? 'round-status error' : 'round-status'} data-testid="round-status">
        {status?.text ?? ''}
      </p>
      {stored && !editing && (
        <div className="round-receipt" ref={receiptRef} tabIndex={-1}>
          {stored.text && (
            <>
              <h3>{t('rounds.answer.yourAnswer')}</h3>
              <p className="round-sent" dir="auto" data-testid="round-sent-text">
                {stored.text}
              </p>
            </>
          )}
          <h3>{t('rounds.answer.receiptLabel')}</h3>
          <p>
            <code className="receipt" data-testid="round-receipt">
              {stored.receipt}
            </code>
          </p>
          <p className="round-note">{t('rounds.answer.receiptHelp')}</p>
          <div className="round-actions">
            <button type="button" data-testid="round-edit" disabled={busy} onClick={() => setEditing(true)}>
              {t('rounds.answer.edit')}
            </button>
            <button type="button" data-testid="round-withdraw" disabled={busy} onClick={handleWithdraw}>
              {t('rounds.answer.withdraw')}
            </button>
            <button type="button" data-testid="round-lookup" disabled={busy} onClick={handleLookup}>
              {t('rounds.answer.lookup')}
            </button>
            <button type="button" data-testid="round-forget" disabled={busy} onClick={handleForget}>
              {t('rounds.answer.forget')}
            </button>
          </div>
        </div>
      )}

      {stored && (
        <p role="status" className="round-status" data-testid="round-lookup-result">
          {lookup ?? ''}
        </p>
      )}
    </section>
  );
}
