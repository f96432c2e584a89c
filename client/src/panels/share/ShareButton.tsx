import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boardLink, staleLinkRoles, type Role } from '@clapboard/shared';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { SavedLinksStore, type SavedBoardLinks } from '../../connection/savedLinks.ts';
import { storedBoardToken } from '../../connection/session.ts';
import { ShareLink } from './ShareLink.tsx';
import { ROLE_NAME_KEY } from '../../i18n/keys/roleKeys.ts';

/**
 * Facilitators: the board's links per role, to copy or scan. The page knows
 * its own (facilitator) token; participant and observer tokens are only told
 * when made, so they come from this browser's saved links (kept by the create
 * page). Where none are saved, the facilitator makes one on purpose with
 * `POST …/links`: every link is a lasting key, so opening the panel never
 * makes one by itself. Replacing and revoking stay in the Links panel.
 */
export function ShareButton({ connection }: { connection: BoardConnection }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const { boardId, role, title } = connection.session;
  const token = storedBoardToken(boardId);
  const store = useRef(new SavedLinksStore(window.localStorage)).current;
  const [saved, setSaved] = useState<SavedBoardLinks | null>(null);
  const [failed, setFailed] = useState(false);
  if (role !== 'facilitator' || !token) return null;

  const links: Partial<Record<Role, string>> = { facilitator: boardLink(window.location.origin, boardId, token), ...saved?.links };
  const handleOpen = () => {
    const kept = store.get(boardId);
    setSaved(kept);
    dialog.current?.showModal();
    if (kept) void dropRevoked(kept);
  };
  // A saved link may have been revoked or replaced since (here, or by another facilitator):
  // check it against the board's current links and never offer one that no longer works.
  const dropRevoked = async (kept: SavedBoardLinks) => {
    const current = await connection.links.list();
    if (!current.ok) return;
    const stale = await staleLinkRoles(kept.links, new Set(current.value.links.map((link) => link.linkId)));
    if (stale.length > 0) setSaved(store.drop(boardId, stale));
  };
  const handleMake = async (forRole: Role) => {
    const result = await connection.links.create(forRole);
    setFailed(!result.ok);
    if (result.ok) setSaved(store.save(boardId, title, { [forRole]: result.value.link }));
  };
  const handleManage = () => {
    dialog.current?.close();
    document.getElementById('links-panel-heading')?.focus();
  };

  return (
    <>
      <button type="button" onClick={handleOpen} data-testid="share-open">{t('share.open')}</button>
      <dialog ref={dialog} className="share-dialog" aria-labelledby="share-dialog-title" data-testid="share-dialog">
        <h2 id="share-dialog-title">{t('share.title')}</h2>
        <p>{t('share.intro')}</p>
        <ul className="share-links">
          {(['participant', 'observer', 'facilitator'] as const satisfies readonly Role[]).map((forRole) =>
            links[forRole] ? (
              <ShareLink key={forRole} role={forRole} link={links[forRole]} qr={forRole !== 'facilitator'} testIdPrefix="share" />
            ) : (
              <li key={forRole} className="share-link">
                <span className="link-role">{t(ROLE_NAME_KEY[forRole])}</span>
                <span className="link-help">{t('share.notSaved')}</span>
                <button type="button" data-testid={`share-make-${forRole}`} onClick={() => void handleMake(forRole)}>{t('share.make', { role: t(ROLE_NAME_KEY[forRole]) })}</button>
              </li>
            ),
          )}
        </ul>
        {failed && <p role="alert">{t('share.makeFailed')}</p>}
        <p className="link-help">{t('share.browserNote')}</p>
        <div className="share-actions">
          <button type="button" onClick={handleManage} data-testid="share-manage">{t('share.manage')}</button>
          <button type="button" onClick={() => dialog.current?.close()} data-testid="share-close">{t('share.close')}</button>
        </div>
      </dialog>
    </>
  );
}
