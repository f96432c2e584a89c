import type { StoredDocument } from './BoardStore.ts';

/**
 * Replays a stored document (snapshot, then its log in order) into a fresh
 * Y.Doc and re-encodes it as one update. Never Y.mergeUpdates.
 */
export declare function foldStoredDocument(stored: Pick<StoredDocument, 'snapshot' | 'updates'>): Uint8Array;
