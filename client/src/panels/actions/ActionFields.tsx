import { useTranslation } from 'react-i18next';
import { ACTION_KINDS, ACTION_STATUSES, MAX_ACTION_OWNER, MAX_ACTION_TEXT, type ActionKind, type ActionStatus } from '@clapboard/shared';
import { ACTION_KIND_KEY, ACTION_STATUS_KEY } from '../../i18n/keys/workshopKeys.ts';

/** What the fields of one action hold while someone edits them. */
export interface ActionDraft {
  kind: ActionKind;
  text: string;
  reason: string;
  status: ActionStatus;
  owner: string;
  /** '' for none (what a date input holds when empty). */
  due: string;
}

interface Props {
  /** Prefix of the fields' ids: unique per action on the page. */
  idPrefix: string;
  draft: ActionDraft;
  onChange: (patch: Partial<ActionDraft>) => void;
  /** A field lost focus or a choice was made: the moment to save it. */
  onCommit: (field: keyof ActionDraft, value: string) => void;
  /** Shown under the reason when a "we can't" has none. */
  reasonMissing: boolean;
}

/**
 * The fields of one action, for the editor and the "add" form alike. Owner
 * carries a visible hint: the page is read by everyone who spoke, so it names
 * a team or role, never a person.
 */
export function ActionFields({ idPrefix, draft, onChange, onCommit, reasonMissing }: Props) {
  const { t } = useTranslation();
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <div className="action-fields">
      <label htmlFor={id('kind')}>{t('actions.kindLabel')}</label>
      <select
        id={id('kind')}
        data-testid="action-kind"
        value={draft.kind}
        onChange={(event) => {
          const kind = event.target.value as ActionKind;
          onChange({ kind });
          onCommit('kind', kind);
        }}
      >
        {ACTION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(ACTION_KIND_KEY[kind])}
          </option>
        ))}
      </select>
      <label htmlFor={id('text')}>{t('actions.textLabel')}</label>
      <textarea
        id={id('text')}
        data-testid="action-text"
        dir="auto"
        rows={2}
        maxLength={MAX_ACTION_TEXT}
        value={draft.text}
        onChange={(event) => onChange({ text: event.target.value })}
        onBlur={(event) => onCommit('text', event.target.value)}
      />
      {draft.kind === 'cannot' && (
        <>
          <label htmlFor={id('reason')}>{t('actions.reasonLabel')}</label>
          <textarea
            id={id('reason')}
            data-testid="action-reason"
            dir="auto"
            rows={2}
            aria-required="true"
            aria-invalid={reasonMissing}
            aria-describedby={reasonMissing ? id('reason-missing') : undefined}
            maxLength={MAX_ACTION_TEXT}
            value={draft.reason}
            onChange={(event) => onChange({ reason: event.target.value })}
            onBlur={(event) => onCommit('reason', event.target.value)}
          />
          {reasonMissing && (
            <p id={id('reason-missing')} className="field-error" data-testid="action-reason-missing">
              {t('actions.reasonRequired')}
            </p>
          )}
        </>
      )}
      <label htmlFor={id('status')}>{t('actions.statusLabel')}</label>
      <select
        id={id('status')}
        data-testid="action-status"
        value={draft.status}
        onChange={(event) => {
          const status = event.target.value as ActionStatus;
          onChange({ status });
          onCommit('status', status);
        }}
      >
        {ACTION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(ACTION_STATUS_KEY[status])}
          </option>
        ))}
      </select>
      <label htmlFor={id('owner')}>{t('actions.ownerLabel')}</label>
      <input
        id={id('owner')}
        data-testid="action-owner"
        dir="auto"
        maxLength={MAX_ACTION_OWNER}
        aria-describedby={id('owner-hint')}
        value={draft.owner}
        onChange={(event) => onChange({ owner: event.target.value })}
        onBlur={(event) => onCommit('owner', event.target.value)}
      />
      <p id={id('owner-hint')} className="field-hint">
        {t('actions.ownerHint')}
      </p>
      <label htmlFor={id('due')}>{t('actions.dueLabel')}</label>
      <input
        id={id('due')}
        data-testid="action-due"
        type="date"
        value={draft.due}
        onChange={(event) => {
          onChange({ due: event.target.value });
          onCommit('due', event.target.value);
        }}
      />
    </div>
  );
}
