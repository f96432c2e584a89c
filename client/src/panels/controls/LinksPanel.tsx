import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type BoardLinkInfo, type CreatedLinkResponse, type Role } from '@clapboard/shared';
import type { BoardApiError } from '../../connection/boardApiRequest.ts';
import type { LinksApi } from '../../connection/linksApi.ts';
import { CopyButton } from '../CopyButton.tsx';
import { ADD_LINK_KEY, LINK_ERROR_KEY, LINK_ROLE_KEY } from '../../i18n/keys/roleKeys.ts';

type Message = { kind: 'created'; link: CreatedLinkResponse } | { kind: 'revoked' } | { kind: 'error'; code: string };

/**
 * The board's links, for facilitators (co-facilitators): add one per role,
 * replace one (rotate) or revoke one. A revoked or replaced link stops at
 * once, and pages open with it are disconnected and told why. A new link is
 * shown once, to copy: the server keeps only its hash and never lists it.
 */
export function LinksPanel({ api }: { api: LinksApi }) {
  const { t } = useTranslation();
  const [links, setLinks] = useState<readonly BoardLinkInfo[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await api.list();
    setLoadFailed(!result.ok);
    if (result.ok) setLinks(result.value.links);
  }, [api]);
  useEffect(() => void load(), [load]);

  const act = async (request: () => Promise<{ ok: true; value: CreatedLinkResponse | null } | { ok: false; error: BoardApiError }>) => {
    setBusy(true);
    const result = await request();
    setBusy(false);
    if (!result.ok) setMessage({ kind: 'error', code: result.error.code ?? 'unknown' });
    else setMessage(result.value ? { kind: 'created', link: result.value } : { kind: 'revoked' });
    await load();
  };
  const errorText = (code: string) => t(LINK_ERROR_KEY[code] ?? 'links.error.unknown');

  return (
    <section className="links-panel" data-testid="links-panel">
      <h3 id="links-panel-heading" tabIndex={-1}>{t('links.heading')}</h3>
      <p className="round-note">{t('links.intro')}</p>
      {links === null && !loadFailed && <p className="round-note">{t('links.loading')}</p>}
      {loadFailed && (
        <p role="alert">
          {t('links.loadFailed')} <button type="button" onClick={() => void load()}>{t('links.retry')}</button>
        </p>
      )}
      {links && (
        <ul className="links-list">
          {links.map((link) => (
            <li key={link.linkId} data-testid="link-row" data-link-id={link.linkId} data-role={link.role} data-current={link.current}>
              <span>{t(LINK_ROLE_KEY[link.role])}</span> <code>{link.linkId.slice(0, 6)}</code>
              {link.current && <span className="badge">{t('links.yours')}</span>}
              <button type="button" data-testid="link-rotate" disabled={busy} aria-label={t('links.rotateLabel', { id: link.linkId.slice(0, 6) })} onClick={() => void act(() => api.rotate(link.linkId))}>
                {t('links.rotate')}
              </button>
              <button type="button" data-testid="link-revoke" disabled={busy} aria-label={t('links.revokeLabel', { id: link.linkId.slice(0, 6) })} onClick={() => void act(() => api.revoke(link.linkId))}>
                {t('links.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="links-add">
        {ROLES.map((role: Role) => (
          <button key={role} type="button" data-testid={`link-add-${role}`} disabled={busy} onClick={() => void act(() => api.create(role))}>
            {t(ADD_LINK_KEY[role])}
          </button>
        ))}
      </div>
      <div role="status" data-testid="links-message">
        {message?.kind === 'created' && (
          <p className="links-created">
            {t('links.created')} <span dir="ltr" data-testid="link-created" className="link-value">{message.link.link}</span>{' '}
            <CopyButton text={message.link.link} label={t('links.copyNew')} />
          </p>
        )}
        {message?.kind === 'revoked' && <p>{t('links.revoked')}</p>}
        {message?.kind === 'error' && <p>{errorText(message.code)}</p>}
      </div>
    </section>
  );
}
