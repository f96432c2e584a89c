import { useCallback, useState } from 'react';

/**
 * A polite live region's message. A new `seq` per message so the same words
 * twice are announced twice (the region renders one keyed node).
 */
export function useAnnouncer(): [{ text: string; seq: number }, (text: string) => void] {
  const [announcement, setAnnouncement] = useState({ text: '', seq: 0 });
  const say = useCallback((text: string) => setAnnouncement((previous) => ({ text, seq: previous.seq + 1 })), []);
  return [announcement, say];
}
