import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTracker } from '../connection/connectionTracker.ts';
import { CONNECTION_STATUS_KEY } from '../i18n/keys/panelKeys.ts';

/** Live / reconnecting / offline, with how many of this person's edits wait to be sent. */
export function ConnectionIndicator({ tracker }: { tracker: ConnectionTracker }) {
  const { t } = useTranslation();
  const { status, unsynced } = useSyncExternalStore(
    (listener) => tracker.subscribe(listener),
    () => tracker.current,
  );
  return (
    <div className={`connection connection-${status}`} data-testid="connection-status" data-status={status} data-unsynced={unsynced} role="status">
      <span className="connection-dot" aria-hidden="true" />
      <span>{t(CONNECTION_STATUS_KEY[status])}</span>
      {unsynced > 0 && <span className="connection-unsynced">{t('connection.unsynced', { count: unsynced })}</span>}
    </div>
  );
}
