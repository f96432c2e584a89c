import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { ActionOutcome, ThemeAction, ThemeActionPatch } from '@clapboard/shared';
import { removeThemeAction, updateThemeAction } from '../../editor/actionCommands.ts';
import { ActionFields, type ActionDraft } from './ActionFields.tsx';
import { ActionHistory } from './ActionHistory.tsx';

const draftOf = (action: ThemeAction): ActionDraft => ({
  kind: action.kind,
  text: action.text,
  reason: action.reason,
  status: action.status,
  owner: action.owner,
  due: action.due ?? '',
});

/**
 * One action of a theme, for a facilitator: each field saved when it loses
 * focus or is chosen, and only if it changed. "We can't" is saved together
 * with its reason: choosing it first opens the reason, and nothing is
 * written until there is one (the operation refuses it otherwise).
 */
export function ActionEditor({ controlDoc, action, onSay }: { controlDoc: Y.Doc; action: ThemeAction; onSay: (text: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(action));
  const [reasonMissing, setReasonMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A colleague's edit shows as it arrives.
  useEffect(() => setDraft(draftOf(action)), [action]);

  const apply = (patch: ThemeActionPatch) => {
    const outcome: ActionOutcome = updateThemeAction(controlDoc, action.id, patch);
    if (outcome.ok) {
      setError(null);
      setReasonMissing(false);
    } else if (outcome.error === 'reason-required') setReasonMissing(true);
    else setError(t('actions.saveFailed'));
  };
  const handleChange = (patch: Partial<ActionDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const handleCommit = (field: keyof ActionDraft, value: string) => {
    if (field === 'kind') {
      if (value === 'cannot' && !draft.reason.trim()) return setReasonMissing(true);
      return apply({ kind: value as ThemeAction['kind'] });
    }
    if (field === 'reason') {
      if (draft.kind === 'cannot' && !value.trim()) return setReasonMissing(true);
      return apply(draft.kind === 'cannot' ? { kind: 'cannot', reason: value } : { reason: value });
    }
    if (field === 'due') return apply({ due: value === '' ? null : value });
    apply({ [field]: value } as ThemeActionPatch);
  };
  const handleRemove = () => {
    removeThemeAction(controlDoc, action.id);
    onSay(t('actions.removed'));
  };

  return (
    <li className="action-card" data-testid="action-card" data-action-id={action.id} data-kind={action.kind} data-status={action.status}>
      <ActionFields idPrefix={`action-${action.id}`} draft={draft} onChange={handleChange} onCommit={handleCommit} reasonMissing={reasonMissing} />
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <ActionHistory action={action} />
      <button type="button" data-testid="action-remove" onClick={handleRemove}>
        {t('actions.remove')}
      </button>
    </li>
  );
}
