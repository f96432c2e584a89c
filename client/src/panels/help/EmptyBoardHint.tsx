import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../editor/EditorContext.ts';

/** On an empty board, for people who can edit: how to put the first note down. Gone with the first object. */
export function EmptyBoardHint() {
  const { t } = useTranslation();
  const editor = useEditor();
  const empty = useSyncExternalStore(
    (listener) => editor.store.subscribe(listener),
    () => editor.store.size === 0,
  );
  if (!editor.canEdit || !empty) return null;
  return (
    <p className="empty-board-hint" data-testid="empty-board-hint">
      {t('emptyBoard.hint')}
    </p>
  );
}
