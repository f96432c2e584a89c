import { useTranslation } from 'react-i18next';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { roomDisplayAddress } from '../../connection/roomDisplayLinks.ts';
import { storedBoardToken } from '../../connection/session.ts';

/** Facilitators: open the room display for a projector, following this person's view. */
export function RoomDisplayButton({ connection }: { connection: BoardConnection }) {
  const { t } = useTranslation();
  const { boardId, role } = connection.session;
  const token = storedBoardToken(boardId);
  if (role !== 'facilitator' || !token) return null;

  async function handleOpen() {
    // Opened now, while the click still counts as the person's (popup blockers), and pointed at the display once its address is known.
    const opened = window.open('about:blank', '_blank');
    if (!opened) return;
    // The display must not be able to reach back into this page.
    opened.opener = null;
    opened.location.replace(await roomDisplayAddress(boardId, token!, connection.awareness.clientID));
  }

  return (
    <button type="button" onClick={() => void handleOpen()} title={t('roomDisplay.openHelp')} data-testid="room-display-open">
      {t('roomDisplay.open')}
    </button>
  );
}
