import { useEffect, useState } from 'react';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BoardConnection } from '../connection/BoardConnection.ts';
import { BoardEditor } from '../editor/BoardEditor.ts';
import { EditorContext } from '../editor/EditorContext.ts';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { CanvasController } from '../canvas/CanvasController.ts';
import { Minimap } from '../canvas/Minimap.tsx';
import { loadColor, loadDisplayName } from '../presence/identity.ts';
import { Presence } from '../presence/Presence.ts';
import { OwnWriters } from '../model/OwnWriters.ts';
import { installTestHook } from '../testing/installTestHook.ts';
import { BoardHeader } from '../panels/BoardHeader.tsx';
import { EditorNotices } from '../panels/EditorNotices.tsx';
import { BoardStatusBar } from '../panels/controls/BoardStatusBar.tsx';
import { FacilitatorControls } from '../panels/controls/FacilitatorControls.tsx';
import { Outline } from '../panels/outline/Outline.tsx';
import { PresencePanel } from '../panels/PresencePanel.tsx';
import { PhoneBoard } from '../panels/phone/PhoneBoard.tsx';
import { usePhoneLayout } from '../panels/phone/usePhoneLayout.ts';
import { RoundsPanel } from '../panels/rounds/RoundsPanel.tsx';
import { SynthesisPanel } from '../panels/synthesis/SynthesisPanel.tsx';
import { VotesPanel } from '../panels/votes/VotesPanel.tsx';
import { AnonymousNotesPanel } from '../panels/anonymousNotes/AnonymousNotesPanel.tsx';
import { StepPanel } from '../panels/templates/StepPanel.tsx';
import { TemplatesPanel } from '../panels/templates/TemplatesPanel.tsx';
import { Toolbar } from '../panels/Toolbar.tsx';
import { EmptyBoardHint } from '../panels/help/EmptyBoardHint.tsx';
import { UndoToast } from '../panels/help/UndoToast.tsx';
import { ViewControls } from '../panels/ViewControls.tsx';
import { interfaceLanguageTag } from '../panels/apiMessages.ts';
import { TranslatePanel } from '../panels/translations/TranslatePanel.tsx';

interface Session {
  editor: BoardEditor;
  controller: CanvasController;
  presence: Presence;
  name: string;
}

/**
 * Wires one open board: editor, canvas driver, presence and the test hook; lays out the panels.
 * `focusTitle`: focus goes to the board's title once it is shown (the Join button that had it is gone).
 */
export function BoardPage({ connection, focusTitle = false }: { connection: BoardConnection; focusTitle?: boolean }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session | null>(null);
  const role = connection.session.role;

  useEffect(() => {
    const editor = new BoardEditor(connection.contentDoc, role, connection.controlDoc, new OwnWriters(connection.contentDoc, connection.session.boardId, role));
    connection.addLocalOrigin(editor.undoManager);
    const controller = new CanvasController(editor);
    const name = loadDisplayName((n) => i18n.t('presence.guest', { number: n }));
    const presence = new Presence(connection.awareness, editor, role, name, loadColor());
    const removeHook = installTestHook(connection, editor, controller);
    const setWritingLanguage = (language: string) => (editor.writingLanguage = interfaceLanguageTag(language));
    setWritingLanguage(i18n.language);
    i18n.on('languageChanged', setWritingLanguage);
    // Open on the content: fit once, when the board first arrives. Never
    // later: someone else's first note must not move everyone's camera.
    let fitted = false;
    const fitOnce = () => {
      if (fitted) return;
      fitted = true;
      editor.store.flush();
      if (editor.store.size > 0) editor.viewport.fit(editor.store.allBounds(), 'program');
    };
    const offSync = connection.onFirstSync(fitOnce);
    const syncPresenceOverlay = presence.peers.subscribe(() => {
      controller.remoteSelections = presence.peers
        .get()
        .filter((peer) => !peer.isSelf && peer.selection.length > 0)
        .map((peer) => ({ color: peer.color, ids: peer.selection }));
      controller.schedule();
    });
    setSession({ editor, controller, presence, name });
    return () => {
      i18n.off('languageChanged', setWritingLanguage);
      offSync();
      syncPresenceOverlay();
      removeHook();
      presence.destroy();
      controller.destroy();
      editor.destroy();
    };
  }, [connection, role]);

  const phone = usePhoneLayout();
  // A facilitator on a phone opens their panels from the bar; kept, they would leave the canvas a strip.
  const [controlsOpen, setControlsOpen] = useState(false);
  if (!session) return null;
  const phoneControls = phone && role === 'facilitator';
  const { editor, controller, presence, name } = session;
  return (
    <EditorContext.Provider value={editor}>
      <div className={phone ? 'board-page phone-layout' : 'board-page'}>
        <BoardHeader connection={connection} role={role} focusTitle={focusTitle} />
        {/* On a phone the bottom bar (PhoneBoard) holds the few tools a participant needs. */}
        {editor.canEdit && !phone && <Toolbar />}
        <EditorNotices />
        <BoardStatusBar connection={connection} />
        <div className="board-body">
          {/* Tab walks every object on the canvas: keyboard users need a way past it. */}
          <a
            href="#board-side"
            className="skip-link"
            data-testid="skip-to-side"
            onClick={(event) => {
              // No hash change: the board link may carry its key in the fragment.
              event.preventDefault();
              document.getElementById('board-side')?.focus();
            }}
          >
            {t('skipLink.sidePanel')}
          </a>
          <main className="board-main" aria-label={t('board.canvasRegion')}>
            <BoardCanvas controller={controller} presence={presence} controlDoc={connection.controlDoc} />
            <EmptyBoardHint />
            <UndoToast />
            <div className="board-corner">
              <ViewControls />
              <Minimap />
            </div>
          </main>
          <aside
            id="board-side"
            tabIndex={-1}
            className={phoneControls ? 'board-side phone-controls' : 'board-side'}
            aria-label={t('board.sidePanel')}
            hidden={phoneControls && !controlsOpen}
            data-testid="board-side"
          >
            {phoneControls && (
              <div className="phone-controls-head">
                <h2>{t('phone.controls.heading')}</h2>
                <button type="button" data-testid="phone-controls-close" onClick={() => setControlsOpen(false)}>
                  {t('phone.controls.close')}
                </button>
              </div>
            )}
            <StepPanel connection={connection} presence={presence} role={role} />
            <FacilitatorControls connection={connection} role={role} />
            <RoundsPanel connection={connection} role={role} />
            <VotesPanel connection={connection} role={role} />
            <AnonymousNotesPanel connection={connection} role={role} />
            <TranslatePanel connection={connection} role={role} />
            {!phone && <PresencePanel presence={presence} initialName={name} isFacilitator={role === 'facilitator'} tracker={connection.tracker} />}
            <TemplatesPanel connection={connection} role={role} />
            {/* Themes on a phone: facilitators have them in their panels; for participants the canvas and list show them. */}
            {(!phone || phoneControls) && <SynthesisPanel />}
            {!phone && <Outline />}
          </aside>
        </div>
        {phone && (
          <PhoneBoard
            connection={connection}
            presence={presence}
            initialName={name}
            role={role}
            onToggleControls={phoneControls ? () => setControlsOpen((open) => !open) : undefined}
            controlsOpen={controlsOpen}
          />
        )}
      </div>
    </EditorContext.Provider>
  );
}
