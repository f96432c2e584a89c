import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH, ROLES, type CreateBoardResponse, type Role } from '@clapboard/shared';
import { createBoard } from '../connection/session.ts';
import { CopyButton } from '../panels/CopyButton.tsx';
import { StatementFields } from '../panels/statement/StatementFields.tsx';
import { checkDraft, isEmptyDraft, useStatementDraft } from '../panels/statement/statementDraft.ts';
import { RoomDisplayLink } from '../panels/roomDisplay/RoomDisplayLink.tsx';
import { TemplatePicker } from '../panels/templates/TemplatePicker.tsx';

export function CreateBoardPage() {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  const [created, setCreated] = useState<CreateBoardResponse | null>(null);
  const statement = useStatementDraft();
  const [template, setTemplate] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return;
    // Optional as a whole; once any of it is written, all of it must be.
    const checked = isEmptyDraft(statement.draft) ? null : checkDraft(statement.draft, t);
    if (checked && !checked.ok) return statement.setErrors(checked.errors);
    setBusy(true);
    setError(false);
    try {
      setCreated(await createBoard(title.trim(), { ...(checked ? { statement: checked.statement } : {}), ...(template ? { template } : {}) }));
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
      {created && (
        <section aria-labelledby="links-heading" data-testid="board-links">
          <h2 id="links-heading">{t('create.linksHeading')}</h2>
          <p>{t('create.linksIntro')}</p>
          <ul className="link-list">
            {ROLES.map((role: Role) => (
              <li key={role} data-testid={`link-${role}`}>
                <span className="link-role">{t(`role.${role}`)}</span>
                <span className="link-help">{t(`create.roleHelp.${role}`)}</span>
                <input readOnly value={created.links[role]} aria-label={t('create.linkLabel', { role: t(`role.${role}`) })} data-testid={`link-${role}-url`} />
                <CopyButton text={created.links[role]} label={t('create.copyLink', { role: t(`role.${role}`) })} />
                <a href={created.links[role]} target="_blank" rel="noreferrer">{t('create.open')}</a>
              </li>
            ))}
          </ul>
          <RoomDisplayLink links={created.links} />
        </section>
      )}
    </main>
  );
}
