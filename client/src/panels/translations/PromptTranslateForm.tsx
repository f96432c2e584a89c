import { useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { translationFor } from '@clapboard/shared';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { useEditor } from '../../editor/EditorContext.ts';
import type { RoundEntry } from '../../model/Rounds.ts';
import { readableZodMessage } from '../apiMessages.ts';

/**
 * An open round's question translated by an interpreter into their
 * interface language, through the server (kind `prompt`), so participants
 * reading that language see it in the answer box (RoundPrompt).
 */
export function PromptTranslateForm({ connection, entry, lang, language }: { connection: BoardConnection; entry: RoundEntry; lang: string; language: string }) {
  const { t } = useTranslation();
  const fieldId = useId();
  const translations = useEditor().store.translations;
  const all = useSyncExternalStore(translations.subscribe, () => translations.all());
  const existing = translationFor(all, 'prompt', entry.id, lang)?.text ?? entry.round.translations?.[lang] ?? '';
  // The draft starts from what is there and is then the translator's own: a store update does not overwrite typing.
  const [text, setText] = useState(existing);
  const [status, setStatus] = useState('');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    const result = await connection.translations.put({ kind: 'prompt', targetId: entry.id, lang, text });
    setStatus(result.ok ? t('translate.saved') : t('translate.failed', { message: readableZodMessage(result.error.message) }));
  };
  return (
    <form className="translate-prompt" onSubmit={(event) => void save(event)} data-testid="translate-prompt" data-round-id={entry.id}>
      <p className="translate-original" dir="auto">{entry.round.prompt}</p>
      <label htmlFor={fieldId}>{t('translate.label', { language })}</label>
      <textarea id={fieldId} data-testid="translate-prompt-text" dir="auto" lang={lang} rows={2} value={text} onChange={(event) => setText(event.target.value)} />
      <button type="submit" data-testid="translate-prompt-save" disabled={!text.trim()}>
        {t('translate.save')}
      </button>
      <p role="status" data-testid="translate-prompt-status">{status}</p>
    </form>
  );
}
