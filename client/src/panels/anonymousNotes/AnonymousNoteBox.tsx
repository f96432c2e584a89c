import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ANONYMOUS_NOTE_LENGTH } from '@clapboard/shared';
import type { AnonymousNotesApi } from '../../connection/anonymousNotesApi.ts';
import type { AnonymousNoteReceipts } from '../../model/AnonymousNoteReceipts.ts';
import { useEditor, useObservable } from '../../editor/EditorContext.ts';
import { anonymousNoteErrorText, noteLanguage } from './anonymousNoteMessages.ts';

type Status = { kind: 'ok' | 'error'; text: string } | null;

/**
 * The text box a new note opens where notes are anonymous (the editor
 * created nothing: AnonymousNotesGate). The words go to the server as one
 * HTTP request and nowhere else: a plain textarea outside the board editor,
 * so typing sets no presence field and writes to no Y.Doc. "Saved" only on
 * the 201; the receipt stays on this device. The camera does not move to
 * the new card and nothing is selected: both are in presence, and would
 * point at its author.
 */
export function AnonymousNoteBox({ api, receipts }: { api: AnonymousNotesApi; receipts: AnonymousNoteReceipts }) {
  const { t, i18n } = useTranslation();
  const gate = useEditor().anonymousNotes;
  const draft = useObservable(gate.draft);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [saved, setSaved] = useState(false);
  const id = useId();
  const closeRef = useRef<HTMLButtonElement>(null);

  // A new request (another tap) starts a fresh note, keeping words not yet sent.
  useEffect(() => {
    setSaved(false);
    setStatus(null);
    // Words carried over from the phone's writing sheet (notes became anonymous there while they wrote).
    if (draft?.text) setText(draft.text);
  }, [draft?.seq, draft?.text]);
  useEffect(() => {
    if (saved) closeRef.current?.focus();
  }, [saved]);

  if (!draft) return null;

  const close = () => {
    gate.cancel();
    setStatus(null);
    setSaved(false);
  };

  const handleSend = async (event: FormEvent) => {
    event.preventDefault();
    const words = text.trim();
    if (!words) {
      setStatus({ kind: 'error', text: t('anonymousNotes.error.empty') });
      return;
    }
    setBusy(true);
    setStatus(null);
    const lang = noteLanguage(i18n.language);
    const result = await api.add({ text: words, x: draft.at.x, y: draft.at.y, ...(lang ? { lang } : {}) });
    setBusy(false);
    if (!result.ok) {
      setStatus({ kind: 'error', text: anonymousNoteErrorText(t, result.error) });
      return;
    }
    receipts.save(result.value.answerId, { receipt: result.value.receipt, text: words });
    setText('');
    setSaved(true);
    setStatus({ kind: 'ok', text: t('anonymousNotes.box.saved') });
  };

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !busy) {
      event.stopPropagation();
      close();
    }
  };

  return (
    <section
      className="anon-note-box panel"
      role="dialog"
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-intro`}
      data-testid="anonymous-note-box"
      onKeyDown={handleKeyDown}
    >
      <h2 id={`${id}-heading`}>{t('anonymousNotes.box.heading')}</h2>
      <p id={`${id}-intro`} className="round-note">
        {t('anonymousNotes.box.intro')}
      </p>
      {!saved && (
        <form className="round-form" onSubmit={handleSend}>
          <label htmlFor={`${id}-text`}>{t('anonymousNotes.box.label')}</label>
          <textarea
            id={`${id}-text`}
            data-testid="anonymous-note-text"
            dir="auto"
            rows={3}
            autoFocus
            maxLength={MAX_ANONYMOUS_NOTE_LENGTH}
            value={text}
            aria-describedby={`${id}-length`}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={`${id}-length`} className="round-length">
            {t('anonymousNotes.box.length', { count: text.length, max: MAX_ANONYMOUS_NOTE_LENGTH })}
          </p>
          <div className="round-actions">
            <button type="submit" className="primary" data-testid="anonymous-note-send" disabled={busy}>
              {busy ? t('anonymousNotes.box.sending') : t('anonymousNotes.box.send')}
            </button>
            <button type="button" data-testid="anonymous-note-cancel" disabled={busy} onClick={close}>
              {t('anonymousNotes.box.cancel')}
            </button>
          </div>
        </form>
      )}
      <p role="status" className={status?.kind === 'error' ? 'round-status error' : 'round-status'} data-testid="anonymous-note-status">
        {status?.text ?? ''}
      </p>
      {saved && (
        <div className="round-actions">
          <button type="button" ref={closeRef} data-testid="anonymous-note-close" onClick={close}>
            {t('anonymousNotes.box.close')}
          </button>
        </div>
      )}
    </section>
  );
}
