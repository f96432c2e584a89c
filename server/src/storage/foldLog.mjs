// Plain JavaScript: used by the folder worker thread (sqliteWorker.mjs) and
// by sync/compaction.ts. Types: foldLog.d.mts.
import * as Y from 'yjs';

/**
 * Replays a stored document (snapshot, then its log in order) into a fresh
 * Y.Doc and re-encodes it as one update. Replaying is linear where
 * Y.mergeUpdates over a whole log is not.
 * @param {{ snapshot: Uint8Array | null, updates: Uint8Array[] }} stored
 * @returns {Uint8Array}
 */
export function foldStoredDocument(stored) {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
