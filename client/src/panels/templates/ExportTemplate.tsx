import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEMPLATE_DESCRIPTION_LENGTH, MAX_TEMPLATE_FRAMES, MAX_TEMPLATE_NAME_LENGTH, readBoardSteps, templateFileName, templateFromBoard, templateToJson } from '@clapboard/shared';
import type * as Y from 'yjs';
import { useEditor } from '../../editor/EditorContext.ts';
import { downloadFile } from './downloadFile.ts';

/**
 * Saves the board's frames, the text and notes in them, and the board's
 * steps as a template file (shared/src/templates/templateFromBoard.ts),
 * downloaded by this browser: nothing goes to the server. Anonymous
 * answers are never part of it.
 */
export function ExportTemplate({ controlDoc, boardTitle }: { controlDoc: Y.Doc; boardTitle: string }) {
  const { t } = useTranslation();
  const id = useId();
  const editor = useEditor();
  const [name, setName] = useState<string | null>(null);
  const [description, setDescription] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const shownName = name ?? boardTitle.slice(0, MAX_TEMPLATE_NAME_LENGTH);
  const shownDescription = description ?? t('templates.export.defaultDescription', { title: boardTitle }).slice(0, MAX_TEMPLATE_DESCRIPTION_LENGTH);

  const handleSave = () => {
    editor.store.flush();
    const saved = templateFromBoard(editor.store.sorted(), readBoardSteps(controlDoc), {
      name: shownName,
      description: shownDescription,
      untitledFrame: t('templates.export.untitledFrame'),
      untitledStep: t('templates.export.untitledStep'),
    });
    if (!saved.ok) {
      const messages = {
        'no-frames': t('templates.export.noFrames'),
        'too-many-frames': t('templates.export.tooManyFrames', { max: MAX_TEMPLATE_FRAMES }),
        'too-spread-out': t('templates.export.tooSpreadOut'),
        invalid: t('templates.export.invalid'),
      };
      return setStatus(messages[saved.reason]);
    }
    const file = templateFileName(saved.template);
    downloadFile(file, templateToJson(saved.template), 'application/json');
    setStatus(saved.notesLeftOut > 0 ? t('templates.export.savedLeftOut', { file, count: saved.notesLeftOut }) : t('templates.export.saved', { file }));
  };

  return (
    <div className="round-form template-export">
      <h3>{t('templates.export.heading')}</h3>
      <p className="round-note">{t('templates.export.intro')}</p>
      <label htmlFor={`${id}-name`}>{t('templates.export.name')}</label>
      <input id={`${id}-name`} dir="auto" data-testid="template-export-name" value={shownName} maxLength={MAX_TEMPLATE_NAME_LENGTH} onChange={(event) => setName(event.target.value)} />
      <label htmlFor={`${id}-description`}>{t('templates.export.description')}</label>
      <textarea id={`${id}-description`} dir="auto" rows={2} value={shownDescription} maxLength={MAX_TEMPLATE_DESCRIPTION_LENGTH} onChange={(event) => setDescription(event.target.value)} />
      <div className="round-actions">
        <button type="button" data-testid="template-export" disabled={!shownName.trim()} onClick={handleSave}>
          {t('templates.export.submit')}
        </button>
      </div>
      <p role="status" className="round-status" data-testid="template-export-status">
        {status}
      </p>
    </div>
  );
}
