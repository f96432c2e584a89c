import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_COLORS, NOTE_PALETTE } from '@clapboard/shared';
import { useEditor, useStoreRevision } from '../../editor/EditorContext.ts';

/**
 * What can be done to what is selected, on a phone, in one row that wraps
 * rather than running off the side: change its words (in the writing
 * sheet, which asks first if someone else wrote it), its colour, delete it.
 * Shown above the bottom bar while something is selected; a tap on empty
 * board puts it away.
 */
export function SelectionBar() {
  const { t } = useTranslation();
  const editor = useEditor();
  const selection = useSyncExternalStore(editor.selection.subscribe, editor.selection.getSnapshot);
  useStoreRevision();
  const objects = selection.map((id) => editor.store.get(id)).filter((object) => !!object);
  if (!editor.canEdit || objects.length === 0) return null;
  const single = objects.length === 1 ? objects[0]! : null;
  const writable = single && single.type !== 'connector' && single.type !== 'answer' ? single : null;
  const notes = objects.filter((object) => object.type === 'note');
  return (
    <div className="phone-selection" role="group" aria-label={t('phone.selection.label', { count: objects.length })} data-testid="phone-selection">
      {writable && (
        <button type="button" data-testid="phone-selection-write" onClick={() => editor.startEditing(writable.id)}>
          {t('phone.selection.write')}
        </button>
      )}
      <button type="button" data-testid="phone-selection-delete" onClick={() => editor.deleteSelection()}>
        {t('phone.selection.delete')}
      </button>
      {notes.length > 0 && (
        <div className="phone-colours" role="group" aria-label={t('phone.selection.colours')}>
          {NOTE_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className="color-swatch"
              data-testid={`phone-color-${color}`}
              style={{ backgroundColor: NOTE_PALETTE[color].fill }}
              aria-label={t(`color.${color}`)}
              aria-pressed={notes.every((note) => note.type === 'note' && note.color === color)}
              onClick={() => editor.setNoteColor(color)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
