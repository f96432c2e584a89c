import type { BoardStore, CompactionResult, DocKey } from '../storage/BoardStore.ts';
import { foldStoredDocument } from '../storage/foldLog.mjs';

export type { CompactionResult } from '../storage/BoardStore.ts';

/**
 * Folds a document's log into one snapshot: replay what storage holds into a
 * fresh Y.Doc and re-encode it. Working from storage (not from a live room's
 * doc) keeps this correct when several processes append to the same board,
 * and replaying is linear where Y.mergeUpdates over a whole log is not.
 * A store that can do this off the main thread (SqliteBoardStore does it in a
 * worker) offers `compactLog`; otherwise the replay happens here.
 */
export async function compactDocument(store: BoardStore, key: DocKey): Promise<CompactionResult> {
  if (store.compactLog) return store.compactLog(key);
  const stored = await store.loadDocument(key);
  if (stored.updates.length === 0) return { foldedUpdates: 0, snapshotBytes: stored.snapshot?.byteLength ?? 0 };
  const snapshot = foldStoredDocument(stored);
  // Another compaction committed since our read: it has folded the log already.
  if ((await store.compactDocument(key, snapshot, stored)) === 'superseded') return { foldedUpdates: 0, snapshotBytes: 0 };
  return { foldedUpdates: stored.updates.length, snapshotBytes: snapshot.byteLength };
}
