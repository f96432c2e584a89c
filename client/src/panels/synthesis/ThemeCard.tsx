import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Theme } from '@clapboard/shared';
import { useEditor, useStoreRevision } from '../../editor/EditorContext.ts';
import { preview, useSelection } from './useThemes.ts';
import { ThemeActions } from '../actions/ThemeActions.tsx';

/**
 * One theme in the synthesis panel: its name and description (editable by
 * those who may edit the board, text for observers), its notes with a way
 * to take each out, adding the selected notes, merging another theme in,
 * and deleting it. Every change goes through the editor's theme commands.
 */
export function ThemeCard({ theme, others, onSay }: { theme: Theme; others: readonly Theme[]; onSay: (text: string) => void }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const selection = useSelection();
  const name = theme.name || t('themes.untitled');
  const headingId = `theme-${theme.id}-name`;
  const [draftName, setDraftName] = useState(theme.name);
  const [draftDescription, setDraftDescription] = useState(theme.description);
  const [mergeWith, setMergeWith] = useState('');
  // Someone else's rename shows, unless this person is typing one.
  useEffect(() => setDraftName(theme.name), [theme.name]);
  useEffect(() => setDraftDescription(theme.description), [theme.description]);
  const selectedOutside = editor.themes.selectedContributions().filter((id) => !theme.noteIds.includes(id));
  const mergeTarget = others.some((other) => other.id === mergeWith) ? mergeWith : '';

  const handleRename = () => {
    if (draftName.trim() && draftName !== theme.name) editor.themes.rename(theme.id, draftName);
    else setDraftName(theme.name);
  };
  const handleMerge = () => {
    const other = others.find((candidate) => candidate.id === mergeTarget);
    if (!other) return;
    editor.themes.merge(theme.id, other.id);
    setMergeWith('');
    onSay(t('themes.merged', { other: other.name || t('themes.untitled'), name }));
  };
  const handleDelete = () => {
    editor.themes.remove(theme.id);
    onSay(t('themes.deleted', { name }));
  };

  return (
    <li className="theme-card" data-testid="theme-card" data-theme-id={theme.id} aria-labelledby={headingId}>
      <h3 id={headingId} dir="auto">
        <span data-testid="theme-name">{name}</span> <span className="count">{t('themes.count', { count: theme.noteIds.length })}</span>
      </h3>
      {theme.origin === 'suggested' && <p className="theme-origin">{t('themes.origin.suggested')}</p>}
      {editor.canEdit ? (
        <div className="theme-fields">
          <label>
            <span>{t('themes.name')}</span>
            <input
              data-testid="theme-rename"
              dir="auto"
              value={draftName}
              maxLength={200}
              onChange={(event) => setDraftName(event.target.value)}
              onBlur={handleRename}
              onKeyDown={(event) => {
                if (event.key === 'Enter') handleRename();
              }}
            />
          </label>
          <label>
            <span>{t('themes.description')}</span>
            <textarea
              data-testid="theme-describe"
              dir="auto"
              rows={2}
              value={draftDescription}
              maxLength={2000}
              onChange={(event) => setDraftDescription(event.target.value)}
              onBlur={() => draftDescription !== theme.description && editor.themes.describe(theme.id, draftDescription)}
            />
          </label>
        </div>
      ) : (
        theme.description && <p dir="auto">{theme.description}</p>
      )}
      <ThemeMembers theme={theme} name={name} />
      {/* Actions per theme (client/src/panels/actions, helper "actions"): facilitators edit, others read. */}
      <ThemeActions themeId={theme.id} themeName={name} onSay={onSay} />
      {editor.canEdit && (
        <div className="theme-actions">
          <button type="button" data-testid="theme-add-selected" disabled={selectedOutside.length === 0 || selection.length === 0} onClick={() => editor.themes.addNotes(theme.id, selectedOutside)}>
            {t('themes.addSelected')}
          </button>
          {others.length > 0 && (
            <span className="theme-merge">
              <label>
                <span>{t('themes.mergeInto')}</span>
                <select data-testid="theme-merge-select" value={mergeTarget} onChange={(event) => setMergeWith(event.target.value)}>
                  <option value="">{t('themes.mergeChoose')}</option>
                  {others.map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.name || t('themes.untitled')}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" data-testid="theme-merge" disabled={!mergeTarget} onClick={handleMerge}>
                {t('themes.merge')}
              </button>
            </span>
          )}
          <button type="button" data-testid="theme-fit" disabled={theme.noteIds.length === 0} onClick={() => editor.themes.fitToNotes(theme.id)}>
            {t('themes.fit')}
          </button>
          <button type="button" data-testid="theme-delete" onClick={handleDelete}>
            {t('themes.delete')}
          </button>
        </div>
      )}
    </li>
  );
}

/** A theme's notes, each with "take out" for those who may edit (where `removable`). */
export function ThemeMembers({ theme, name, removable = true }: { theme: Theme; name: string; removable?: boolean }) {
  const { t } = useTranslation();
  const editor = useEditor();
  // Note texts change without the theme changing.
  useStoreRevision();
  return (
    <ul className="theme-members" aria-label={t('themes.members', { name })} data-testid="theme-members">
      {theme.noteIds.map((noteId) => {
        const object = editor.store.get(noteId);
        const text = object ? preview(editor.store.textOf(object)) : '';
        const duplicate = object && 'duplicateOf' in object && object.duplicateOf;
        return (
          <li key={noteId} data-testid="theme-member" data-object-id={noteId}>
            <span dir="auto">{text || t('themes.emptyNote')}</span>
            {duplicate && <span className="badge"> ({t('themes.duplicateBadge')})</span>}
            {editor.canEdit && removable && (
              <button type="button" className="link-button" data-testid="theme-remove-note" aria-label={`${t('themes.removeNote')}: ${text || t('themes.emptyNote')}`} onClick={() => editor.themes.removeNotes(theme.id, [noteId])}>
                {t('themes.removeNote')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
