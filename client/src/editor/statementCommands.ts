import type * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, writeStatement, type EngagementStatement } from '@clapboard/shared';

/**
 * The engagement statement, on the control document (facilitators only):
 * one transaction, only the fields that changed, with the local-user origin.
 */
export function setStatement(controlDoc: Y.Doc, statement: EngagementStatement): void {
  controlDoc.transact(() => writeStatement(controlDoc, statement), LOCAL_USER_ORIGIN);
}
