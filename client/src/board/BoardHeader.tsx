import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCAL_USER_ORIGIN, canWrite, getSettingsMap, type Role } from '@clapboard/shared';
import type { BoardConnection } from '../app/BoardConnection.ts';
import { ConnectionIndicator } from '../ui/ConnectionIndicator.tsx';
import { useBoardTitle } from './useBoardTitle.ts';

/** Title (editable by facilitators only: it lives in the control document), connection and role. */
export function BoardHeader({ connection, role }: { connection: BoardConnection; role: Role }) {
  const { t } = useTranslation();
  const title = useBoardTitle(connection.controlDoc, connection.session.title);
  const [draft, setDraft] = useState(title);
  useEffect(() => setDraft(title), [title]);
  useEffect(() => {
    document.title = t('board.documentTitle', { title });
  }, [title, t]);
  const canEditTitle = canWrite(role, 'control');

  const commitTitle = () => {
    const clean = draft.trim().slice(0, 200);
    if (!clean || clean === title) return setDraft(title);
    connection.controlDoc.transact(() => getSettingsMap(connection.controlDoc).set('title', clean), LOCAL_USER_ORIGIN);
  };

  return (
    <header className="board-header">
      <a href="/" className="brand">{t('app.name')}</a>
      {canEditTitle ? (
        <input
          dir="auto"
          className="board-title-input"
          data-testid="board-title-input"
          aria-label={t('board.titleLabel')}
          value={draft}
          maxLength={200}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commitTitle}
          onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
        />
      ) : (
        <h1 className="board-title" data-testid="board-title">{title}</h1>
      )}
      <span className="role-badge" data-testid="role-badge">{t(`role.${role}`)}</span>
      {role === 'observer' && (
        <span className="readonly-badge" data-testid="readonly-badge">{t('board.viewOnly')}</span>
      )}
      <ConnectionIndicator tracker={connection.tracker} />
    </header>
  );
}
