import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH, cleanBoardTitle, type Role } from '@clapboard/shared';
import type { BoardConnection } from '../connection/BoardConnection.ts';
import { useEditor } from '../editor/EditorContext.ts';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { ShortcutHelp } from './help/ShortcutHelp.tsx';
import { useBoardTitle } from './useBoardTitle.ts';
import { StatementControl } from './statement/StatementControl.tsx';
import { MonitoringButton } from './monitoring/MonitoringButton.tsx';
import { RoomDisplayButton } from './roomDisplay/RoomDisplayButton.tsx';
import { ShareButton } from './share/ShareButton.tsx';
import { ExportMenu } from './export/ExportMenu.tsx';
import { SaidDidLink } from './actions/SaidDidLink.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { ROLE_NAME_KEY } from '../i18n/keys/roleKeys.ts';

/**
 * Title (editable by facilitators only: it lives in the control document), connection and role.
 * `focusTitle`: focus the title once, when the header first appears (after Join on the statement page,
 * so keyboard and screen-reader users land on the board's name, not at the top of an empty page).
 */
export function BoardHeader({ connection, role, focusTitle = false }: { connection: BoardConnection; role: Role; focusTitle?: boolean }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const title = useBoardTitle(connection.controlDoc, connection.session.title);
  const [draft, setDraft] = useState(title);
  useEffect(() => setDraft(title), [title]);
  const titleRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusTitle) titleRef.current?.focus();
    // Once, on arrival.
  }, []);
  useEffect(() => {
    document.title = t('board.documentTitle', { title });
  }, [title, t]);

  const commitTitle = () => {
    const clean = cleanBoardTitle(draft);
    // Emptied, or unchanged: nothing to write; show the title again.
    if (!clean || clean === title) return setDraft(title);
    editor.renameBoard(clean);
  };

  return (
    <header className="board-header">
      <a href="/" className="brand">{t('app.name')}</a>
      {editor.canEditSettings ? (
        <input
          dir="auto"
          className="board-title-input"
          data-testid="board-title-input"
          ref={(element) => void (titleRef.current = element)}
          aria-label={t('board.titleLabel')}
          value={draft}
          maxLength={MAX_TITLE_LENGTH}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commitTitle}
          onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
        />
      ) : (
        <h1 dir="auto" className="board-title" data-testid="board-title" tabIndex={-1} ref={(element) => void (titleRef.current = element)}>{title}</h1>
      )}
      <span className="role-badge" data-testid="role-badge">{t(ROLE_NAME_KEY[role])}</span>
      {role === 'observer' && (
        <>
          <span className="readonly-badge" data-testid="readonly-badge" aria-describedby="readonly-explanation">{t('board.viewOnly')}</span>
          {/* Said in words: a badge alone does not tell an observer why nothing responds. */}
          <span id="readonly-explanation" className="readonly-explanation" data-testid="readonly-explanation">{t('observerHelp')}</span>
        </>
      )}
      <StatementControl connection={connection} />
      <MonitoringButton privacy={connection.privacy} role={role} />
      <SaidDidLink boardId={connection.session.boardId} />
      <ShareButton connection={connection} />
      <ExportMenu connection={connection} />
      <RoomDisplayButton connection={connection} />
      <ConnectionIndicator tracker={connection.tracker} />
      <LanguagePicker />
      <ShortcutHelp />
    </header>
  );
}
