import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { getSettingsMap, readStatement, type EngagementStatement } from '@clapboard/shared';

/** The board's statement, live from the control document; null while it has none. */
export function useStatement(controlDoc: Y.Doc): EngagementStatement | null {
  const [statement, setStatement] = useState(() => readStatement(controlDoc));
  useEffect(() => {
    const settings = getSettingsMap(controlDoc);
    // Deep: an edit changes a field of the nested `settings.statement` map.
    const update = () => setStatement((current) => sameStatement(current, readStatement(controlDoc)));
    settings.observeDeep(update);
    update();
    return () => settings.unobserveDeep(update);
  }, [controlDoc]);
  return statement;
}

/** Keeps the old object when nothing changed, so other settings (the title, a timer) do not re-render the statement. */
function sameStatement(current: EngagementStatement | null, next: EngagementStatement | null): EngagementStatement | null {
  return JSON.stringify(current) === JSON.stringify(next) ? current : next;
}
