import { useTranslation } from 'react-i18next';
import { useEditor } from '../../editor/EditorContext.ts';
import { ActionEditor } from './ActionEditor.tsx';
import { ActionSummary } from './ActionSummary.tsx';
import { NewActionForm } from './NewActionForm.tsx';
import { useThemeActions } from './useThemeActions.ts';

/**
 * A theme's actions ("we did", "we will", "we can't, because …"), inside
 * its card in the synthesis panel. Facilitators edit them (they live in the
 * control document, which only facilitators write); everyone else reads
 * them, as on the "You said, we did" page.
 */
export function ThemeActions({ themeId, themeName, onSay }: { themeId: string; themeName: string; onSay: (text: string) => void }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const actions = useThemeActions(editor.controlDoc, themeId);
  const canEdit = editor.role === 'facilitator';
  const headingId = `theme-${themeId}-actions`;
  if (!canEdit && actions.length === 0) return null;
  return (
    <section className="theme-actions-list" aria-labelledby={headingId} data-testid="theme-actions">
      <h4 id={headingId}>{t('actions.heading', { name: themeName })}</h4>
      <ul>
        {actions.map((action) => (canEdit ? <ActionEditor key={action.id} controlDoc={editor.controlDoc} action={action} onSay={onSay} /> : <ActionSummary key={action.id} action={action} />))}
      </ul>
      {canEdit && (
        <details className="action-new-toggle">
          <summary data-testid="action-new-open">{t('actions.newHeading')}</summary>
          <NewActionForm controlDoc={editor.controlDoc} themeId={themeId} onSay={onSay} />
        </details>
      )}
    </section>
  );
}
