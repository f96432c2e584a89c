import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changedStatementFields, readStatementTranslations, statementRevision, type EngagementStatement, type StatementField } from '@clapboard/shared';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { useEditor } from '../../editor/EditorContext.ts';
import { lastReadStatement, markStatementRead } from '../../model/StatementReads.ts';
import { StatementDialog } from './StatementDialog.tsx';
import { useStatement } from './useStatement.ts';
import { useControlValue } from '../useControlValue.ts';

/**
 * The statement's place in the board header: a button that opens it, and,
 * when it differs from what this device last read, a notice saying so with
 * "Read what changed". Facilitators edit it from the same dialog.
 */
export function StatementControl({ connection }: { connection: BoardConnection }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const boardId = connection.session.boardId;
  const statement = useStatement(connection.controlDoc);
  const translations = useControlValue(connection.controlDoc, readStatementTranslations);
  const [lastRead, setLastRead] = useState(() => lastReadStatement(boardId));
  const [open, setOpen] = useState<{ changed: readonly StatementField[] } | null>(null);

  // Facilitators wrote it (or a co-facilitator did, beside them): the notice is for everyone else.
  const changed = statement && !editor.canEditSettings && (!lastRead || statementRevision(lastRead) !== statementRevision(statement))
    ? (lastRead ? changedStatementFields(lastRead, statement) : [])
    : null;
  if (!statement && !editor.canEditSettings) return null;

  const markRead = (read: EngagementStatement) => {
    markStatementRead(boardId, read);
    setLastRead(read);
  };
  const handleOpen = () => {
    setOpen({ changed: changed ?? [] });
    if (statement) markRead(statement);
  };

  return (
    <div className="statement-control">
      <button type="button" aria-haspopup="dialog" onClick={handleOpen} data-testid="statement-open">
        {statement ? t('statement.header.open') : t('statement.header.add')}
      </button>
      {/* Always in the page, so a screen reader announces the notice when it appears. */}
      <div role="status">
        {changed && (
          <p className="statement-header-notice" data-testid="statement-changed-notice">
            <span>{t('statement.header.changed')}</span>
            <button type="button" onClick={handleOpen} data-testid="statement-read-changes">{t('statement.header.readChanges')}</button>
          </p>
        )}
      </div>
      {open && <StatementDialog statement={statement} translations={translations} changed={open.changed} onClose={() => setOpen(null)} onSaved={markRead} onRetentionDate={(deleteOn) => connection.privacy.setRetentionDate(deleteOn)} />}
    </div>
  );
}
