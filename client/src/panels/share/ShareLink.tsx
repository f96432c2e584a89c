import { useTranslation } from 'react-i18next';
import type { Role } from '@clapboard/shared';
import { CopyButton } from '../CopyButton.tsx';
import { QrCode } from '../roomDisplay/QrCode.tsx';
import { ROLE_HELP_KEY, ROLE_NAME_KEY } from '../../i18n/keys/roleKeys.ts';

/** One role's link: a wide, readable field, a normal-size Copy button and, where asked, a QR code drawn in the page. */
export function ShareLink({ role, link, qr = false, testIdPrefix = 'link' }: { role: Role; link: string; qr?: boolean; testIdPrefix?: string }) {
  const { t } = useTranslation();
  const name = t(ROLE_NAME_KEY[role]);
  return (
    <li className="share-link" data-testid={`${testIdPrefix}-${role}`}>
      <span className="link-role">{name}</span>
      <span className="link-help">{t(ROLE_HELP_KEY[role])}</span>
      <input readOnly dir="ltr" value={link} aria-label={t('create.linkLabel', { role: name })} data-testid={`${testIdPrefix}-${role}-url`} onFocus={(event) => event.currentTarget.select()} />
      <span className="share-link-actions">
        <CopyButton text={link} label={t('create.copyLink', { role: name })} />
        <a href={link} target="_blank" rel="noreferrer">{t('create.open')}</a>
      </span>
      {qr && <span className="share-qr" data-testid={`${testIdPrefix}-${role}-qr`}><QrCode text={link} label={t('share.qrLabel', { role: name })} /></span>}
    </li>
  );
}
