import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@clapboard/shared';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { AnonymousNoteReceipts } from '../../model/AnonymousNoteReceipts.ts';
import { useEditor, useObservable } from '../../editor/EditorContext.ts';
import { useOutlineGroups } from '../outline/useOutlineGroups.ts';
import { AnonymousNoteBox } from './AnonymousNoteBox.tsx';
import { AnonymousNotesControls } from './AnonymousNotesControls.tsx';
import { MyAnonymousNotes } from './MyAnonymousNotes.tsx';

/**
 * Anonymous notes for this role (docs/anonymity.md, "Anonymous notes"): a
 * facilitator's switches; for everyone who writes, where notes are
 * anonymous now, the text box a new note opens there, and this device's own
 * notes. Observers add no notes.
 */
export function AnonymousNotesPanel({ connection, role }: { connection: BoardConnection; role: Role }) {
  const [receipts] = useState(() => new AnonymousNoteReceipts(connection.session.boardId));
  if (role === 'observer') return null;
  const api = connection.anonymousNotes;
  return (
    <>
      {role === 'facilitator' ? <AnonymousNotesControls /> : <ModeNotice />}
      <MyAnonymousNotes api={api} receipts={receipts} />
      <AnonymousNoteBox api={api} receipts={receipts} />
    </>
  );
}

/** Tells a participant where new notes are anonymous, before they add one. */
function ModeNotice() {
  const { t, i18n } = useTranslation();
  const mode = useObservable(useEditor().anonymousNotes.model.mode);
  const { frames } = useOutlineGroups();
  if (mode.board) return <p className="anon-notice" data-testid="anonymous-notes-notice">{t('anonymousNotes.mode.board')}</p>;
  const titles = frames.filter((frame) => mode.frames.has(frame.id)).map((frame) => frame.title || t('anonymousNotes.controls.untitledFrame'));
  if (titles.length === 0) return null;
  return (
    <p className="anon-notice" data-testid="anonymous-notes-notice" dir="auto">
      {t('anonymousNotes.mode.frames', { frames: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(titles) })}
    </p>
  );
}
