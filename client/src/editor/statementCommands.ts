import type * as Y from 'yjs';
import { LOCAL_USER_ORIGIN, writeStatement, writeStatementTranslation, type EngagementStatement, type TranslatableStatementField } from '@clapboard/shared';

/**
 * The engagement statement, on the control document (facilitators only):
 * one transaction, only the fields that changed, with the local-user origin.
 */
export function setStatement(controlDoc: Y.Doc, statement: EngagementStatement): void {
  controlDoc.transact(() => writeStatement(controlDoc, statement), LOCAL_USER_ORIGIN);
}

/** One language's translation of the statement, on the control document (facilitators only), in one transaction. */
export function setStatementTranslation(
  controlDoc: Y.Doc,
  statement: EngagementStatement,
  lang: string,
  texts: Partial<Record<TranslatableStatementField, string>>,
): void {
  controlDoc.transact(() => writeStatementTranslation(controlDoc, statement, lang, texts), LOCAL_USER_ORIGIN);
}
