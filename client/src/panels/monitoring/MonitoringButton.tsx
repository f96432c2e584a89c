import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasParticipantRights, type Role } from '@clapboard/shared';
import type { PrivacyApi } from '../../connection/privacyApi.ts';
import { MonitoringDialog } from './MonitoringDialog.tsx';
import { usePhoneLayout } from '../phone/usePhoneLayout.ts';
import './monitoring.css';

/**
 * For participants, once they have joined: the way to the two optional
 * forms (who we reach; a contact to hear back). Nobody else is asked, and
 * nothing here is ever required to take part.
 */
export function MonitoringButton({ privacy, role }: { privacy: PrivacyApi; role: Role }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const phone = usePhoneLayout();
  if (!hasParticipantRights(role)) return null;
  return (
    <>
      <button type="button" className="monitoring-open" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="monitoring-open">
        {t(phone ? 'monitoring.openShort' : 'monitoring.open')}
      </button>
      {open && <MonitoringDialog privacy={privacy} onClose={() => setOpen(false)} />}
    </>
  );
}
