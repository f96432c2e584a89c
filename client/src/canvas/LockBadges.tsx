import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { boardToScreen } from '@clapboard/shared';
import { useEditor, useObservable, useStoreRevision } from '../editor/EditorContext.ts';

/**
 * A "Locked" badge on each frame a facilitator locked, for everyone (the
 * facilitators see what they locked, participants see what they cannot
 * change). HTML over the canvas, like the vote badges. The side panel's
 * notice says the same in words.
 */
export function LockBadges() {
  const locks = useObservable(useEditor().controls.model.locks);
  return <div className="cursor-overlay">{locks.frames.size > 0 && <Badges frames={locks.frames} />}</div>;
}

function Badges({ frames }: { frames: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const editor = useEditor();
  useStoreRevision();
  const view = useSyncExternalStore(
    (listener) => editor.viewport.subscribe(listener),
    () => editor.viewport.current,
  );
  return (
    <>
      {[...frames].map((id) => {
        const frame = editor.store.get(id);
        if (!frame || frame.type !== 'frame') return null;
        const at = boardToScreen(view, { x: frame.x + frame.width, y: frame.y });
        return (
          <div key={id} className="lock-badge" data-testid="lock-badge" data-frame-id={id} style={{ transform: `translate(calc(${at.x}px - 100%), ${at.y + 4}px)` }}>
            <svg width="10" height="12" viewBox="0 0 10 12" aria-hidden="true">
              <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
              <rect x="1" y="5" width="8" height="6.5" rx="1.2" fill="currentColor" />
            </svg>{' '}
            {t('lock.badge')}
          </div>
        );
      })}
    </>
  );
}
