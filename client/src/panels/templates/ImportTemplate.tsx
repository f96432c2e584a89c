import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEMPLATE_FILE_BYTES, center, parseTemplateJson, type TemplateIssue } from '@clapboard/shared';
import type { TemplatesApi } from '../../connection/templatesApi.ts';
import { useEditor } from '../../editor/EditorContext.ts';
import { addTemplateErrorMessage } from './addTemplateMessages.ts';
import { showAddedFrames } from './showAddedFrames.ts';

/**
 * A template file (saved from a board with ExportTemplate, or written by
 * hand), checked against the schema here first so its problems can be
 * listed where they are, then sent whole to the server, which checks it
 * again and builds it in the middle of this facilitator's view.
 */
export function ImportTemplate({ api }: { api: TemplatesApi }) {
  const { t } = useTranslation();
  const id = useId();
  const editor = useEditor();
  const [status, setStatus] = useState('');
  const [issues, setIssues] = useState<readonly TemplateIssue[]>([]);

  const handleFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again after fixing it reads it again.
    input.value = '';
    if (!file) return;
    setIssues([]);
    if (file.size > MAX_TEMPLATE_FILE_BYTES) return setStatus(t('templates.import.tooLarge', { max: Math.round(MAX_TEMPLATE_FILE_BYTES / 1024) }));
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setStatus(t('templates.import.unreadable'));
    }
    const parsed = parseTemplateJson(text);
    if (!parsed.ok) {
      if (parsed.reason === 'not-json') return setStatus(t('templates.import.notJson'));
      setIssues(parsed.issues);
      return setStatus(t('templates.import.invalid', { count: parsed.issues.length }));
    }
    setStatus(t('templates.import.adding'));
    const result = await api.addTemplate({ template: parsed.template, at: center(editor.viewport.visible()) });
    if (!result.ok) return setStatus(addTemplateErrorMessage(t, result.error));
    showAddedFrames(editor, result.value);
    setStatus(t('templates.import.added', { name: parsed.template.name, count: result.value.length }));
  };

  return (
    <div className="round-form template-import">
      <h3>{t('templates.import.heading')}</h3>
      <label htmlFor={`${id}-file`}>{t('templates.import.label')}</label>
      <input id={`${id}-file`} type="file" accept=".json,application/json" data-testid="template-import-file" aria-describedby={`${id}-help`} onChange={(event) => void handleFile(event)} />
      <p id={`${id}-help`} className="round-note">
        {t('templates.import.help')}
      </p>
      <p role="status" className="round-status" data-testid="template-import-status">
        {status}
      </p>
      {issues.length > 0 && (
        <ul className="template-issues" data-testid="template-import-issues">
          {issues.map((issue, index) => (
            <li key={index}>{issue.where ? t('templates.import.issue', { where: issue.where, message: issue.message }) : issue.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
