import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { getSettingsMap, readPhrasebook, type Phrasebook } from '@clapboard/shared';

/** The board's phrasebook (facilitators' translations of the steps' words), live from the control document. */
export function usePhrasebook(controlDoc: Y.Doc): Phrasebook {
  const [book, setBook] = useState(() => readPhrasebook(controlDoc));
  useEffect(() => {
    const settings = getSettingsMap(controlDoc);
    const update = () => setBook((current) => {
      const next = readPhrasebook(controlDoc);
      return JSON.stringify(current) === JSON.stringify(next) ? current : next;
    });
    settings.observeDeep(update);
    update();
    return () => settings.unobserveDeep(update);
  }, [controlDoc]);
  return book;
}
