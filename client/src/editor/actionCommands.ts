import type * as Y from 'yjs';
import {
  LOCAL_USER_ORIGIN,
  addAction,
  localDay,
  removeAction,
  updateAction,
  type ActionOutcome,
  type NewThemeAction,
  type ThemeActionPatch,
} from '@clapboard/shared';

/**
 * Commands on a theme's actions (control document, facilitators only; the
 * server drops anyone else's writes there). Same rule as ./settingsCommands.ts:
 * one transaction per action, with the local-user origin. Changes are dated
 * with this device's calendar day, never a time (shared/src/synthesis/actions.ts).
 */
export function addThemeAction(controlDoc: Y.Doc, action: NewThemeAction): ActionOutcome {
  return addAction(controlDoc, action, localDay(), LOCAL_USER_ORIGIN);
}

export function updateThemeAction(controlDoc: Y.Doc, id: string, patch: ThemeActionPatch): ActionOutcome {
  return updateAction(controlDoc, id, patch, localDay(), LOCAL_USER_ORIGIN);
}

export function removeThemeAction(controlDoc: Y.Doc, id: string): boolean {
  return removeAction(controlDoc, id, LOCAL_USER_ORIGIN);
}
