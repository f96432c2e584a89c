import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { changedStatementFields, type BoardSession, type EngagementStatement, type StatementWords } from '@clapboard/shared';
import { lastReadStatement } from '../model/StatementReads.ts';
import { StatementView } from '../panels/statement/StatementView.tsx';
import { ROLE_NAME_KEY } from '../i18n/keys/roleKeys.ts';

/**
 * What a participant or observer sees first when they open a link: the
 * board's engagement statement, in plain language, and one Join button.
 * Nothing connects until they press it. If this device read an earlier
 * version, the parts that changed are marked.
 */
export function StatementPage({ session, statement, translations, onJoin }: {
  session: BoardSession;
  statement: EngagementStatement;
  /** The languages the organisers translated it into (GET /api/boards/:id/statement). */
  translations: Readonly<Record<string, StatementWords>>;
  onJoin: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const lastRead = lastReadStatement(session.boardId);
  const changed = lastRead ? changedStatementFields(lastRead, statement) : [];

  useEffect(() => {
    document.title = t('board.documentTitle', { title: session.title });
    heading.current?.focus();
  }, [session.title, t]);

  return (
    <main className="page statement-page" data-testid="statement-page">
      <h1 ref={heading} tabIndex={-1} dir="auto">{session.title}</h1>
      <p className="statement-lead">{t('statement.beforeJoining')}</p>
      <p>{t('statement.joiningAs', { role: t(ROLE_NAME_KEY[session.role]) })}</p>
      {changed.length > 0 && <p className="statement-changed-notice" data-testid="statement-changed-since-read">{t('statement.changedSinceRead')}</p>}
      <StatementView statement={statement} changed={changed} translations={translations} />
      <div className="statement-join">
        <button type="button" className="primary" onClick={onJoin} data-testid="statement-join">{t('statement.join')}</button>
      </div>
    </main>
  );
}
