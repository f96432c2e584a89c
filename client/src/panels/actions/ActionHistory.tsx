import { useTranslation } from 'react-i18next';
import type { ThemeAction } from '@clapboard/shared';
import { formatDay } from './formatDay.ts';
import { ACTION_STATUS_KEY } from '../../i18n/keys/workshopKeys.ts';

/** An action's updates, oldest first, folded away: a day, the status then, the words then. */
export function ActionHistory({ action }: { action: Pick<ThemeAction, 'history'> }) {
  const { t, i18n } = useTranslation();
  if (action.history.length === 0) return null;
  return (
    <details className="action-history" data-testid="action-history">
      <summary>{t('actions.history', { count: action.history.length })}</summary>
      <ol>
        {action.history.map((entry, index) => (
          <li key={index} data-testid="action-history-entry">
            <time dateTime={entry.on}>{formatDay(entry.on, i18n.language)}</time>: {t(ACTION_STATUS_KEY[entry.status])} — <span dir="auto">{entry.text}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
