import type * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, STEP_SETTING, getSettingsMap, writePhrasebookLanguage, type CurrentStep } from '@clapboard/shared';

/**
 * Commands on the board's current step (`settings.step`, shared/src/model/steps.ts),
 * which facilitators write and everyone's page reads. Same rule as
 * ./settingsCommands.ts: one transaction per action, the local-user origin.
 * Written as one plain value: the settings layout allows it, and a step is
 * replaced whole, never edited field by field.
 */
export function setCurrentStep(controlDoc: Y.Doc, step: CurrentStep): void {
  controlDoc.transact(() => getSettingsMap(controlDoc).set(STEP_SETTING, { ...step }), LOCAL_USER_ORIGIN);
}

/** Stops stepping: participants' pages stop showing a step. */
export function clearCurrentStep(controlDoc: Y.Doc): void {
  controlDoc.transact(() => getSettingsMap(controlDoc).delete(STEP_SETTING), LOCAL_USER_ORIGIN);
}

/** One language's translations of the steps' words (settings.phrasebook), in one transaction. */
export function setStepTranslations(controlDoc: Y.Doc, lang: string, pairs: ReadonlyArray<readonly [original: string, translation: string]>): void {
  controlDoc.transact(() => writePhrasebookLanguage(controlDoc, lang, pairs), LOCAL_USER_ORIGIN);
}
