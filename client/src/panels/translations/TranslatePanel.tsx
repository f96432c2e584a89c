import { useEffect, useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canTranslate, translationFor, type Role, type TranslationTarget } from '@clapboard/shared';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { useEditor, useStoreRevision } from '../../editor/EditorContext.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { interfaceLanguageTag, readableZodMessage } from '../apiMessages.ts';
import { useSelection } from '../synthesis/useThemes.ts';
import { useRounds } from '../rounds/useRounds.ts';
import { PromptTranslateForm } from './PromptTranslateForm.tsx';
import { EXTRA_TRANSLATION_LANGUAGES, nativeLanguageName } from './readingLanguages.ts';
import { TranslationBeside } from './TranslationBeside.tsx';

/**
 * An interpreter's (or facilitator's) translation of the one selected note
 * or answer into their interface language. Sent to the server, which writes
 * it beside the original: the translator never becomes its author, and an
 * anonymous answer is translated by its answer id alone.
 */
export function TranslatePanel({ connection, role }: { connection: BoardConnection; role: Role }) {
  const { t, i18n } = useTranslation();
  const editor = useEditor();
  const headingId = useId();
  const fieldId = useId();
  const intoId = useId();
  useStoreRevision();
  useSelection();
  const openRounds = useRounds(connection).filter(({ round }) => round.state === 'open');
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const ids = editor.selection.current;
  const object = ids.length === 1 ? editor.store.get(ids[0]!) : undefined;
  const target: TranslationTarget | null =
    object?.type === 'answer' ? { kind: 'answer', targetId: object.answerId } : object && object.type !== 'connector' ? { kind: 'object', targetId: object.id } : null;
  // An answer's words live outside the object (the server-written `answers` root): followed on their own, so a
  // facilitator's hide empties this panel at once rather than leaving the hidden words on screen.
  const answerId = object?.type === 'answer' ? object.answerId : null;
  const answers = editor.store.answers;
  const revealed = useSyncExternalStore(
    (listener) => (answerId ? answers.subscribe(answerId, listener) : () => {}),
    () => (answerId ? answers.get(answerId) : null),
  );
  // Into the translator's interface language unless they pick another: an interpreter for Tigrinya works in an English interface.
  const [chosen, setChosen] = useState<string | null>(null);
  const lang = chosen ?? interfaceLanguageTag(i18n.language) ?? 'en';
  const language = LANGUAGES.find((entry) => entry.code === lang)?.name ?? nativeLanguageName(lang);
  const choices = [...LANGUAGES.map((entry) => ({ code: entry.code as string, name: entry.name as string })), ...EXTRA_TRANSLATION_LANGUAGES.map((code) => ({ code: code as string, name: nativeLanguageName(code) }))];
  const existing = target ? translationFor(editor.store.translations.all(), target.kind, target.targetId, lang) : null;
  const targetKey = target ? `${target.kind}:${target.targetId}` : '';
  useEffect(() => {
    setText(existing?.text ?? '');
    setStatus('');
    // Only when another note is selected: the draft must survive the store's re-renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [targetKey, lang]);
  if (!canTranslate(role)) return null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!target || !text.trim()) return;
    const result = await connection.translations.put({ ...target, lang, text });
    setStatus(result.ok ? t('translate.saved') : t('translate.failed', { message: readableZodMessage(result.error.message) }));
  };
  const original = object?.type === 'answer' ? (revealed && !revealed.hidden ? revealed.text : '') : object ? editor.store.textOf(object) : '';
  return (
    <section className="panel translate-panel" data-testid="translate-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('translate.heading')}</h2>
      <label className="translate-into" htmlFor={intoId}>{t('translate.into')}</label>
      <select id={intoId} value={lang} onChange={(event) => setChosen(event.target.value)} data-testid="translate-into">
        {choices.map((choice) => (
          <option key={choice.code} value={choice.code} lang={choice.code}>{choice.name}</option>
        ))}
      </select>
      {!target ? (
        <p>{t('translate.selectFirst')}</p>
      ) : (
        <form onSubmit={(event) => void save(event)}>
          <p className="translate-original" dir="auto" lang={object && 'lang' in object ? (object.lang ?? '') : ''}>
            {original}
          </p>
          <label htmlFor={fieldId}>{t('translate.label', { language })}</label>
          <textarea id={fieldId} data-testid="translate-text" dir="auto" lang={lang} rows={3} value={text} onChange={(event) => setText(event.target.value)} />
          <button type="submit" data-testid="translate-save" disabled={!text.trim()}>
            {t('translate.save')}
          </button>
          <p role="status" data-testid="translate-status">
            {status}
          </p>
          <TranslationBeside kind={target.kind} targetId={target.targetId} />
        </form>
      )}
      {openRounds.length > 0 && (
        <>
          <h3>{t('translate.promptsHeading')}</h3>
          {openRounds.map((entry) => (
            <PromptTranslateForm key={`${entry.id}:${lang}`} connection={connection} entry={entry} lang={lang} language={language} />
          ))}
        </>
      )}
    </section>
  );
}
