import { memo, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_OBJECT_TEXT } from '@clapboard/shared';
import { useBoardObject, useEditor, useObservable } from '../../editor/EditorContext.ts';
import type { OutlineFrame } from './useOutlineGroups.ts';
import { isolate } from '../../i18n/isolate.ts';
import { FrameOptions } from './FrameOptions.tsx';
import { COLOR_NAME_KEY } from '../../i18n/keys/objectKeys.ts';
import { TranslationBeside } from '../translations/TranslationBeside.tsx';

/** Which of a note row's controls should take focus. */
export type NoteControl = 'text' | 'frame';

/** "Focus this control of note `id` once its row is rendered in group `group`" ('' = unframed). */
export interface FocusRequest {
  id: string;
  group: string;
  control: NoteControl;
}

/**
 * One note as form controls: its text (edits the same Y.Text as the canvas),
 * which frame it is in, and delete. Colour is spelled out, never only shown.
 */
export const OutlineNote = memo(function OutlineNote({
  id,
  frames,
  focusControl,
  onMove,
  onFocused,
}: {
  id: string;
  frames: readonly OutlineFrame[];
  /** Set when this row should take focus (after being added, or moved here). */
  focusControl: NoteControl | null;
  onMove: (id: string, frameId: string | null) => void;
  onFocused: (id: string) => void;
}) {
  const { t } = useTranslation();
  const editor = useEditor();
  const note = useBoardObject(id);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const frameRef = useRef<HTMLSelectElement>(null);
  const selectId = useId();
  /** The frame picked in the select but not yet moved to; null = none picked. */
  const [choice, setChoice] = useState<string | null>(null);
  const text = note?.type === 'note' ? note.text : '';
  // A note a facilitator locked is read-only here too (its frame's lock, or the board's).
  useObservable(editor.controls.model.locks);
  useObservable(editor.controls.model.deleteOwnOnly);
  const mayChange = editor.canEdit && !editor.controls.isLocked(id);
  const mayDelete = editor.mayDelete(id);

  // Uncontrolled: the store updates a frame after each keystroke, and a
  // controlled value would reset the caret. Only foreign changes are applied.
  useEffect(() => {
    const textarea = textRef.current;
    if (textarea && textarea.value !== text) textarea.value = text;
  }, [text]);
  // Layout effect: a moved row is unmounted from one group and mounted in
  // another in the same commit, so focus returns before anything is painted
  // or announced in between.
  useLayoutEffect(() => {
    if (!focusControl) return;
    (focusControl === 'frame' ? frameRef : textRef).current?.focus();
    onFocused(id);
  }, [focusControl, id, onFocused]);

  if (note?.type !== 'note') return null;
  const colour = t(COLOR_NAME_KEY[note.color]);
  const label = t('outline.noteLabel', { colour, text: note.text ? isolate(note.text.slice(0, 40)) : t('outline.empty') });
  const current = note.frameId && frames.some((frame) => frame.id === note.frameId) ? note.frameId : '';
  // Moving is an explicit second step (the Move button, or Enter in the select)
  // rather than the select's change event: keyboard users change a closed
  // select with the arrow keys, which fires `change` on every option passed,
  // and moving on each would shuffle the note through every frame on the way
  // and tear focus away with each move (WCAG 3.2.2, On Input).
  const commit = () => {
    onMove(id, (choice ?? current) || null);
    setChoice(null);
  };
  return (
    <li data-testid="outline-note" data-object-id={id} className={`outline-note${editor.selection.has(id) ? ' is-selected' : ''}`} aria-label={label}>
      <span className="outline-colour">
        <span className="swatch" aria-hidden="true" data-colour={note.color} />
        {t('outline.colourNote', { colour })}
      </span>
      <textarea
        dir="auto"
        lang={note.lang ?? ''}
        ref={textRef}
        data-testid="outline-note-text"
        defaultValue={text}
        readOnly={!mayChange}
        rows={3}
        maxLength={MAX_OBJECT_TEXT}
        aria-label={t('outline.noteText', { colour })}
        onFocus={() => editor.selection.replace([id])}
        onInput={(event) => editor.setText(id, event.currentTarget.value)}
      />
      <TranslationBeside kind="object" targetId={id} originalLang={note.lang ?? null} />
      <div className="outline-frame-field">
        <label htmlFor={selectId}>{t('outline.moveTo')}</label>
        <select
          id={selectId}
          ref={frameRef}
          data-testid="outline-note-frame"
          value={choice ?? current}
          disabled={!mayChange}
          onChange={(event) => setChoice(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || !mayChange) return;
            event.preventDefault();
            commit();
          }}
        >
          <FrameOptions frames={frames} />
        </select>
        {mayChange && (
          <button type="button" data-testid="outline-note-move" aria-label={t('outline.moveNote', { colour })} onClick={commit}>
            {t('outline.move')}
          </button>
        )}
      </div>
      {mayDelete && (
        <button
          type="button"
          className="outline-note-delete"
          data-testid="outline-note-delete"
          aria-label={t('outline.deleteNote', { colour, text: note.text ? isolate(note.text.slice(0, 40)) : t('outline.empty') })}
          onClick={() => editor.deleteObjects([id])}
        >
          {t('outline.delete')}
        </button>
      )}
    </li>
  );
});
