import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_OBJECT_TEXT, center } from '@clapboard/shared';
import type { WritingRequest } from '../../editor/NoteWriting.ts';
import { useEditor, useObservable } from '../../editor/EditorContext.ts';
import type { OwnWriters } from '../../model/OwnWriters.ts';
import { isolate } from '../../i18n/isolate.ts';
import { ModalSheet } from './ModalSheet.tsx';
import { WRITING_HEADING_KEY } from '../../i18n/keys/objectKeys.ts';

/** What a save did, for the page to say so. */
export type WritingOutcome = 'added' | 'changed';

/**
 * The writing sheet (phones): a new note, or new words for an object,
 * written full width at the top of the screen, where the keyboard does not
 * cover it, in type big enough to read. Nothing reaches the board until
 * Save, which writes it in one step (BoardEditor.saveWriting); Cancel
 * leaves nothing. Opening the words of something this device did not write
 * asks first, offering a note of one's own instead: a tap meant for an
 * empty spot must not put one person's sentence into another's note.
 */
export function NoteSheet({ own, onSaved }: { own: OwnWriters; onSaved: (id: string, outcome: WritingOutcome) => void }) {
  const editor = useEditor();
  const request = useObservable(editor.writing.request);
  if (!request) return null;
  return <SheetFor key={request.seq} request={request} own={own} onSaved={onSaved} />;
}

function SheetFor({ request, own, onSaved }: { request: WritingRequest; own: OwnWriters; onSaved: (id: string, outcome: WritingOutcome) => void }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const id = useId();
  // Read once, when the sheet opens: the words start from what was there then.
  const [target] = useState(() => (request.kind === 'edit' ? editor.store.get(request.id) : undefined));
  const [step, setStep] = useState<'ask' | 'write'>(() =>
    request.kind === 'edit' && !own.wrote(editor.store.getMap(request.id)) ? 'ask' : 'write',
  );
  const [text, setText] = useState(() => (target && target.type !== 'connector' ? editor.store.textOf(target) : ''));
  const visibleHeight = useVisibleHeight();
  const close = () => editor.writing.close();

  const save = () => {
    const saved = editor.saveWriting(text);
    if (!saved) return;
    if (request.kind === 'new') own.remember();
    onSaved(saved, request.kind === 'new' ? 'added' : 'changed');
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  const handleOwnNote = () => {
    // Beside their note, where they tapped; the anonymous-notes box takes over where that applies.
    editor.writing.close();
    if (target && 'x' in target) editor.createAt('note', center(target));
  };

  const heading =
    request.kind === 'new'
      ? t('writing.heading.new')
      : t(target && target.type !== 'connector' && target.type !== 'answer' ? WRITING_HEADING_KEY[target.type] : WRITING_HEADING_KEY.note);

  if (step === 'ask') {
    return (
      <ModalSheet className="note-sheet" labelledBy={`${id}-heading`} testId="note-sheet" onClose={close}>
        <div className="note-sheet-body" style={{ maxBlockSize: visibleHeight }} data-testid="note-sheet-ask">
          <h2 id={`${id}-heading`}>{t('writing.ask.heading')}</h2>
          <p>{t('writing.ask.body')}</p>
          {text.trim() && (
            <blockquote className="note-sheet-quote" dir="auto" lang="">
              {text}
            </blockquote>
          )}
          <div className="note-sheet-actions">
            <button type="button" className="primary" data-testid="note-sheet-own" autoFocus onClick={handleOwnNote}>
              {t('writing.ask.own')}
            </button>
            <button type="button" data-testid="note-sheet-change-anyway" onClick={() => setStep('write')}>
              {t('writing.ask.change')}
            </button>
            <button type="button" data-testid="note-sheet-cancel" onClick={close}>
              {t('writing.ask.cancel')}
            </button>
          </div>
        </div>
      </ModalSheet>
    );
  }

  return (
    <ModalSheet className="note-sheet" labelledBy={`${id}-heading`} testId="note-sheet" onClose={close}>
      <form className="note-sheet-body" style={{ maxBlockSize: visibleHeight }} onSubmit={handleSubmit}>
        <h2 id={`${id}-heading`}>{heading}</h2>
        {request.kind === 'new' && <Where frameId={request.frameId} id={`${id}-where`} />}
        <label htmlFor={`${id}-text`}>{t(request.kind === 'new' ? 'writing.label.new' : 'writing.label.edit')}</label>
        <textarea
          id={`${id}-text`}
          data-testid="note-sheet-text"
          dir="auto"
          rows={5}
          autoFocus
          maxLength={MAX_OBJECT_TEXT}
          value={text}
          aria-describedby={request.kind === 'new' ? `${id}-where` : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
            event.preventDefault();
            save();
          }}
        />
        <div className="note-sheet-actions">
          <button type="submit" className="primary" data-testid="note-sheet-save" disabled={request.kind === 'new' && !text.trim()}>
            {t('writing.save')}
          </button>
          <button type="button" data-testid="note-sheet-cancel" onClick={close}>
            {t('writing.cancel')}
          </button>
        </div>
      </form>
    </ModalSheet>
  );
}

/** Where a new note will go, in words: the area (frame) by its name, or the board. */
function Where({ frameId, id }: { frameId: string | null; id: string }) {
  const { t } = useTranslation();
  const { store } = useEditor();
  const frame = frameId ? store.get(frameId) : undefined;
  const text =
    frame?.type === 'frame'
      ? frame.text.trim()
        ? t('writing.where.area', { area: isolate(frame.text.trim()) })
        : t('writing.where.untitledArea')
      : t('writing.where.board');
  return (
    <p id={id} className="note-sheet-where" dir="auto">
      {text}
    </p>
  );
}

/**
 * The height of the part of the window not covered by the on-screen
 * keyboard, so the sheet's buttons stay in sight while typing (browsers
 * that shrink the page for the keyboard need no help; others only shrink
 * the visual viewport).
 */
function useVisibleHeight(): number | undefined {
  const [height, setHeight] = useState(() => window.visualViewport?.height);
  useEffect(() => {
    const viewport = window.visualViewport;
    if (!viewport) return;
    const handleResize = () => setHeight(viewport.height);
    viewport.addEventListener('resize', handleResize);
    return () => viewport.removeEventListener('resize', handleResize);
  }, []);
  return height;
}
