import { useTranslation } from 'react-i18next';
import { useEditor, useObservable } from '../../editor/EditorContext.ts';
import { useOutlineGroups } from '../outline/useOutlineGroups.ts';

/**
 * A facilitator's locks and cursor privacy. They write the control
 * document's `settings`, which only facilitators may write; the server
 * reads the same keys and undoes a participant's change to a locked object,
 * and strips cursors from what participants and observers receive.
 */
export function LockControls() {
  const { t } = useTranslation();
  const controls = useEditor().controls;
  const locks = useObservable(controls.model.locks);
  const hideCursors = useObservable(controls.model.hideCursors);
  const deleteOwnOnly = useObservable(controls.model.deleteOwnOnly);
  const { frames } = useOutlineGroups();
  const untitled = t('controls.untitledFrame');
  return (
    <>
      <label className="anon-switch">
        <input type="checkbox" data-testid="lock-board-toggle" checked={locks.board} onChange={(event) => controls.setBoardLocked(event.target.checked)} />
        <span>{t('controls.lockBoard')}</span>
      </label>
      <p className="round-note">{t('controls.lockBoardHelp')}</p>
      <fieldset className="anon-frames">
        <legend>{t('controls.lockFrames')}</legend>
        {frames.length === 0 ? (
          <p className="round-note">{t('controls.noFrames')}</p>
        ) : (
          frames.map((frame) => (
            <label key={frame.id} className="anon-switch">
              <input
                type="checkbox"
                data-testid="lock-frame-toggle"
                data-frame-id={frame.id}
                // With the whole board locked every frame is; the frame's own switch waits underneath.
                checked={locks.board || locks.frames.has(frame.id)}
                disabled={locks.board}
                aria-label={t('controls.lockFrame', { frame: frame.title || untitled })}
                onChange={(event) => controls.setFrameLocked(frame.id, event.target.checked)}
              />
              <span dir="auto">{frame.title || untitled}</span>
            </label>
          ))
        )}
      </fieldset>
      <label className="anon-switch">
        <input type="checkbox" data-testid="hide-cursors-toggle" checked={hideCursors} onChange={(event) => controls.setHideCursors(event.target.checked)} />
        <span>{t('controls.hideCursors')}</span>
      </label>
      <p className="round-note">{t('controls.hideCursorsHelp')}</p>
      <label className="anon-switch">
        <input type="checkbox" data-testid="delete-own-only-toggle" checked={deleteOwnOnly} onChange={(event) => controls.setDeleteOwnOnly(event.target.checked)} />
        <span>{t('controls.deleteOwnOnly')}</span>
      </label>
      <p className="round-note">{t('controls.deleteOwnOnlyHelp')}</p>
    </>
  );
}
