import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { center } from '@clapboard/shared';
import type { TemplatesApi } from '../../connection/templatesApi.ts';
import { useEditor } from '../../editor/EditorContext.ts';
import { addTemplateErrorMessage } from './addTemplateMessages.ts';
import { showAddedFrames } from './showAddedFrames.ts';
import { useTemplateList } from './useTemplateList.ts';

/** A shipped template, added by the server in the middle of this facilitator's view (or beside what is there). */
export function AddTemplate({ api }: { api: TemplatesApi }) {
  const { t } = useTranslation();
  const id = useId();
  const editor = useEditor();
  const list = useTemplateList();
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const templates = Array.isArray(list) ? list : [];
  const selected = templates.find((template) => template.id === chosen) ?? templates[0];

  const handleAdd = async () => {
    if (!selected) return;
    setBusy(true);
    setStatus('');
    const result = await api.addTemplate({ templateId: selected.id, at: center(editor.viewport.visible()) });
    setBusy(false);
    if (!result.ok) return setStatus(addTemplateErrorMessage(t, result.error));
    showAddedFrames(editor, result.value);
    setStatus(t('templates.add.added', { name: selected.name, count: result.value.length }));
  };

  return (
    <div className="round-form template-add">
      <h3>{t('templates.add.heading')}</h3>
      {list === 'loading' && <p className="round-note">{t('templates.picker.loading')}</p>}
      {list === 'unavailable' && <p className="round-note">{t('templates.add.unavailable')}</p>}
      {selected && (
        <>
          <label htmlFor={`${id}-template`}>{t('templates.add.choose')}</label>
          <select id={`${id}-template`} data-testid="template-add-select" value={selected.id} onChange={(event) => setChosen(event.target.value)} aria-describedby={`${id}-description`}>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </select>
          <p id={`${id}-description`} className="round-note">
            {selected.description}
          </p>
          <div className="round-actions">
            <button type="button" className="primary" data-testid="template-add" disabled={busy} onClick={() => void handleAdd()}>
              {busy ? t('templates.add.adding') : t('templates.add.submit')}
            </button>
          </div>
        </>
      )}
      <p role="status" className="round-status" data-testid="template-add-status">
        {status}
      </p>
    </div>
  );
}
