import * as Y from 'yjs';
import type { BoardStore, DocKey } from '../storage/BoardStore.ts';

export interface CompactionResult {
  foldedUpdates: number;
  snapshotBytes: number;
}

/**
 * Folds a document's log into one snapshot: replay what storage holds into a
 * fresh Y.Doc and re-encode it. Working from storage (not from a live room's
 * doc) keeps this correct when several processes append to the same board,
 * and replaying is linear where Y.mergeUpdates over a whole log is not.
 */
export async function compactDocument(store: BoardStore, key: DocKey): Promise<CompactionResult> {
  const stored = await store.loadDocument(key);
  if (stored.updates.length === 0) return { foldedUpdates: 0, snapshotBytes: stored.snapshot?.byteLength ?? 0 };
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    const snapshot = Y.encodeStateAsUpdate(doc);
    await store.compactDocument(key, snapshot, stored.lastSeq);
    return { foldedUpdates: stored.updates.length, snapshotBytes: snapshot.byteLength };
  } finally {
    doc.destroy();
  }
}
