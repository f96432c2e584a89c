import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_COLORS, NOTE_PALETTE } from '@clapboard/shared';
import { useEditor, useObservable, useStoreRevision } from '../../editor/EditorContext.ts';
import { COLOR_NAME_KEY } from '../../i18n/keys/objectKeys.ts';

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
  useObservable(editor.controls.model.deleteOwnOnly);
  // Deleting a note someone else wrote asks first, as changing its words does.
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setConfirming(false), [selection]);
  const objects = selection.map((id) => editor.store.get(id)).filter((object) => !!object);
  if (!editor.canEdit || objects.length === 0) return null;
  const deletable = objects.filter((object) => editor.mayDelete(object.id));
  const othersNotes = deletable.filter((object) => object.type === 'note' && !editor.wrote(object.id)).length;
  const handleDelete = () => {
    if (othersNotes > 0 && !confirming) return setConfirming(true);
    setConfirming(false);
    editor.deleteSelection();
  };
  if (confirming) {
    return (
      <div className="phone-selection" role="alertdialog" aria-labelledby="phone-delete-question" data-testid="phone-delete-confirm">
        <p id="phone-delete-question">{t('phone.selection.deleteOthers', { count: othersNotes })}</p>
        <button type="button" data-testid="phone-delete-confirm-yes" onClick={handleDelete}>
          {t('phone.selection.deleteAnyway')}
        </button>
        <button type="button" data-testid="phone-delete-confirm-no" autoFocus onClick={() => setConfirming(false)}>
          {t('phone.selection.keep')}
        </button>
      </div>
    );
  }
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
      {deletable.length > 0 && (
        <button type="button" data-testid="phone-selection-delete" onClick={handleDelete}>
          {t('phone.selection.delete')}
        </button>
      )}
      {notes.length > 0 && (
        <div className="phone-colours" role="group" aria-label={t('phone.selection.colours')}>
          {NOTE_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className="color-swatch"
              data-testid={`phone-color-${color}`}
              style={{ backgroundColor: NOTE_PALETTE[color].fill }}
              aria-label={t(COLOR_NAME_KEY[color])}
              aria-pressed={notes.every((note) => note.type === 'note' && note.color === color)}
              onClick={() => editor.setNoteColor(color)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
