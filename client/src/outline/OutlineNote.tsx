import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { replaceText, moveToFrame, deleteSelection } from '../board/commands.ts';
import { useBoardObject, useEditor } from '../board/EditorContext.ts';
import type { OutlineFrame } from './useOutlineGroups.ts';

/**
 * One note as form controls: its text (edits the same Y.Text as the canvas),
 * which frame it is in, and delete. Colour is spelled out, never only shown.
 */
export const OutlineNote = memo(function OutlineNote({
  id,
  frames,
  autoFocus,
}: {
  id: string;
  frames: readonly OutlineFrame[];
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  const editor = useEditor();
  const note = useBoardObject(id);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const text = note?.type === 'note' ? note.text : '';

  // Uncontrolled: the store updates a frame after each keystroke, and a
  // controlled value would reset the caret. Only foreign changes are applied.
  useEffect(() => {
    const textarea = textRef.current;
    if (textarea && textarea.value !== text) textarea.value = text;
  }, [text]);
  useEffect(() => {
    if (autoFocus) textRef.current?.focus();
  }, [autoFocus]);

  if (note?.type !== 'note') return null;
  const colour = t(`color.${note.color}`);
  const label = t('outline.noteLabel', { colour, text: note.text.slice(0, 40) || t('outline.empty') });
  return (
    <li data-testid="outline-note" data-object-id={id} className={`outline-note${editor.selection.has(id) ? ' is-selected' : ''}`} aria-label={label}>
      <span className="outline-colour">
        <span className="swatch" aria-hidden="true" data-colour={note.color} />
        {t('outline.colourNote', { colour })}
      </span>
      <textarea
        ref={textRef}
        data-testid="outline-note-text"
        defaultValue={text}
        readOnly={!editor.canEdit}
        rows={2}
        maxLength={20_000}
        aria-label={t('outline.noteText', { colour })}
        onFocus={() => editor.selection.replace([id])}
        onInput={(event) => replaceText(editor.doc, id, event.currentTarget.value)}
      />
      <label className="outline-frame-field">
        <span>{t('outline.frame')}</span>
        <select
          data-testid="outline-note-frame"
          value={note.frameId ?? ''}
          disabled={!editor.canEdit}
          onChange={(event) => {
            moveToFrame(editor.doc, editor.store, id, event.target.value || null);
            editor.store.flush();
          }}
        >
          {frames.map((frame) => (
            <option key={frame.id} value={frame.id}>
              {frame.title || t('outline.untitledFrame')}
            </option>
          ))}
          <option value="">{t('outline.unframed')}</option>
        </select>
      </label>
      {editor.canEdit && (
        <button
          type="button"
          data-testid="outline-note-delete"
          aria-label={t('outline.deleteNote', { colour, text: note.text.slice(0, 40) || t('outline.empty') })}
          onClick={() => {
            deleteSelection(editor.doc, editor.store, [id]);
            editor.store.flush();
          }}
        >
          {t('outline.delete')}
        </button>
      )}
    </li>
  );
});
