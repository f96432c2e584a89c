import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addThemeAction } from '../../editor/actionCommands.ts';
import { ActionFields, type ActionDraft } from './ActionFields.tsx';

const EMPTY: ActionDraft = { kind: 'will', text: '', reason: '', status: 'planned', owner: '', due: '' };

/** Adds an action to a theme. A "we can't" needs its reason before it can be added. */
export function NewActionForm({ controlDoc, themeId, onSay }: { controlDoc: Y.Doc; themeId: string; onSay: (text: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ActionDraft>(EMPTY);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.text.trim()) return setError(t('actions.textRequired'));
    const outcome = addThemeAction(controlDoc, { themeId, kind: draft.kind, text: draft.text.trim(), reason: draft.reason.trim(), status: draft.status, owner: draft.owner.trim(), due: draft.due || null });
    if (!outcome.ok) {
      if (outcome.error === 'reason-required') setReasonMissing(true);
      else setError(t('actions.saveFailed'));
      return;
    }
    setDraft(EMPTY);
    setReasonMissing(false);
    setError(null);
    onSay(t('actions.added'));
  };

  return (
    <form className="action-new" data-testid="action-new" noValidate onSubmit={handleSubmit} aria-label={t('actions.newHeading')}>
      <ActionFields
        idPrefix={`new-action-${themeId}`}
        draft={draft}
        onChange={(patch) => {
          setDraft((current) => ({ ...current, ...patch }));
          // Cleared while typing, not on blur: the message going as focus moves to "Add" would shift the button from under the pointer.
          if (patch.reason?.trim()) setReasonMissing(false);
        }}
        onCommit={() => {}}
        reasonMissing={reasonMissing}
      />
      {error && (
        <p role="alert" className="field-error" data-testid="action-new-error">
          {error}
        </p>
      )}
      <button type="submit" data-testid="action-add">
        {t('actions.add')}
      </button>
    </form>
  );
}
