import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { getSettingsMap, readBoardTitle } from '@clapboard/shared';

/** The board title from the control document, falling back to the session's until it syncs. */
export function useBoardTitle(controlDoc: Y.Doc, fallback: string): string {
  const [title, setTitle] = useState(() => readBoardTitle(controlDoc) || fallback);
  useEffect(() => {
    const settings = getSettingsMap(controlDoc);
    const update = () => setTitle(readBoardTitle(controlDoc) || fallback);
    settings.observe(update);
    update();
    return () => settings.unobserve(update);
  }, [controlDoc, fallback]);
  return title;
}
