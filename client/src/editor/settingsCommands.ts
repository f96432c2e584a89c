import type * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, getSettingsMap } from '@clapboard/shared';

/**
 * Commands on the control document (facilitator-only state). Same rule as
 * ./commands.ts: one transaction per action, with the local-user origin.
 */
export function setBoardTitle(controlDoc: Y.Doc, title: string): void {
  controlDoc.transact(() => getSettingsMap(controlDoc).set('title', title), LOCAL_USER_ORIGIN);
}
