import { memo, useDeferredValue, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_PALETTE } from '@clapboard/shared';
import { useBoardObject, useEditor, useStoreRevision } from '../../editor/EditorContext.ts';
import type { OwnWriters } from '../../model/OwnWriters.ts';
import { isolate } from '../../i18n/isolate.ts';
import { ModalSheet } from './ModalSheet.tsx';
import { buildNoteList, type NoteListGroup } from './noteList.ts';
import { NOTE_LIST_HEADING_KEY, NOTE_LIST_KIND_KEY } from '../../i18n/keys/panelKeys.ts';
import { COLOR_NAME_KEY } from '../../i18n/keys/objectKeys.ts';
import { TranslationBeside } from '../translations/TranslationBeside.tsx';

/** Notes shown per area before "show all": a board of thousands must not mount them all at once. */
const PAGE = 100;

export type NoteListMode = 'all' | 'mine';

/**
 * Every note to read, in large type, area by area, over the whole screen:
 * on a phone the board at a zoom that shows it all has text too small to
 * read. Each note says its colour in words, who wrote it if it was this
 * device, and can be shown on the board or (for people who may edit)
 * changed in the writing sheet. Works the same for observers.
 */
export function NoteList({
  mode,
  own,
  onClose,
  onShow,
  onChange,
}: {
  mode: NoteListMode;
  own: OwnWriters;
  onClose: () => void;
  onShow: (id: string) => void;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const editor = useEditor();
  const revision = useDeferredValue(useStoreRevision());
  const groups = useMemo(
    () => buildNoteList(editor.store, mode === 'mine' ? (id) => own.wrote(editor.store.getMap(id)) : undefined),
    [editor, mode, own, revision], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const headingId = useId();
  const empty = groups.every((group) => group.ids.length === 0);
  return (
    <ModalSheet className="note-list" labelledBy={headingId} testId="note-list" onClose={onClose}>
      <div className="phone-sheet-head">
        <h2 id={headingId}>{t(NOTE_LIST_HEADING_KEY[mode])}</h2>
        <button type="button" data-testid="note-list-close" onClick={onClose}>
          {t('noteList.close')}
        </button>
      </div>
      {empty && <p className="note-list-none">{t(mode === 'mine' ? 'noteList.noneMine' : 'noteList.none')}</p>}
      {groups.map((group) => (
        <Group key={group.id || '-'} group={group} own={own} onShow={onShow} onChange={onChange} />
      ))}
    </ModalSheet>
  );
}

function Group({ group, own, onShow, onChange }: { group: NoteListGroup; own: OwnWriters; onShow: (id: string) => void; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const headingId = useId();
  const title = group.id ? t('noteList.area', { title: group.title ? isolate(group.title) : t('noteList.untitledArea') }) : t('noteList.noArea');
  const shown = showAll ? group.ids : group.ids.slice(0, PAGE);
  return (
    <section className="note-list-group" aria-labelledby={headingId} data-testid="note-list-group" data-frame-id={group.id}>
      <h3 id={headingId}>
        <span dir="auto">{title}</span> <span className="count">{t('noteList.count', { count: group.ids.length })}</span>
      </h3>
      {shown.length > 0 && (
        <ul>
          {shown.map((id) => (
            <Entry key={id} id={id} own={own} onShow={onShow} onChange={onChange} />
          ))}
        </ul>
      )}
      {shown.length < group.ids.length && (
        <button type="button" onClick={() => setShowAll(true)}>
          {t('noteList.showAll', { count: group.ids.length })}
        </button>
      )}
    </section>
  );
}

const Entry = memo(function Entry({ id, own, onShow, onChange }: { id: string; own: OwnWriters; onShow: (id: string) => void; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const object = useBoardObject(id);
  const answerId = object?.type === 'answer' ? object.answerId : null;
  const revealed = useSyncExternalStore(
    (listener) => (answerId ? editor.store.answers.subscribe(answerId, listener) : () => {}),
    () => (answerId ? editor.store.answers.get(answerId) : null),
  );
  const textId = useId();
  if (object?.type !== 'note' && object?.type !== 'answer') return null;
  const colour = t(COLOR_NAME_KEY[object.color]);
  const mine = object.type === 'note' && own.wrote(editor.store.getMap(id));
  const kind =
    object.type === 'answer'
      ? revealed && 'anonymousNote' in revealed
        ? 'anonymousNote'
        : 'answer'
      : mine
        ? 'yours'
        : 'note';
  const words = object.type === 'note' ? object.text : revealed && !revealed.hidden ? revealed.text : '';
  const lang = object.type === 'answer' ? (revealed?.lang ?? '') : (object.lang ?? '');
  return (
    <li className="note-list-item" data-testid="note-list-item" data-object-id={id} style={{ borderInlineStartColor: NOTE_PALETTE[object.color].fill }}>
      {words.trim() ? (
        // The words as written, in the language they were written in; one not known (a note from before
        // notes recorded it) is marked unknown (lang="") rather than read out as the page's language.
        <>
          <p id={textId} className="note-list-text" dir="auto" lang={lang} data-testid="note-list-text">
            {words}
          </p>
          <TranslationBeside kind={object.type === 'answer' ? 'answer' : 'object'} targetId={object.type === 'answer' ? object.answerId : id} originalLang={lang || null} />
        </>
      ) : revealed?.hidden ? (
        <p id={textId} className="note-list-text note-list-empty" dir="auto">
          {t('noteList.hidden', { reason: isolate(revealed.hiddenReason ?? '') })}
        </p>
      ) : (
        <p id={textId} className="note-list-text note-list-empty">
          {t('noteList.empty')}
        </p>
      )}
      <p className="note-list-meta">{t(NOTE_LIST_KIND_KEY[kind], { colour })}</p>
      <div className="note-list-actions">
        <button type="button" data-testid="note-list-show" aria-describedby={textId} onClick={() => onShow(id)}>
          {t('noteList.show')}
        </button>
        {editor.canEdit && object.type === 'note' && (
          <button type="button" data-testid="note-list-change" aria-describedby={textId} onClick={() => onChange(id)}>
            {t('noteList.change')}
          </button>
        )}
      </div>
    </li>
  );
});
