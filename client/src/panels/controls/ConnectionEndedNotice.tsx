import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionEnd } from '../../connection/connectionEnd.ts';
import { CONNECTION_ENDED_KEY } from '../../i18n/keys/panelKeys.ts';

/** Why this page stopped syncing for good (its link was revoked): it will not reconnect by itself, so it says so. */
export function ConnectionEndedNotice({ ended }: { ended: ConnectionEnd }) {
  const { t } = useTranslation();
  const reason = useSyncExternalStore(
    (listener) => ended.subscribe(listener),
    () => ended.current,
  );
  if (!reason) return null;
  return (
    <p className="connection-ended-notice" role="alert" data-testid="connection-ended" data-reason={reason}>
      {t(CONNECTION_ENDED_KEY[reason])}
    </p>
  );
}
