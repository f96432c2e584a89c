import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomDisplayLocation } from '@clapboard/shared';
import { BoardConnection } from '../connection/BoardConnection.ts';
import { readDisplayRoute } from '../connection/displayRoute.ts';
import { ServerClock } from '../connection/serverClock.ts';
import { SessionError, fetchSession, isOutOfDate } from '../connection/session.ts';
import { BoardEditor } from '../editor/BoardEditor.ts';
import { EditorContext } from '../editor/EditorContext.ts';
import { FacilitatorFollower } from '../presence/FacilitatorFollower.ts';
import { CanvasController } from '../canvas/CanvasController.ts';
import { DisplayCanvas } from '../canvas/DisplayCanvas.tsx';
import { RoomJoinCode } from '../panels/roomDisplay/RoomJoinCode.tsx';
import { RoomStep } from '../panels/roomDisplay/RoomStep.tsx';
import { RoomTimer } from '../panels/roomDisplay/RoomTimer.tsx';
import { useBoardTitle } from '../panels/useBoardTitle.ts';
import { installTestHook } from '../testing/installTestHook.ts';
import { OutOfDatePage } from './OutOfDatePage.tsx';
import '../panels/roomDisplay/roomDisplay.css';
import { LanguagePicker } from '../panels/LanguagePicker.tsx';
import { BOARD_ERROR_KEY } from '../i18n/keys/panelKeys.ts';

interface Display {
  route: RoomDisplayLocation;
  connection: BoardConnection;
  editor: BoardEditor;
  controller: CanvasController;
  follower: FacilitatorFollower;
  clock: ServerClock;
  removeHook: () => void;
}

type LoadState =
  | { kind: 'loading' }
  | { kind: 'error'; reason: SessionError['kind'] | 'no-token' | 'bad-link' | 'role' }
  | { kind: 'out-of-date' }
  | { kind: 'ready'; display: Display };

/**
 * The room display (`/b/<id>/display`, shared/src/roomDisplay.ts): for a
 * projector or shared screen. It follows the facilitator's view of the
 * board, shows the current step and the timer in type meant to be read
 * across a room, and a QR code of the participant link. It has no editing
 * chrome and writes nothing: its editor is an observer's whatever the token.
 */
export function RoomDisplayPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  useEffect(() => {
    const route = readDisplayRoute();
    if (!route) return setState({ kind: 'error', reason: 'bad-link' });
    const token = route.token;
    if (!token) return setState({ kind: 'error', reason: 'no-token' });
    let display: Display | null = null;
    let cancelled = false;
    fetchSession(route.boardId, token).then(
      (session) => {
        if (cancelled) return;
        if (isOutOfDate(session)) return setState({ kind: 'out-of-date' });
        if (session.role === 'participant') return setState({ kind: 'error', reason: 'role' });
        const connection = new BoardConnection(session, token, false, { offline: false });
        const editor = new BoardEditor(connection.contentDoc, 'observer', connection.controlDoc);
        const controller = new CanvasController(editor);
        const follower = new FacilitatorFollower(connection.awareness, editor, route.follow);
        const clock = new ServerClock();
        clock.start();
        // With no facilitator here yet, show the whole board until one arrives.
        connection.onFirstSync(() => {
          editor.store.flush();
          if (follower.following.get() === null && editor.store.size > 0) editor.viewport.fit(editor.store.allBounds(), 'program');
        });
        // The same `window.__clapboard` as the board page: tests read what the display shows through it.
        const removeHook = installTestHook(connection, editor, controller);
        display = { route, connection, editor, controller, follower, clock, removeHook };
        setState({ kind: 'ready', display });
      },
      (error: unknown) => {
        if (!cancelled) setState({ kind: 'error', reason: error instanceof SessionError ? error.kind : 'network' });
      },
    );
    return () => {
      cancelled = true;
      if (!display) return;
      display.removeHook();
      display.clock.stop();
      display.follower.destroy();
      display.controller.destroy();
      display.editor.destroy();
      display.connection.destroy();
    };
  }, []);

  if (state.kind === 'ready') return <RoomDisplay display={state.display} />;
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
      <p role="alert" data-testid="board-error">{state.reason === 'role' ? t('roomDisplay.error.role') : t(BOARD_ERROR_KEY[state.reason])}</p>
    </main>
  );
}

function RoomDisplay({ display }: { display: Display }) {
  const { t } = useTranslation();
  const { connection, editor, controller, follower, clock, route } = display;
  const title = useBoardTitle(connection.controlDoc, connection.session.title);
  useEffect(() => {
    document.title = t('roomDisplay.documentTitle', { title });
  }, [title, t]);
  return (
    <EditorContext.Provider value={editor}>
      <div className="room-display" data-testid="room-display">
        <header className="room-header">
          <h1 className="room-title" dir="auto" data-testid="room-title">{title}</h1>
          <RoomTimer controlDoc={connection.controlDoc} clock={clock} />
          <LanguagePicker className="room-language" />
        </header>
        <RoomStep controlDoc={connection.controlDoc} />
        <div className="room-body">
          <main className="room-board" aria-label={t('board.canvasRegion')}>
            <DisplayCanvas controller={controller} onResize={follower.refit} />
          </main>
          <aside className="room-side" aria-label={t('roomDisplay.scanToJoin')}>
            <RoomJoinCode boardId={connection.session.boardId} initialLink={route.join} />
          </aside>
        </div>
      </div>
    </EditorContext.Provider>
  );
}
