import { useTranslation } from 'react-i18next';
import { parseBoardLink, roomDisplayLink, type BoardLinks } from '@clapboard/shared';
import { CopyButton } from '../CopyButton.tsx';
import './roomDisplay.css';

/**
 * On the create page, beside the three links: the room display's, made of
 * the observer token (a projector needs to read, never to write) and the
 * participant link for its QR code.
 */
export function RoomDisplayLink({ links }: { links: BoardLinks }) {
  const { t } = useTranslation();
  const observer = parseBoardLink(links.observer);
  if (!observer?.token) return null;
  const link = roomDisplayLink(new URL(links.observer).origin, observer.boardId, observer.token, { join: links.participant });
  return (
    <div className="room-display-link" data-testid="link-room-display">
      <span className="link-role">{t('roomDisplay.createLink.label')}</span>
      <span className="link-help">{t('roomDisplay.createLink.help')}</span>
      <input readOnly value={link} aria-label={t('roomDisplay.createLink.linkLabel')} data-testid="link-room-display-url" />
      <CopyButton text={link} label={t('roomDisplay.createLink.copy')} />
      <a href={link} target="_blank" rel="noreferrer">{t('create.open')}</a>
    </div>
  );
}
