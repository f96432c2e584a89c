import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@clapboard/shared';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { DeleteBoard } from './DeleteBoard.tsx';
import { LinksPanel } from './LinksPanel.tsx';
import { LockControls } from './LockControls.tsx';
import { TimerControls } from './TimerControls.tsx';

/** The side panel's facilitator controls (issue #8): timer, locks, cursor privacy, links. Nothing for other roles. */
export function FacilitatorControls({ connection, role }: { connection: BoardConnection; role: Role }) {
  const { t } = useTranslation();
  const id = useId();
  if (role !== 'facilitator') return null;
  return (
    <section className="facilitator-controls panel" aria-labelledby={`${id}-heading`} data-testid="facilitator-controls">
      <h2 id={`${id}-heading`}>{t('controls.heading')}</h2>
      <TimerControls clock={connection.clock} />
      <LockControls />
      <LinksPanel api={connection.links} />
      <DeleteBoard connection={connection} />
    </section>
  );
}
