import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestThemes, type SuggestInput, type SuggestedTheme } from '@clapboard/shared';
import type { BoardEditor } from '../../editor/BoardEditor.ts';
import { useEditor } from '../../editor/EditorContext.ts';
import { preview } from './useThemes.ts';

/** A suggestion on screen, with the name the facilitator may have edited. */
interface ShownSuggestion extends SuggestedTheme {
  key: string;
  name: string;
  editing: boolean;
}

/**
 * The notes a suggestion may group: notes and answer cards with words, in
 * no theme yet, that are not marked as repeating another note.
 */
export function suggestionInputs(editor: BoardEditor): SuggestInput[] {
  const themed = new Set(editor.themes.model.get().flatMap((theme) => theme.noteIds));
  const inputs: SuggestInput[] = [];
  for (const object of editor.store.sorted()) {
    if ((object.type !== 'note' && object.type !== 'answer') || themed.has(object.id) || object.duplicateOf) continue;
    const text = editor.store.textOf(object);
    const lang = object.type === 'answer' ? editor.store.answers.get(object.answerId)?.lang : undefined;
    if (text.trim()) inputs.push(lang ? { id: object.id, text, lang } : { id: object.id, text });
  }
  return inputs;
}

/**
 * "Suggest themes": groups worked out on this device from the notes' words
 * (shared/src/synthesis/suggest.ts), each shown with its notes, to accept
 * (a theme with origin 'suggested'), rename first, or reject. Nothing is
 * sent anywhere; rejected suggestions are forgotten with the page.
 */
export function SuggestThemes({ onSay }: { onSay: (text: string) => void }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const [suggestions, setSuggestions] = useState<ShownSuggestion[] | null>(null);
  const [working, setWorking] = useState(false);

  const handleRun = () => {
    setWorking(true);
    // Let "Looking for themes…" paint before the work (a large board takes a moment).
    requestAnimationFrame(() => {
      const found = suggestThemes(suggestionInputs(editor));
      setSuggestions(found.map((suggestion) => ({ ...suggestion, key: suggestion.noteIds.join(' '), name: suggestion.label, editing: false })));
      setWorking(false);
      onSay(found.length === 0 ? t('themes.suggest.none') : t('themes.suggest.count', { count: found.length }));
    });
  };
  const update = (key: string, change: Partial<ShownSuggestion>) =>
    setSuggestions((list) => list?.map((item) => (item.key === key ? { ...item, ...change } : item)) ?? null);
  const drop = (key: string) => setSuggestions((list) => list?.filter((item) => item.key !== key) ?? null);

  const handleAccept = (suggestion: ShownSuggestion) => {
    // Notes someone put in a theme (or deleted) since the suggestion was made are left where they are.
    const free = new Set(suggestionInputs(editor).map((input) => input.id));
    const noteIds = suggestion.noteIds.filter((id) => free.has(id));
    const name = suggestion.name.trim() || suggestion.label;
    if (editor.themes.create(noteIds, name, 'suggested', { gather: true })) onSay(t('themes.suggest.accepted', { name }));
    drop(suggestion.key);
  };

  return (
    <section className="suggest-themes" aria-labelledby="suggest-themes-heading" data-testid="suggest-themes">
      <h3 id="suggest-themes-heading">{t('themes.suggest.heading')}</h3>
      <p>{t('themes.suggest.intro')}</p>
      <button type="button" data-testid="suggest-run" disabled={working} onClick={handleRun}>
        {suggestions === null ? t('themes.suggest.run') : t('themes.suggest.again')}
      </button>
      {working && <p>{t('themes.suggest.working')}</p>}
      {suggestions !== null && !working && suggestions.length === 0 && <p data-testid="suggest-none">{t('themes.suggest.none')}</p>}
      {suggestions !== null && suggestions.length > 0 && (
        <ol className="suggestions" data-testid="suggestions">
          {suggestions.map((suggestion) => (
            <SuggestionItem
              key={suggestion.key}
              suggestion={suggestion}
              onEdit={(change) => update(suggestion.key, change)}
              onAccept={() => handleAccept(suggestion)}
              onReject={() => {
                drop(suggestion.key);
                onSay(t('themes.suggest.rejected'));
              }}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function SuggestionItem({
  suggestion,
  onEdit,
  onAccept,
  onReject,
}: {
  suggestion: ShownSuggestion;
  onEdit: (change: Partial<ShownSuggestion>) => void;
  onAccept: () => void;
  onReject: () => void;
}) {
  const { t } = useTranslation();
  const editor = useEditor();
  const headingId = `suggestion-${suggestion.noteIds[0] ?? 'none'}`;
  return (
    <li className="suggestion" data-testid="suggestion" aria-labelledby={headingId}>
      <h4 id={headingId} dir="auto">
        {t('themes.suggest.suggestion', { label: suggestion.name || suggestion.label })}{' '}
        <span className="count">{t('themes.count', { count: suggestion.noteIds.length })}</span>
      </h4>
      {suggestion.keywords.length > 0 && <p dir="auto">{t('themes.suggest.keywords', { keywords: suggestion.keywords.join(', ') })}</p>}
      <ul className="suggestion-notes">
        {suggestion.noteIds.map((id) => {
          const object = editor.store.get(id);
          return (
            <li key={id} dir="auto" data-testid="suggestion-note" data-object-id={id}>
              {object ? preview(editor.store.textOf(object)) || t('themes.emptyNote') : t('themes.emptyNote')}
            </li>
          );
        })}
      </ul>
      {suggestion.editing && (
        <label>
          <span>{t('themes.suggest.editName')}</span>
          <input data-testid="suggestion-name" dir="auto" maxLength={200} value={suggestion.name} autoFocus onChange={(event) => onEdit({ name: event.target.value })} />
        </label>
      )}
      <div className="suggestion-actions">
        <button type="button" data-testid="suggestion-accept" onClick={onAccept}>
          {t('themes.suggest.accept')}
        </button>
        {!suggestion.editing && (
          <button type="button" data-testid="suggestion-edit" onClick={() => onEdit({ editing: true })}>
            {t('themes.suggest.edit')}
          </button>
        )}
        <button type="button" data-testid="suggestion-reject" onClick={onReject}>
          {t('themes.suggest.reject')}
        </button>
      </div>
    </li>
  );
}
