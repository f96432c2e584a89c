import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { currentStatementTranslations, getSettingsMap, readStatementTranslations, type EngagementStatement, type StatementTranslations, type StatementWords } from '@clapboard/shared';

/** Every language the statement is translated into, live from the control document, as stored (with each field's source fingerprint). */
export function useStatementTranslations(controlDoc: Y.Doc): StatementTranslations {
  const [translations, setTranslations] = useState(() => readStatementTranslations(controlDoc));
  useEffect(() => {
    const settings = getSettingsMap(controlDoc);
    const update = () => setTranslations((current) => {
      const next = readStatementTranslations(controlDoc);
      return JSON.stringify(current) === JSON.stringify(next) ? current : next;
    });
    settings.observeDeep(update);
    update();
    return () => settings.unobserveDeep(update);
  }, [controlDoc]);
  return translations;
}

/** What readers are shown of them: per language, the fields that still translate the statement as it is. */
export function currentTranslationsOf(statement: EngagementStatement | null, translations: StatementTranslations): Record<string, StatementWords> {
  return statement ? currentStatementTranslations(statement, translations) : {};
}
