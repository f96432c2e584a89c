import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSession, EngagementStatement, StatementWords } from '@clapboard/shared';
import { BoardPage } from './BoardPage.tsx';
import { BoardConnection } from '../connection/BoardConnection.ts';
import { SessionError, cacheSession, cachedSession, devSession, fetchSession, isOutOfDate, readBoardRoute } from '../connection/session.ts';
import { OutOfDatePage } from './OutOfDatePage.tsx';
import { StatementPage } from './StatementPage.tsx';
import { fetchStatement } from '../connection/statementApi.ts';
import { joinedInThisTab, markJoinedInThisTab, markStatementRead } from '../model/StatementReads.ts';
import { LanguageBar } from '../panels/LanguagePicker.tsx';
import { BOARD_ERROR_KEY } from '../i18n/keys/panelKeys.ts';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'error'; reason: SessionError['kind'] | 'no-token' | 'bad-link' }
  | { kind: 'out-of-date' }
  | { kind: 'statement'; session: BoardSession; statement: EngagementStatement; translations: Record<string, StatementWords>; join: () => void }
  | { kind: 'ready'; connection: BoardConnection; joined: boolean };

/** Resolves the link into a session, then opens the board's connection. */
export function BoardRoutePage() {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  useEffect(() => {
    const route = readBoardRoute();
    if (!route) {
      setState({ kind: 'error', reason: 'bad-link' });
      return;
    }
    let connection: BoardConnection | null = null;
    let cancelled = false;
    const open = (session: BoardSession) => {
      if (cancelled) return;
      // Checked before anything connects: not even the offline copy is opened.
      if (isOutOfDate(session)) {
        setState({ kind: 'out-of-date' });
        return;
      }
      // `joined`: opened from the statement's Join button, which is gone once the board is up.
      const connect = (joined = false) => {
        if (cancelled) return;
        connection = new BoardConnection(session, route.token, route.dev);
        setState({ kind: 'ready', connection, joined });
      };
      // Participants and observers read the board's statement before anything connects.
      if (session.role === 'facilitator' || !route.token || joinedInThisTab(session.boardId)) return connect();
      void fetchStatement(session.boardId, route.token).then((result) => {
        const statement = result.ok ? result.value?.statement : null;
        const translations = result.ok && result.value?.statement ? (result.value.translations ?? {}) : {};
        // No statement, or it cannot be fetched: the board itself still opens (its header shows the statement once synced).
        if (!statement) return connect();
        const join = () => {
          markStatementRead(session.boardId, statement);
          markJoinedInThisTab(session.boardId);
          connect(true);
        };
        if (!cancelled) setState({ kind: 'statement', session, statement, translations, join });
      });
    };
    if (route.dev) {
      open(devSession(route.boardId));
    } else if (!route.token) {
      setState({ kind: 'error', reason: 'no-token' });
    } else {
      fetchSession(route.boardId, route.token).then(
        (session) => {
          cacheSession(session);
          open(session);
        },
        (error: unknown) => {
          // Offline reload: reopen the board from this tab's cached session
          // and the local copy in IndexedDB; the provider syncs when back.
          const cached = error instanceof SessionError && error.kind === 'network' ? cachedSession(route.boardId) : null;
          if (cached) open(cached);
          else if (!cancelled) setState({ kind: 'error', reason: error instanceof SessionError ? error.kind : 'network' });
        },
      );
    }
    return () => {
      cancelled = true;
      connection?.destroy();
    };
  }, []);

  if (state.kind === 'ready') return <BoardPage connection={state.connection} focusTitle={state.joined} />;
  return (
    <>
      <LanguageBar />
      <BoardRouteState state={state} />
    </>
  );
}

/** Every state of the board route but the board itself: each gets the language picker above it. */
function BoardRouteState({ state }: { state: Exclude<LoadState, { kind: 'ready' }> }) {
  const { t } = useTranslation();
  if (state.kind === 'out-of-date') return <OutOfDatePage />;
  if (state.kind === 'statement') return <StatementPage session={state.session} statement={state.statement} translations={state.translations} onJoin={state.join} />;
  if (state.kind === 'loading') {
    return (
      <main className="page" aria-busy="true">
        <p>{t('board.loading')}</p>
      </main>
    );
  }
  return (
    <main className="page">
      <h1>{t('board.errorTitle')}</h1>
      <p role="alert" data-testid="board-error">{t(BOARD_ERROR_KEY[state.reason])}</p>
      <a href="/">{t('notFound.home')}</a>
    </main>
  );
}
