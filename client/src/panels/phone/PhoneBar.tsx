import { useTranslation } from 'react-i18next';
import { useEditor } from '../../editor/EditorContext.ts';

export type PhoneView = 'all' | 'mine' | 'people';

/**
 * The phone's bottom bar: the few things a participant does, always in
 * sight, each a word under an icon and a target a thumb can hit. Observers
 * get the list and the people only.
 */
export function PhoneBar({ onOpen, onToggleControls, controlsOpen }: { onOpen: (view: PhoneView) => void; onToggleControls?: () => void; controlsOpen?: boolean }) {
  const { t } = useTranslation();
  const editor = useEditor();
  return (
    <section className="phone-bar" aria-label={t('phone.bar.label')} data-testid="phone-bar">
      {editor.canEdit && (
        <>
          <BarButton testId="phone-add-note" icon="+" label={t('phone.bar.addNote')} onClick={() => editor.writeNoteInView()} primary dialog />
          <BarButton testId="phone-undo" icon="↶" label={t('phone.bar.undo')} onClick={() => editor.undo()} />
          <BarButton testId="phone-my-notes" icon="★" label={t('phone.bar.myNotes')} onClick={() => onOpen('mine')} dialog />
        </>
      )}
      <BarButton testId="phone-list" icon="☰" label={t('phone.bar.list')} onClick={() => onOpen('all')} dialog />
      <BarButton testId="phone-people" icon="☺" label={t('phone.bar.people')} onClick={() => onOpen('people')} dialog />
      {onToggleControls && (
        <BarButton testId="phone-controls" icon="⚙" label={t('phone.bar.controls')} onClick={onToggleControls} pressed={controlsOpen ?? false} controls="board-side" />
      )}
    </section>
  );
}

interface BarButtonProps {
  testId: string;
  icon: string;
  label: string;
  onClick: () => void;
  primary?: boolean;
  dialog?: boolean;
  /** A toggle (the facilitator's panels): its state, and the id of what it shows. */
  pressed?: boolean;
  controls?: string;
}

function BarButton({ testId, icon, label, onClick, primary, dialog, pressed, controls }: BarButtonProps) {
  return (
    <button
      type="button"
      className={primary ? 'phone-bar-button primary' : 'phone-bar-button'}
      data-testid={testId}
      aria-haspopup={dialog ? 'dialog' : undefined}
      aria-expanded={pressed}
      aria-controls={controls}
      onClick={onClick}
    >
      <span className="phone-bar-icon" aria-hidden="true">
        {icon}
      </span>
      <span className="phone-bar-label">{label}</span>
    </button>
  );
}
