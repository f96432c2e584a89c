import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A modal view over the board (the writing sheet, the list of notes, the
 * people): a native `<dialog>` opened with showModal, so the page behind is
 * inert, focus stays inside and Escape closes it, as screen readers expect.
 * React decides whether it is shown; Escape asks `onClose`. Focus goes back
 * to what had it before (the button that opened it) when it closes.
 */
export function ModalSheet({
  className,
  labelledBy,
  testId,
  onClose,
  children,
}: {
  className: string;
  labelledBy: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      if (previous?.isConnected) previous.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
