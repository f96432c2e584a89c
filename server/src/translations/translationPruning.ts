import * as Y from 'yjs';
import {
  getAnswersMap,
  getObjectsMap,
  getTranslationsMap,
  readRevealedAnswer,
  type TransactionOrigin,
  type TranslationKind,
} from '@clapboard/shared';
import type { DocumentRoom } from '../sync/DocumentRoom.ts';
import { TRANSLATION_ORIGIN } from './TranslationService.ts';

/**
 * A translation holds the words of what it translates. When a note is
 * deleted, an anonymous note withdrawn or an answer hidden by a facilitator,
 * its translations go too: otherwise a translation would keep words their
 * author took back (docs/anonymity.md).
 *
 * The process that applied the change removes them, from its own Yjs client,
 * right after the transaction: a change another process relayed was pruned
 * there, and a change loaded from storage was pruned when it was made.
 * Readers skip translations of missing targets anyway, so a process that
 * dies in between leaves a stale entry nobody sees; the next deletion of
 * the same target, or a new translation, does not depend on it.
 */
export function attachTranslationPruning(room: DocumentRoom, onError: (error: unknown) => void): void {
  const doc = room.doc;
  const pending = new Map<string, TranslationKind>();
  let scheduled = false;

  const mayPrune = (origin: unknown) => {
    const kind = (origin as TransactionOrigin | null)?.kind;
    return kind === 'connection' || (kind === 'server' && origin !== TRANSLATION_ORIGIN);
  };
  const schedule = (targetId: string, kind: TranslationKind) => {
    pending.set(`${kind}:${targetId}`, kind);
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const targets = [...pending];
      pending.clear();
      room.transactDurably(() => removeTranslationsOf(doc, targets), TRANSLATION_ORIGIN).catch(onError);
    });
  };

  getObjectsMap(doc).observe((event, transaction) => {
    if (!mayPrune(transaction.origin)) return;
    for (const [id, change] of event.changes.keys) if (change.action === 'delete') schedule(id, 'object');
  });
  getAnswersMap(doc).observeDeep((events, transaction) => {
    if (!mayPrune(transaction.origin)) return;
    for (const event of events) {
      if (event.target === getAnswersMap(doc)) {
        for (const [answerId, change] of event.changes.keys) if (change.action === 'delete') schedule(answerId, 'answer');
      } else if (event.target instanceof Y.Map && event.changes.keys.has('hidden')) {
        const answerId = answerIdOf(doc, event.target);
        if (answerId && readRevealedAnswer(doc, answerId)?.hidden) schedule(answerId, 'answer');
      }
    }
  });
}

/** Deletes every translation of the given `kind:targetId` targets, in any language. */
function removeTranslationsOf(doc: Y.Doc, targets: ReadonlyArray<[string, TranslationKind]>): void {
  const prefixes = targets.map(([target]) => `${target}:`);
  const translations = getTranslationsMap(doc);
  for (const key of [...translations.keys()]) if (prefixes.some((prefix) => key.startsWith(prefix))) translations.delete(key);
}

function answerIdOf(doc: Y.Doc, entry: Y.Map<unknown>): string | null {
  for (const [answerId, value] of getAnswersMap(doc).entries()) if (value === entry) return answerId;
  return null;
}
