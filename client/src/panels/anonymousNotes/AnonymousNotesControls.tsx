import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor, useObservable } from '../../editor/EditorContext.ts';
import { useOutlineGroups } from '../outline/useOutlineGroups.ts';

/**
 * A facilitator's switches: the whole board, or single frames, where new
 * notes are anonymous. They write the control document's `settings`, which
 * only facilitators may write; the server reads the same keys and refuses a
 * note anywhere else.
 */
export function AnonymousNotesControls() {
  const { t } = useTranslation();
  const gate = useEditor().anonymousNotes;
  const mode = useObservable(gate.model.mode);
  const { frames } = useOutlineGroups();
  const id = useId();
  return (
    <section className="anon-controls panel" aria-labelledby={`${id}-heading`} data-testid="anonymous-notes-controls">
      <h2 id={`${id}-heading`}>{t('anonymousNotes.controls.heading')}</h2>
      <p className="round-note">{t('anonymousNotes.controls.intro')}</p>
      <label className="anon-switch">
        <input type="checkbox" data-testid="anonymous-board-toggle" checked={mode.board} onChange={(event) => gate.setBoard(event.target.checked)} />
        <span>{t('anonymousNotes.controls.board')}</span>
      </label>
      <fieldset className="anon-frames">
        <legend>{t('anonymousNotes.controls.frames')}</legend>
        {frames.length === 0 ? (
          <p className="round-note">{t('anonymousNotes.controls.noFrames')}</p>
        ) : (
          frames.map((frame) => (
            <label key={frame.id} className="anon-switch">
              <input
                type="checkbox"
                data-testid="anonymous-frame-toggle"
                data-frame-id={frame.id}
                // With the whole board anonymous every frame is too; the frame's own switch waits underneath.
                checked={mode.board || mode.frames.has(frame.id)}
                disabled={mode.board}
                aria-label={t('anonymousNotes.controls.frame', { frame: frame.title || t('anonymousNotes.controls.untitledFrame') })}
                onChange={(event) => gate.setFrame(frame.id, event.target.checked)}
              />
              <span dir="auto">{frame.title || t('anonymousNotes.controls.untitledFrame')}</span>
            </label>
          ))
        )}
      </fieldset>
    </section>
  );
}
