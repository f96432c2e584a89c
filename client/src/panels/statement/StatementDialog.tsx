import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentStatementTranslations, type EngagementStatement, type StatementField, type StatementTranslations } from '@clapboard/shared';
import { LANGUAGES } from '../../i18n/languages.ts';
import { useEditor } from '../../editor/EditorContext.ts';
import { StatementFields } from './StatementFields.tsx';
import { StatementTranslateForm } from './StatementTranslateForm.tsx';
import { StatementView } from './StatementView.tsx';
import { checkDraft, useStatementDraft } from './statementDraft.ts';

/**
 * The statement from the board header, in a modal dialog: read it (with
 * what changed marked), and, for facilitators, edit it. Saving goes through
 * the editor's command, like every other write.
 */
export function StatementDialog({ statement, translations, changed, onClose, onSaved, onRetentionDate }: {
  statement: EngagementStatement | null;
  /** Every language it is translated into, as stored (readStatementTranslations). */
  translations: StatementTranslations;
  changed: readonly StatementField[];
  onClose: () => void;
  onSaved: (statement: EngagementStatement) => void;
  /** Sets the board's retention date on the server (PUT /api/boards/:id/retention) when a saved statement changes it. */
  onRetentionDate?: (deleteOn: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const editor = useEditor();
  const dialog = useRef<HTMLDialogElement>(null);
  const [editing, setEditing] = useState(statement === null && editor.canEditSettings);
  const [translating, setTranslating] = useState(false);
  const [saved, setSaved] = useState<'statement' | 'translation' | null>(null);
  const current = statement ? currentStatementTranslations(statement, translations) : {};
  const translatedInto = LANGUAGES.filter((language) => current[language.code]).map((language) => language.name);
  const draft = useStatementDraft(statement);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  function handleSave(event: FormEvent) {
    event.preventDefault();
    const checked = checkDraft(draft.draft, t);
    if (!checked.ok) {
      draft.setErrors(checked.errors);
      const first = Object.keys(checked.errors)[0];
      dialog.current?.querySelector<HTMLElement>(`[data-testid="statement-input-${first}"], [data-testid="statement-level-inform"]`)?.focus();
      return;
    }
    // The date the board is erased on is kept by the server (its retention date); the statement's copy follows it.
    if (onRetentionDate && checked.statement.deleteOn !== statement?.deleteOn) void onRetentionDate(checked.statement.deleteOn);
    editor.editStatement(checked.statement);
    onSaved(checked.statement);
    setSaved('statement');
    setEditing(false);
  }

  function handleEdit() {
    draft.reset(statement);
    setSaved(null);
    setEditing(true);
  }

  function handleTranslated(didSave: boolean) {
    setTranslating(false);
    setSaved(didSave ? 'translation' : null);
  }

  return (
    <dialog ref={dialog} className="statement-dialog" aria-labelledby="statement-dialog-title" data-testid="statement-dialog" onClose={onClose}>
      <h2 id="statement-dialog-title" className="statement-dialog-title">{t('statement.dialog.title')}</h2>
      {editing ? (
        <form onSubmit={handleSave} noValidate>
          <StatementFields state={draft} idPrefix="edit-statement" intro={false} />
          <div className="statement-actions">
            <button type="submit" className="primary" data-testid="statement-save">{t('statement.form.save')}</button>
            <button type="button" onClick={() => (statement ? setEditing(false) : dialog.current?.close())}>{t('statement.form.cancel')}</button>
          </div>
        </form>
      ) : translating && statement ? (
        <StatementTranslateForm statement={statement} translations={translations} onDone={handleTranslated} />
      ) : (
        <>
          {saved && <p role="status" data-testid="statement-saved">{t(saved === 'statement' ? 'statement.form.saved' : 'statement.translate.saved')}</p>}
          {statement ? <StatementView statement={statement} changed={changed} headingLevel={3} translations={current} /> : <p>{t('statement.dialog.none')}</p>}
          {editor.canEditSettings && translatedInto.length > 0 && <p data-testid="statement-translated-into">{t('statement.translate.translated', { languages: translatedInto.join(', ') })}</p>}
          <div className="statement-actions">
            {editor.canEditSettings && <button type="button" onClick={handleEdit} data-testid="statement-edit">{t('statement.dialog.edit')}</button>}
            {editor.canEditSettings && statement && <button type="button" onClick={() => { setSaved(null); setTranslating(true); }} data-testid="statement-translate">{t('statement.translate.open')}</button>}
            <button type="button" onClick={() => dialog.current?.close()} data-testid="statement-close">{t('statement.dialog.close')}</button>
          </div>
        </>
      )}
    </dialog>
  );
}
