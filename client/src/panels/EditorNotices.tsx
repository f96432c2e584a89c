import { useTranslation } from 'react-i18next';
import { useEditor, useObservable } from '../editor/EditorContext.ts';
import { NOTICE_KEY } from '../i18n/keys/panelKeys.ts';

/**
 * Reads out what a command declined to do (a paste of objects this version
 * cannot read, say), wherever focus is: a shortcut that silently does
 * nothing looks like a broken keyboard.
 */
export function EditorNotices() {
  const { t } = useTranslation();
  const editor = useEditor();
  const notice = useObservable(editor.notice);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="editor-notice">
      {/* A new node per notice (keyed by `seq`), so the same words twice are announced twice. */}
      {notice && <span key={notice.seq}>{t(NOTICE_KEY[notice.kind])}</span>}
    </p>
  );
}
