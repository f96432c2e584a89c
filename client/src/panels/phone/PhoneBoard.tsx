import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rectContainsRect, type Role } from '@clapboard/shared';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { useEditor, useObservable } from '../../editor/EditorContext.ts';
import { OwnWriters } from '../../model/OwnWriters.ts';
import type { Presence } from '../../presence/Presence.ts';
import { isolate } from '../../i18n/isolate.ts';
import { NoteList } from './NoteList.tsx';
import { NoteSheet, type WritingOutcome } from './NoteSheet.tsx';
import { PeopleSheet } from './PeopleSheet.tsx';
import { PhoneBar, type PhoneView } from './PhoneBar.tsx';
import { SelectionBar } from './SelectionBar.tsx';

/**
 * The board's controls in the phone layout, below the canvas: what is
 * selected, who one follows, what just happened, the bottom bar, and the
 * views it opens (the writing sheet, the list of notes, the people). While
 * it is shown the editor writes notes in the sheet (NoteWriting).
 */
interface PhoneBoardProps {
  connection: BoardConnection;
  presence: Presence;
  initialName: string;
  role: Role;
  /** Facilitators only: shows or hides their panels (the page's side panel), which otherwise keep the canvas small. */
  onToggleControls?: () => void;
  controlsOpen?: boolean;
}

export function PhoneBoard({ connection, presence, initialName, role, onToggleControls, controlsOpen }: PhoneBoardProps) {
  const { t } = useTranslation();
  const editor = useEditor();
  const [own] = useState(() => editor.own ?? new OwnWriters(connection.contentDoc, connection.session.boardId, role));
  const [view, setView] = useState<PhoneView | null>(null);
  // A new node per message (keyed by `seq`), so the same words twice are announced twice.
  const [said, setSaid] = useState({ text: '', seq: 0 });
  const say = useCallback((text: string) => setSaid((previous) => ({ text, seq: previous.seq + 1 })), []);
  const summonedBy = useObservable(presence.summonedBy);
  useEffect(() => {
    if (summonedBy) say(t('presence.summoned', { name: isolate(summonedBy) }));
  }, [summonedBy, say, t]);

  useEffect(() => {
    editor.writing.enabled.set(true);
    return () => {
      editor.writing.enabled.set(false);
      editor.writing.close();
    };
  }, [editor]);

  const close = useCallback(() => setView(null), []);
  const handleSaved = (id: string, outcome: WritingOutcome) => {
    revealObject(editor, id);
    say(t(outcome === 'added' ? 'phone.saved' : 'phone.changed'));
  };
  const handleShow = (id: string) => {
    setView(null);
    editor.selection.replace([id]);
    editor.zoomToSelection();
  };
  const handleChange = (id: string) => {
    setView(null);
    editor.startEditing(id);
  };

  return (
    <>
      <SelectionBar />
      <Following presence={presence} />
      <p className="phone-notice" role="status" data-testid="phone-notice">
        <span key={said.seq}>{said.text}</span>
      </p>
      <PhoneBar onOpen={setView} onToggleControls={onToggleControls} controlsOpen={controlsOpen} />
      <NoteSheet own={own} onSaved={handleSaved} />
      {(view === 'all' || view === 'mine') && <NoteList mode={view} own={own} onClose={close} onShow={handleShow} onChange={handleChange} />}
      {view === 'people' && <PeopleSheet presence={presence} initialName={initialName} isFacilitator={role === 'facilitator'} onClose={close} />}
    </>
  );
}

/** While following someone: whom, and a way to stop (a pan or a pinch stops it too). */
function Following({ presence }: { presence: Presence }) {
  const { t } = useTranslation();
  const following = useObservable(presence.following);
  const peers = useObservable(presence.peers);
  const leader = following === null ? undefined : peers.find((peer) => peer.clientId === following);
  if (!leader) return null;
  return (
    <div className="phone-following" data-testid="phone-following">
      <span>{t('phone.following', { name: isolate(leader.name) })}</span>
      <button type="button" data-testid="phone-stop-following" onClick={() => presence.follow(null)}>
        {t('phone.stopFollowing')}
      </button>
    </div>
  );
}

/** If the object is not wholly on screen (a note that went to a free place in its area), centres it, at the same zoom. */
function revealObject(editor: ReturnType<typeof useEditor>, id: string): void {
  const rect = editor.store.rectOf(id);
  const view = editor.viewport.visible();
  if (!rect || rectContainsRect(view, rect)) return;
  const { zoom } = editor.viewport.current;
  editor.viewport.set({ x: rect.x + rect.width / 2 - view.width / 2, y: rect.y + rect.height / 2 - view.height / 2, zoom }, 'program');
}
