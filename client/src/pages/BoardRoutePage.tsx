import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSession } from '@clapboard/shared';
import { BoardPage } from './BoardPage.tsx';
import { BoardConnection } from '../connection/BoardConnection.ts';
import { SessionError, cacheSession, cachedSession, devSession, fetchSession, isOutOfDate, readBoardRoute } from '../connection/session.ts';
import { OutOfDatePage } from './OutOfDatePage.tsx';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'error'; reason: SessionError['kind'] | 'no-token' | 'bad-link' }
  | { kind: 'out-of-date' }
  | { kind: 'ready'; connection: BoardConnection };

/** Resolves the link into a session, then opens the board's connection. */
export function BoardRoutePage() {
  const { t } = useTranslation();
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
      connection = new BoardConnection(session, route.token, route.dev);
      setState({ kind: 'ready', connection });
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

  if (state.kind === 'ready') return <BoardPage connection={state.connection} />;
  if (state.kind === 'out-of-date') return <OutOfDatePage />;
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
      <p role="alert" data-testid="board-error">{t(`board.error.${state.reason}`)}</p>
      <a href="/">{t('notFound.home')}</a>
    </main>
  );
}
