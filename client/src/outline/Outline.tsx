import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_SIZE } from '@clapboard/shared';
import { createObject, freeSlotInFrame, freeSlotOutsideFrames } from '../board/commands.ts';
import { useEditor } from '../board/EditorContext.ts';
import { OutlineNote } from './OutlineNote.tsx';
import { useOutlineGroups, type OutlineFrame } from './useOutlineGroups.ts';

/** Rows rendered per group before "show all": a 10k-note board must not mount 10k textareas. */
const PAGE = 100;

/**
 * The board as a document: frames, then their notes, then unframed notes.
 * Kept in sync with the canvas, so a screen-reader or keyboard user can
 * take part fully without the canvas.
 */
export function Outline() {
  const { t } = useTranslation();
  const editor = useEditor();
  const { frames, notes } = useOutlineGroups();
  const [target, setTarget] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const targetFrame = frames.some((frame) => frame.id === target) ? target : '';

  const handleAdd = () => {
    const size = { width: NOTE_SIZE, height: NOTE_SIZE };
    const slot = targetFrame ? freeSlotInFrame(editor.store, targetFrame, size) : freeSlotOutsideFrames(editor.store, size);
    const id = createObject(editor.doc, editor.store, 'note', slot, {
      rect: { ...slot, ...size },
      frameId: targetFrame || null,
    });
    editor.store.flush();
    editor.selection.replace([id]);
    setFocusId(id);
  };

  const groups: (OutlineFrame & { key: string })[] = [
    ...frames.map((frame) => ({ ...frame, key: frame.id })),
    { id: '', title: t('outline.unframed'), key: '' },
  ];

  return (
    <section className="outline panel" data-testid="outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t('outline.heading')}</h2>
      {editor.canEdit && (
        <div className="outline-add">
          <label>
            <span>{t('outline.addTo')}</span>
            <select data-testid="outline-add-frame" value={targetFrame} onChange={(event) => setTarget(event.target.value)}>
              {frames.map((frame) => (
                <option key={frame.id} value={frame.id}>
                  {frame.title || t('outline.untitledFrame')}
                </option>
              ))}
              <option value="">{t('outline.unframed')}</option>
            </select>
          </label>
          <button type="button" data-testid="outline-add-note" onClick={handleAdd}>
            {t('outline.addNote')}
          </button>
        </div>
      )}
      {groups.map((group) => (
        <OutlineGroup key={group.key} group={group} noteIds={notes.get(group.id) ?? []} frames={frames} focusId={focusId} />
      ))}
    </section>
  );
}

function OutlineGroup({
  group,
  noteIds,
  frames,
  focusId,
}: {
  group: OutlineFrame;
  noteIds: readonly string[];
  frames: readonly OutlineFrame[];
  focusId: string | null;
}) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? noteIds : noteIds.slice(0, PAGE);
  const headingId = `outline-group-${group.id || 'unframed'}`;
  const title = group.id ? group.title || t('outline.untitledFrame') : t('outline.unframed');
  return (
    <div
      className="outline-group"
      role="group"
      aria-labelledby={headingId}
      {...(group.id ? { 'data-testid': 'outline-frame', 'data-object-id': group.id } : { 'data-testid': 'outline-unframed' })}
    >
      <h3 id={headingId}>
        {title} <span className="count">{t('outline.noteCount', { count: noteIds.length })}</span>
      </h3>
      <ul>
        {shown.map((id) => (
          <OutlineNote key={id} id={id} frames={frames} autoFocus={id === focusId} />
        ))}
      </ul>
      {noteIds.length > shown.length && (
        <button type="button" onClick={() => setShowAll(true)}>
          {t('outline.showAll', { count: noteIds.length })}
        </button>
      )}
    </div>
  );
}
