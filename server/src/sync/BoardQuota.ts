import * as Y from 'yjs';
import { CONTENT_ROOTS } from '@clapboard/shared';
import type { UpdateInspection } from './updateScope.ts';

/** How big one board may grow (docs/protocol.md, "Limits"). */
export interface QuotaLimits {
  /** Entries under a content document's `objects`. */
  maxObjectsPerBoard: number;
  /** Bytes one document takes in storage (snapshot plus log), as far as this process can tell. */
  maxBoardBytes: number;
}

/**
 * One document's quota: how many objects it holds and roughly how many bytes
 * it takes in storage. Past either, an update that would grow the board (a
 * new object or theme, any text, any new shared type) is refused with
 * CloseCode.BoardQuotaExceeded, while moving, recolouring, deleting and
 * editing text down still go through: a full board stays usable, and can be
 * made smaller by the people on it.
 *
 * The byte count starts from what storage held when the document was loaded,
 * adds every update stored or received from another process, and is set
 * back to the snapshot's size when this process compacts the log, plus what
 * was appended meanwhile (which may then be counted twice: the count errs
 * high, never low, until the next compaction or load).
 */
export class BoardQuota {
  private bytes: number;
  private bytesAtCompactionStart = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: QuotaLimits,
    storedBytes: number,
  ) {
    this.bytes = storedBytes;
  }

  get storedBytes(): number {
    return this.bytes;
  }

  /** An update was stored (by this process or another). */
  stored(bytes: number): void {
    this.bytes += bytes;
  }

  compactionStarted(): void {
    this.bytesAtCompactionStart = this.bytes;
  }

  compacted(snapshotBytes: number): void {
    if (snapshotBytes > 0) this.bytes = snapshotBytes + (this.bytes - this.bytesAtCompactionStart);
  }

  /** Whether the board may take this (allowed, record-valid) update; `payloadBytes` is its encoded size. */
  admits(inspection: UpdateInspection, payloadBytes: number): boolean {
    if (!growsBoard(inspection)) return true;
    if (this.bytes + payloadBytes > this.limits.maxBoardBytes) return false;
    const added = newObjects(this.doc, inspection);
    return added === 0 || objectCount(this.doc) + added <= this.limits.maxObjectsPerBoard;
  }
}

/** Anything but plain field values and deletions: text, new types, embeds. Plain values are already held to their schema. */
function growsBoard({ inserted }: UpdateInspection): boolean {
  for (const { item } of inserted) {
    if (!(item.content instanceof Y.ContentAny) && !(item.content instanceof Y.ContentDeleted)) return true;
  }
  return false;
}

/** Keys under `objects` that have no object now and that the update creates one under. */
function newObjects(doc: Y.Doc, { inserted }: UpdateInspection): number {
  const objects = doc.share.get(CONTENT_ROOTS.objects);
  const keys = new Set<string>();
  for (const { container, sub, item } of inserted) {
    if (container !== CONTENT_ROOTS.objects || sub === null || !(item.content instanceof Y.ContentType)) continue;
    const current = objects?._map.get(sub);
    if (!current || current.deleted) keys.add(sub);
  }
  return keys.size;
}

/** Live entries under `objects`: linear in the board, so asked only when an update creates objects. */
function objectCount(doc: Y.Doc): number {
  const objects = doc.share.get(CONTENT_ROOTS.objects);
  if (!objects) return 0;
  let count = 0;
  for (const item of objects._map.values()) if (!item.deleted) count += 1;
  return count;
}
