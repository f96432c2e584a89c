import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { getSettingsMap, getTimersMap } from '@clapboard/shared';

/**
 * A value read from the control document (the current step, the timer,
 * the statement's translations, the phrasebook),
 * read again on every change to `settings` or `timers`. Readers validate,
 * so this holds whatever they return, null for nothing readable.
 */
export function useControlValue<T>(controlDoc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const [value, setValue] = useState(() => read(controlDoc));
  useEffect(() => {
    const roots = [getSettingsMap(controlDoc), getTimersMap(controlDoc)];
    const update = () => setValue((current) => {
      const next = read(controlDoc);
      return JSON.stringify(next) === JSON.stringify(current) ? current : next;
    });
    for (const root of roots) root.observeDeep(update);
    update();
    return () => {
      for (const root of roots) root.unobserveDeep(update);
    };
  }, [controlDoc, read]);
  return value;
}
