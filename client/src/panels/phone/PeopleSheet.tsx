import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useObservable } from '../../editor/EditorContext.ts';
import type { Presence } from '../../presence/Presence.ts';
import { LanguagePicker } from '../LanguagePicker.tsx';
import { PresencePanel } from '../PresencePanel.tsx';
import { ModalSheet } from './ModalSheet.tsx';

/**
 * The people panel over the whole screen (phones): who is here, one's own
 * name, following someone. Choosing someone to follow goes back to the
 * board at once, to see what they see.
 */
export function PeopleSheet({ presence, initialName, isFacilitator, onClose }: { presence: Presence; initialName: string; isFacilitator: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const following = useObservable(presence.following);
  const before = useRef(following);
  useEffect(() => {
    if (following !== null && following !== before.current) onClose();
    before.current = following;
  }, [following, onClose]);
  return (
    <ModalSheet className="people-sheet" labelledBy="presence-heading" testId="people-sheet" onClose={onClose}>
      <div className="phone-sheet-head">
        <button type="button" data-testid="people-close" onClick={onClose}>
          {t('people.close')}
        </button>
        {/* A phone's header has no room for the picker: it sits with the other things about oneself. */}
        <LanguagePicker />
      </div>
      <PresencePanel presence={presence} initialName={initialName} isFacilitator={isFacilitator} />
      {/* Following is a tap on a name, which a phone gives no hover hint for. */}
      <p className="people-hint">{t('people.hint')}</p>
    </ModalSheet>
  );
}
