import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TAGS } from '@clapboard/shared';
import { useEditor, useStoreRevision } from '../../editor/EditorContext.ts';
import { preview, useSelection } from './useThemes.ts';

/**
 * Tags and duplicates for the selected notes: one note selected, its tags;
 * two or more, "mark the others as duplicates of the first selected" (the
 * first one picked is the one people usually mean as the original).
 */
export function SelectionTools({ onSay }: { onSay: (text: string) => void }) {
  const { t } = useTranslation();
  const editor = useEditor();
  useStoreRevision();
  useSelection();
  const selected = editor.themes.selectedContributions();
  if (!editor.canEdit || selected.length === 0) return null;
  const [first, ...rest] = selected;
  const firstObject = first === undefined ? undefined : editor.store.get(first);
  const textOf = (id: string) => {
    const object = editor.store.get(id);
    return preview(object ? editor.store.textOf(object) : '', 40) || t('themes.emptyNote');
  };
  const duplicateOf = firstObject && 'duplicateOf' in firstObject ? firstObject.duplicateOf : undefined;

  return (
    <div className="theme-selection" role="group" aria-labelledby="theme-selection-heading" data-testid="theme-selection">
      <h3 id="theme-selection-heading">{t('themes.selection.heading')}</h3>
      {selected.length === 1 && first !== undefined && (
        <>
          <TagEditor noteId={first} onSay={onSay} />
          {duplicateOf && (
            <p>
              <span dir="auto">{t('themes.selection.isDuplicateOf', { text: textOf(duplicateOf) })}</span>{' '}
              <button type="button" data-testid="clear-duplicate" onClick={() => editor.themes.markDuplicates([first], null)}>
                {t('themes.selection.clearDuplicate')}
              </button>
            </p>
          )}
        </>
      )}
      {rest.length > 0 && first !== undefined && (
        <button
          type="button"
          data-testid="mark-duplicate"
          onClick={() => {
            const ok = editor.themes.markDuplicates(rest, first);
            onSay(ok ? t('themes.selection.markedDuplicate', { count: rest.length, text: textOf(first) }) : t('themes.selection.duplicateRefused'));
          }}
        >
          {t('themes.selection.markDuplicate')}
        </button>
      )}
    </div>
  );
}

function TagEditor({ noteId, onSay }: { noteId: string; onSay: (text: string) => void }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const object = editor.store.get(noteId);
  const stored = (object && 'tags' in object ? object.tags : undefined) ?? [];
  const storedText = stored.join(', ');
  const [draft, setDraft] = useState(storedText);
  useEffect(() => setDraft(storedText), [storedText]);
  const save = () => {
    editor.themes.setTags(noteId, draft.split(',').slice(0, MAX_TAGS * 2));
    onSay(t('themes.selection.tagsSaved'));
  };
  return (
    <form
      className="theme-tags"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label>
        <span>{t('themes.selection.tags')}</span>
        <input data-testid="note-tags" dir="auto" value={draft} aria-describedby="note-tags-hint" onChange={(event) => setDraft(event.target.value)} />
      </label>
      <small id="note-tags-hint">{t('themes.selection.tagsHint')}</small>
      <button type="submit" data-testid="save-tags">
        {t('themes.selection.saveTags')}
      </button>
    </form>
  );
}
