import { useTranslation } from 'react-i18next';
import { useEditor, useObservable } from '../../editor/EditorContext.ts';
import { useOutlineGroups } from '../outline/useOutlineGroups.ts';
import { hasParticipantRights } from '@clapboard/shared';

/**
 * Tells a participant what a facilitator has locked, and why what they just
 * tried did nothing: the editor refuses changes to locked objects (and the
 * server would undo them), so the page must say why, in words, not only
 * with badges on the canvas.
 */
export function LockNotice() {
  const { t, i18n } = useTranslation();
  const editor = useEditor();
  const locks = useObservable(editor.controls.model.locks);
  const notice = useObservable(editor.notice);
  const { frames } = useOutlineGroups();
  if (!hasParticipantRights(editor.role)) return null;
  const refused = notice?.kind === 'locked' ? <span key={notice.seq} className="lock-refused" data-testid="lock-refused">{t('notice.locked')}</span> : null;
  let text: string | null = null;
  if (locks.board) text = t('lock.board');
  else {
    const titles = frames.filter((frame) => locks.frames.has(frame.id)).map((frame) => frame.title || t('lock.untitledFrame'));
    if (titles.length > 0) text = t('lock.frames', { frames: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(titles) });
  }
  if (!text && !refused) return null;
  return (
    <div className="lock-notice" data-testid="lock-notice" role="status" dir="auto">
      {text && <span>{text}</span>}
      {refused}
    </div>
  );
}
