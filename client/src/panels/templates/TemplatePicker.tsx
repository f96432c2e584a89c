import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useTemplateList } from './useTemplateList.ts';

/**
 * The create page's choice of template (`POST /api/boards` with
 * `template`): a blank board, or one the server builds from a shipped
 * template. Offline or without the list, only a blank board is offered.
 */
export function TemplatePicker({ value, onChange }: { value: string | null; onChange: (templateId: string | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const list = useTemplateList();
  const templates = Array.isArray(list) ? list : [];
  const selected = templates.find((template) => template.id === value);
  return (
    <div className="template-picker">
      <label htmlFor={`${id}-select`}>{t('templates.picker.label')}</label>
      <select
        id={`${id}-select`}
        data-testid="create-template"
        value={selected?.id ?? ''}
        aria-describedby={`${id}-description`}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{t('templates.picker.blank')}</option>
        {templates.map((template) => (
          <option key={template.id} value={template.id}>
            {template.name}
          </option>
        ))}
      </select>
      <p id={`${id}-description`} className="template-picker-description">
        {list === 'loading' ? t('templates.picker.loading') : list === 'unavailable' ? t('templates.picker.unavailable') : (selected?.description ?? t('templates.picker.blankDescription'))}
      </p>
    </div>
  );
}
