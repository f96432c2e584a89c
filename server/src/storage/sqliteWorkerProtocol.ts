import type { DocKind } from '@clapboard/shared';
import type { NewBoard } from './BoardStore.ts';

/**
 * Messages between SqliteBoardStore (main thread) and its worker threads
 * (sqliteWorker.mjs). Every request carries an id; the worker answers each
 * exactly once, in the order it received them.
 */

export type WorkerRole = 'writer' | 'folder';

export interface WorkerConfig {
  role: WorkerRole;
  filename: string;
  synchronous: 'FULL' | 'NORMAL';
}

export interface AppendItem {
  boardId: string;
  doc: DocKind;
  update: Uint8Array;
}

export type WorkerRequest =
  /** Writer: one group of appends; the worker commits every group it has received in one transaction. */
  | { id: number; op: 'append'; items: AppendItem[] }
  | { id: number; op: 'createBoard'; board: NewBoard }
  /** Writer: replaces the snapshot and the rows it folds (see BoardStore.compactDocument). */
  | { id: number; op: 'compact'; boardId: string; doc: DocKind; snapshot: Uint8Array; throughSeq: number }
  /** Folder: reads the document and replays it into a fresh Y.Doc; writes nothing. */
  | { id: number; op: 'fold'; boardId: string; doc: DocKind }
  /** Writer and folder: close the connection after everything received before, then exit. */
  | { id: number; op: 'close' }
  /** Writer, tests only: the thread exits at its next append commit, before BEGIN, as a crash would. */
  | { id: number; op: 'crashBeforeNextCommit' };

export type WorkerRequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface FoldResult {
  /** Null when there was nothing to fold. */
  snapshot: Uint8Array | null;
  throughSeq: number;
  foldedUpdates: number;
  snapshotBytes: number;
}

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
}

export type WorkerResponse = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: SerializedError };
