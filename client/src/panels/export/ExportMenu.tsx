import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameRecord } from '@clapboard/shared';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { storedBoardToken } from '../../connection/session.ts';
import { useEditor } from '../../editor/EditorContext.ts';
import { useBoardTitle } from '../useBoardTitle.ts';
import { saveBlob } from '../saveBlob.ts';
import { downloadFindings, downloadHeldData, type DownloadResult, type HeldData } from './downloadFindings.ts';
import { exportFileName, frameToExport, type ExportFormat } from './exportFormats.ts';
import './export.css';
import { EXPORT_FAILED_KEY, EXPORT_FORMAT_KEYS, HELD_EXPORT_KEYS } from '../../i18n/keys/dataKeys.ts';

/** Each its own download, never mixed with the findings or with one another. */
const HELD_DATA: readonly HeldData[] = ['export-all', 'monitoring', 'contacts'];

/** What one button saves: a format, and for an image, the frame it is cut to. */
interface ExportChoice {
  key: string;
  format: ExportFormat;
  frame?: FrameRecord;
}

/**
 * Facilitators: the board's findings as a file — a report (Markdown, Word),
 * the data (JSON, CSV), or an image of the whole board or of one frame
 * (the selected one, or the one in the middle of the view). The server
 * builds every file (GET …/findings) and refuses anyone else, so the menu
 * is shown to facilitators only.
 */
export function ExportMenu({ connection }: { connection: BoardConnection }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const dialog = useRef<HTMLDialogElement>(null);
  const { boardId, role } = connection.session;
  const title = useBoardTitle(connection.controlDoc, connection.session.title);
  const [frame, setFrame] = useState<FrameRecord | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const token = storedBoardToken(boardId);
  if (role !== 'facilitator' || !token) return null;

  const handleOpen = () => {
    editor.store.flush();
    setFrame(frameToExport(editor.store.sorted(), editor.selection.current, editor.viewport.visible()));
    setStatus('');
    dialog.current?.showModal();
  };

  /** One button's download: busy while it runs, then saved under `name`, or the reason it failed. */
  const save = async (key: string, download: () => Promise<DownloadResult>, name: string) => {
    setBusy(key);
    setStatus(t('export.working'));
    const result = await download();
    setBusy(null);
    if (!result.ok) return setStatus(t(EXPORT_FAILED_KEY[result.reason]));
    saveBlob(result.blob, name);
    setStatus(t('export.saved', { file: name }));
  };
  const handleExport = (choice: ExportChoice) =>
    save(
      choice.key,
      () => downloadFindings(boardId, token, choice.format, choice.frame?.id),
      exportFileName(title, choice.format, choice.frame ? choice.frame.text || t('export.untitledFrame') : undefined),
    );
  const handleHeld = (what: HeldData) => save(what, () => downloadHeldData(boardId, token, what), exportFileName(title, 'json', what));

  const choices: ExportChoice[] = [
    { key: 'md', format: 'md' },
    { key: 'docx', format: 'docx' },
    { key: 'csv', format: 'csv' },
    { key: 'json', format: 'json' },
    { key: 'png', format: 'png' },
  ];
  if (frame) choices.push({ key: 'png-frame', format: 'png', frame });

  return (
    <>
      <button type="button" onClick={handleOpen} aria-haspopup="dialog" data-testid="export-open">
        {t('export.open')}
      </button>
      <dialog ref={dialog} className="export-dialog" aria-labelledby="export-dialog-title" aria-describedby="export-dialog-intro" data-testid="export-dialog">
        <h2 id="export-dialog-title">{t('export.title')}</h2>
        <p id="export-dialog-intro">{t('export.intro')}</p>
        <ul className="export-choices">
          {choices.map((choice) => (
            <li key={choice.key}>
              <button
                type="button"
                data-testid={`export-${choice.key}`}
                disabled={busy !== null}
                aria-busy={busy === choice.key}
                onClick={() => void handleExport(choice)}
              >
                {choice.frame ? t('export.format.pngFrame', { frame: choice.frame.text || t('export.untitledFrame') }) : t(EXPORT_FORMAT_KEYS[choice.format].name)}
              </button>
              <span className="export-help">{choice.frame ? t('export.help.pngFrame') : t(EXPORT_FORMAT_KEYS[choice.format].help)}</span>
            </li>
          ))}
        </ul>
        {!frame && <p className="export-help" data-testid="export-no-frame">{t('export.noFrame')}</p>}
        <h3 className="export-held-heading">{t('export.held.heading')}</h3>
        <ul className="export-choices">
          {HELD_DATA.map((what) => (
            <li key={what}>
              <button type="button" data-testid={`export-held-${what}`} disabled={busy !== null} aria-busy={busy === what} onClick={() => void handleHeld(what)}>
                {t(HELD_EXPORT_KEYS[what].name)}
              </button>
              <span className="export-help">{t(HELD_EXPORT_KEYS[what].help)}</span>
            </li>
          ))}
        </ul>
        <p role="status" className="export-status" data-testid="export-status">
          {status}
        </p>
        <div className="export-actions">
          <button type="button" onClick={() => dialog.current?.close()} data-testid="export-close">
            {t('export.close')}
          </button>
        </div>
      </dialog>
    </>
  );
}
