import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BoardEditor } from '../../editor/BoardEditor.ts';
import { useEditor } from '../../editor/EditorContext.ts';
import { useSelection } from './useThemes.ts';

/**
 * "Make theme" from the selection, named "New theme" until renamed; the
 * one path shared by the toolbar, the synthesis panel and Ctrl+G. Returns
 * what to announce, or null when nothing was made.
 */
export function makeThemeFromSelection(editor: BoardEditor): string | null {
  const count = editor.themes.selectedContributions().length;
  const name = i18n.t('themes.newName');
  const id = editor.themes.makeThemeFromSelection(name);
  return id ? i18n.t('themes.made', { name, count }) : null;
}

export function MakeThemeButton({ onSay, testId = 'make-theme' }: { onSay?: (text: string) => void; testId?: string }) {
  const { t } = useTranslation();
  const editor = useEditor();
  useSelection();
  const count = editor.themes.selectedContributions().length;
  return (
    <button
      type="button"
      data-testid={testId}
      disabled={count === 0}
      title={count === 0 ? t('themes.makeHint') : t('toolbar.makeThemeHint')}
      aria-keyshortcuts="Control+G"
      onClick={() => {
        const said = makeThemeFromSelection(editor);
        if (said) onSay?.(said);
      }}
    >
      {t('toolbar.makeTheme')}
    </button>
  );
}
