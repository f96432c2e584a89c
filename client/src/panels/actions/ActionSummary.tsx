import { useTranslation } from 'react-i18next';
import type { SaidDidAction } from '@clapboard/shared';
import { ActionHistory } from './ActionHistory.tsx';
import { formatDay } from './formatDay.ts';
import { ACTION_KIND_KEY, ACTION_STATUS_KEY } from '../../i18n/keys/workshopKeys.ts';

/** An action as read-only text, for participants and observers. */
export function ActionSummary({ action }: { action: SaidDidAction }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="action-summary" data-testid="action-summary" data-kind={action.kind} data-status={action.status}>
      <p>
        <strong>{t(ACTION_KIND_KEY[action.kind])}</strong> <span dir="auto">{action.text}</span>
      </p>
      {action.kind === 'cannot' && action.reason && (
        <p dir="auto" data-testid="action-summary-reason">
          {t('actions.because', { reason: action.reason })}
        </p>
      )}
      <p className="action-meta">
        <span data-testid="action-summary-status">{t(ACTION_STATUS_KEY[action.status])}</span>
        {action.owner && <span dir="auto"> · {t('actions.ownedBy', { owner: action.owner })}</span>}
        {action.due && <span> · {t('actions.dueOn', { day: formatDay(action.due, i18n.language) })}</span>}
      </p>
      <ActionHistory action={action} />
    </li>
  );
}
