import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../editor/EditorContext.ts';
import { OutlineNote, type FocusRequest } from './OutlineNote.tsx';
import { useOutlineGroups, type OutlineFrame } from './useOutlineGroups.ts';
import { FrameOptions } from './FrameOptions.tsx';
import { OutlineThemes } from '../synthesis/OutlineThemes.tsx';

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
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  // A new node per message (keyed by `seq`), so the same words twice are announced twice.
  const [announcement, setAnnouncement] = useState({ text: '', seq: 0 });
  const targetFrame = frames.some((frame) => frame.id === target) ? target : '';

  const handleAdd = () => {
    const id = editor.addNoteToFrame(targetFrame || null);
    if (id) setFocusRequest({ id, group: targetFrame, control: 'text' });
  };

  const handleMove = useCallback(
    (id: string, frameId: string | null) => {
      const note = editor.store.get(id);
      if (!note) return;
      const title = frames.find((frame) => frame.id === frameId)?.title || t('outline.untitledFrame');
      const say = (text: string) => setAnnouncement((previous) => ({ text, seq: previous.seq + 1 }));
      if ((note.frameId ?? null) === frameId) {
        say(frameId ? t('outline.alreadyIn', { frame: title }) : t('outline.alreadyOut'));
        return;
      }
      editor.moveToFrame(id, frameId);
      // The note's row now belongs to another group, so React replaces its
      // element and focus would fall to the page: the new row takes it back.
      setFocusRequest({ id, group: frameId ?? '', control: 'frame' });
      say(frameId ? t('outline.movedTo', { frame: title }) : t('outline.movedOut'));
    },
    [editor, frames, t],
  );

  const handleFocused = useCallback((id: string) => setFocusRequest((request) => (request?.id === id ? null : request)), []);

  const groups: (OutlineFrame & { key: string })[] = [
    ...frames.map((frame) => ({ ...frame, key: frame.id })),
    { id: '', title: t('outline.unframed'), key: '' },
  ];

  return (
    <section className="outline panel" data-testid="outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t('outline.heading')}</h2>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="outline-status">
        <span key={announcement.seq}>{announcement.text}</span>
      </p>
      {editor.canEdit && (
        <div className="outline-add">
          <label>
            <span>{t('outline.addTo')}</span>
            <select data-testid="outline-add-frame" value={targetFrame} onChange={(event) => setTarget(event.target.value)}>
              <FrameOptions frames={frames} />
            </select>
          </label>
          <button type="button" data-testid="outline-add-note" onClick={handleAdd}>
            {t('outline.addNote')}
          </button>
        </div>
      )}
      <OutlineThemes />
      {groups.map((group) => (
        <OutlineGroup
          key={group.key}
          group={group}
          noteIds={notes.get(group.id) ?? []}
          frames={frames}
          focusRequest={focusRequest?.group === group.id ? focusRequest : null}
          onMove={handleMove}
          onFocused={handleFocused}
        />
      ))}
    </section>
  );
}

function OutlineGroup({
  group,
  noteIds,
  frames,
  focusRequest,
  onMove,
  onFocused,
}: {
  group: OutlineFrame;
  noteIds: readonly string[];
  frames: readonly OutlineFrame[];
  /** A row of this group that should take focus once it is rendered here. */
  focusRequest: FocusRequest | null;
  onMove: (id: string, frameId: string | null) => void;
  onFocused: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const paged = showAll ? noteIds : noteIds.slice(0, PAGE);
  // A note that was just moved or added here is shown even past the page, or
  // focus would have nowhere to go. It stays shown after taking focus (state,
  // not derived from the request, which is cleared once focus has landed).
  const [pinned, setPinned] = useState<readonly string[]>([]);
  const wanted = focusRequest && !paged.includes(focusRequest.id) && noteIds.includes(focusRequest.id) ? focusRequest.id : null;
  if (wanted && !pinned.includes(wanted)) setPinned([...pinned, wanted]);
  const extra = pinned.filter((id) => !paged.includes(id) && noteIds.includes(id));
  const shown = extra.length > 0 ? [...paged, ...extra] : paged;
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
          <OutlineNote
            key={id}
            id={id}
            frames={frames}
            focusControl={focusRequest?.id === id ? focusRequest.control : null}
            onMove={onMove}
            onFocused={onFocused}
          />
        ))}
      </ul>
      {noteIds.length > paged.length && (
        <button type="button" onClick={() => setShowAll(true)}>
          {t('outline.showAll', { count: noteIds.length })}
        </button>
      )}
    </div>
  );
}
