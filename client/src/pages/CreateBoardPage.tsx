import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH, ROLES, type BoardLinks, type Role } from '@clapboard/shared';
import { SavedLinksStore, type SavedBoardLinks } from '../connection/savedLinks.ts';
import { createBoard } from '../connection/session.ts';
import { ShareLink } from '../panels/share/ShareLink.tsx';
import { StatementFields } from '../panels/statement/StatementFields.tsx';
import { checkDraft, isEmptyDraft, useStatementDraft } from '../panels/statement/statementDraft.ts';
import { RoomDisplayLink } from '../panels/roomDisplay/RoomDisplayLink.tsx';
import { TemplatePicker } from '../panels/templates/TemplatePicker.tsx';

export function CreateBoardPage() {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  // Kept in this browser so a reload never loses them; newest first.
  const store = useRef(new SavedLinksStore(window.localStorage)).current;
  const [saved, setSaved] = useState<SavedBoardLinks[]>(() => store.all());
  const confirm = useRef<HTMLDialogElement>(null);
  const statement = useStatementDraft();
  const [template, setTemplate] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return;
    // A second press must not silently make a second board.
    if (saved.length > 0) return confirm.current?.showModal();
    void create();
  }

  function handleForget(boardId: string) {
    store.forget(boardId);
    setSaved(store.all());
  }

  async function create() {
    // Optional as a whole; once any of it is written, all of it must be.
    const checked = isEmptyDraft(statement.draft) ? null : checkDraft(statement.draft, t);
    if (checked && !checked.ok) return statement.setErrors(checked.errors);
    setBusy(true);
    setError(false);
    try {
      const created = await createBoard(title.trim(), { ...(checked ? { statement: checked.statement } : {}), ...(template ? { template } : {}) });
      store.save(created.id, title.trim(), created.links);
      setSaved(store.all());
    } catch {
      setError(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page create-page">
      <h1>{t('app.name')}</h1>
      <p>{t('create.intro')}</p>
      <form onSubmit={handleSubmit} className="create-form">
        <label htmlFor="board-title">{t('create.titleLabel')}</label>
        <input
          dir="auto"
          id="board-title"
          data-testid="create-title"
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          required
          onChange={(event) => setTitle(event.target.value)}
        />
        <TemplatePicker value={template} onChange={setTemplate} />
        <StatementFields state={statement} idPrefix="create-statement" />
        <button type="submit" data-testid="create-submit" disabled={busy || !title.trim()}>
          {busy ? t('create.creating') : t('create.submit')}
        </button>
      </form>
      {error && <p role="alert" className="error">{t('create.error')}</p>}
      <dialog ref={confirm} className="share-dialog" aria-labelledby="create-again-title" data-testid="create-again">
        <h2 id="create-again-title">{t('create.again.title')}</h2>
        <p>{t('create.again.body')}</p>
        <div className="share-actions">
          <button type="button" data-testid="create-again-confirm" onClick={() => { confirm.current?.close(); void create(); }}>{t('create.again.confirm')}</button>
          <button type="button" data-testid="create-again-cancel" onClick={() => confirm.current?.close()}>{t('create.again.cancel')}</button>
        </div>
      </dialog>
      {saved.map((entry, index) => {
        const links = entry.links;
        const complete = links.facilitator && links.participant && links.observer ? (links as BoardLinks) : null;
        return (
          <section key={entry.boardId} aria-labelledby={`links-heading-${entry.boardId}`} data-testid={index === 0 ? 'board-links' : 'earlier-board-links'} className="saved-board-links">
            <h2 id={`links-heading-${entry.boardId}`}>{index === 0 ? t('create.linksHeading') : t('create.earlierHeading', { title: entry.title })}</h2>
            {index === 0 && <p>{t('create.linksFor', { title: entry.title })}</p>}
            <p>{t('create.linksIntro')}</p>
            <ul className="share-links">
              {ROLES.map((role: Role) => links[role] && <ShareLink key={role} role={role} link={links[role]} testIdPrefix={index === 0 ? 'link' : `earlier-${index}`} />)}
            </ul>
            {index === 0 && complete && <RoomDisplayLink links={complete} />}
            <p className="link-help">{t('create.keptNote')}</p>
            <button type="button" data-testid={index === 0 ? 'links-forget' : undefined} onClick={() => handleForget(entry.boardId)}>{t('create.forget')}</button>
          </section>
        );
      })}
    </main>
  );
}
