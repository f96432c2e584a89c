import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ANONYMOUS_NOTE_LENGTH } from '@clapboard/shared';
import type { AnonymousNotesApi } from '../../connection/anonymousNotesApi.ts';
import type { AnonymousNoteReceipts } from '../../model/AnonymousNoteReceipts.ts';
import type { StoredReceipt } from '../../model/AnswerReceipts.ts';
import { useObservable } from '../../editor/EditorContext.ts';
import { anonymousNoteErrorText, noteLanguage } from './anonymousNoteMessages.ts';

type Status = { kind: 'ok' | 'error'; text: string } | null;

/**
 * This device's own anonymous notes, from the receipts it keeps: edit
 * (the server rewrites the words, from its own client) or withdraw each.
 * The list is never sent anywhere; a note's card on the board carries no
 * sign of whose it is, and editing one here selects nothing there.
 */
export function MyAnonymousNotes({ api, receipts }: { api: AnonymousNotesApi; receipts: AnonymousNoteReceipts }) {
  const { t } = useTranslation();
  const held = useObservable(receipts.byRound);
  const id = useId();
  // Said here, not in the row: a withdrawn or forgotten note's row is gone.
  const [notice, setNotice] = useState('');
  if (held.size === 0 && !notice) return null;
  return (
    <section className="anon-mine panel" aria-labelledby={`${id}-heading`} data-testid="my-anonymous-notes">
      <h2 id={`${id}-heading`}>{t('anonymousNotes.mine.heading')}</h2>
      <p className="round-note">{t('anonymousNotes.mine.help')}</p>
      <ul className="round-list">
        {[...held].map(([answerId, stored]) => (
          <MyNote key={answerId} answerId={answerId} stored={stored} api={api} receipts={receipts} onGone={setNotice} />
        ))}
      </ul>
      <p role="status" className="round-status" data-testid="my-anonymous-notes-status">
        {notice}
      </p>
    </section>
  );
}

interface MyNoteProps {
  answerId: string;
  stored: StoredReceipt;
  api: AnonymousNotesApi;
  receipts: AnonymousNoteReceipts;
  /** The note left this list (withdrawn or forgotten): what to tell the person. */
  onGone: (notice: string) => void;
}

function MyNote({ answerId, stored, api, receipts, onGone }: MyNoteProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(stored.text);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const id = useId();

  const handleSave = async (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return setStatus({ kind: 'error', text: t('anonymousNotes.error.empty') });
    setBusy(true);
    const lang = noteLanguage(i18n.language);
    const result = await api.edit({ receipt: stored.receipt, text, ...(lang ? { lang } : {}) });
    setBusy(false);
    if (!result.ok) return setStatus({ kind: 'error', text: anonymousNoteErrorText(t, result.error) });
    receipts.save(answerId, { receipt: stored.receipt, text });
    setEditing(false);
    setStatus({ kind: 'ok', text: t('anonymousNotes.mine.edited') });
  };

  const handleWithdraw = async () => {
    setBusy(true);
    const result = await api.withdraw(stored.receipt);
    setBusy(false);
    if (!result.ok) return setStatus({ kind: 'error', text: anonymousNoteErrorText(t, result.error) });
    receipts.forget(answerId);
    onGone(t('anonymousNotes.mine.withdrawn'));
  };

  return (
    <li className="round-row" data-testid="my-anonymous-note" data-answer-id={answerId}>
      {editing ? (
        <form className="round-form" onSubmit={handleSave}>
          <label htmlFor={`${id}-text`}>{t('anonymousNotes.mine.label')}</label>
          <textarea
            id={`${id}-text`}
            data-testid="my-anonymous-note-text"
            dir="auto"
            rows={3}
            autoFocus
            maxLength={MAX_ANONYMOUS_NOTE_LENGTH}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="round-actions">
            <button type="submit" className="primary" data-testid="my-anonymous-note-save" disabled={busy}>
              {t('anonymousNotes.mine.save')}
            </button>
            <button
              type="button"
              onClick={() => {
                setEditing(false);
                setDraft(stored.text);
              }}
            >
              {t('anonymousNotes.mine.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="round-sent" dir="auto" data-testid="my-anonymous-note-sent">
            {stored.text}
          </p>
          <div className="round-actions">
            <button type="button" data-testid="my-anonymous-note-edit" disabled={busy} onClick={() => setEditing(true)}>
              {t('anonymousNotes.mine.edit')}
            </button>
            <button type="button" data-testid="my-anonymous-note-withdraw" disabled={busy} onClick={handleWithdraw}>
              {t('anonymousNotes.mine.withdraw')}
            </button>
            <button
              type="button"
              data-testid="my-anonymous-note-forget"
              disabled={busy}
              onClick={() => {
                receipts.forget(answerId);
                onGone(t('anonymousNotes.mine.forgotten'));
              }}
            >
              {t('anonymousNotes.mine.forget')}
            </button>
          </div>
        </>
      )}
      <p role="status" className={status?.kind === 'error' ? 'round-status error' : 'round-status'} data-testid="my-anonymous-note-status">
        {status?.text ?? ''}
      </p>
    </li>
  );
}
