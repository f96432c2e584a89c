import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deletion } from '../../editor/BoardEditor.ts';
import { useEditor, useObservable } from '../../editor/EditorContext.ts';
import { DELETED_KIND_KEY } from '../../i18n/keys/objectKeys.ts';

/** How long the offer to undo stays: long enough to notice and reach the button. */
const TOAST_MS = 8_000;

/**
 * After a delete, "Deleted 2 notes. Undo" for a few seconds. Undo takes back
 * that one step through the editor's undo manager; once anything else is
 * done or undone the editor withdraws the offer. The status region is always
 * in the page so screen readers announce what appears in it; the timer waits
 * while the pointer or focus is on the toast.
 */
export function UndoToast() {
  const { t } = useTranslation();
  const editor = useEditor();
  const deletion = useObservable(editor.lastDeletion);
  const [shown, setShown] = useState<Deletion | null>(null);
  const [held, setHeld] = useState(false);

  useEffect(() => setShown(deletion), [deletion]);
  useEffect(() => {
    if (!shown || held) return;
    const timer = window.setTimeout(() => setShown(null), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [shown, held]);

  const handleUndo = () => {
    if (shown) editor.undoDeletion(shown);
    setShown(null);
    setHeld(false);
  };

  return (
    <div
      role="status"
      className={shown ? 'undo-toast shown' : 'undo-toast'}
      data-testid="undo-toast"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      {shown && (
        <>
          <span>{t(DELETED_KIND_KEY[shown.kind], { count: shown.count })}</span>
          <button type="button" data-testid="undo-toast-undo" onClick={handleUndo}>
            {t('undoToast.undo')}
          </button>
        </>
      )}
    </div>
  );
}
