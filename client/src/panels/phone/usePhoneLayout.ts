import { useSyncExternalStore } from 'react';

/**
 * Screens this narrow get the phone layout (styles.css, `.phone-layout`):
 * a compact header, a fixed bar of the few things a participant does, and
 * notes written in a sheet. Wider screens, tablets upright included, keep
 * the desktop layout. The same width as the stylesheet's phone rules.
 */
export const PHONE_LAYOUT_QUERY = '(max-width: 760px)';

function subscribe(listener: () => void): () => void {
  const query = window.matchMedia(PHONE_LAYOUT_QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** Whether the board is laid out for a phone now; follows the window as it is resized or turned. */
export function usePhoneLayout(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE_LAYOUT_QUERY).matches);
}
