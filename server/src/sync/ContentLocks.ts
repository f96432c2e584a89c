import type * as Y from 'yjs';
import { CONTENT_ROOTS, hasParticipantRights, getObjectMap, isObjectLocked, readBoardLocks, type Role } from '@clapboard/shared';
import type { TouchedEntries } from './updateScope.ts';

/**
 * Locks on a board's content (docs/protocol.md, "Locks"): the facilitators'
 * `settings.locked` and `settings.lockedFrames`, read from the board's
 * control document, which stays loaded as long as the content room is
 * (RoomRegistry). Facilitators are never locked; observers write nothing
 * anyway; so this judges participants' updates only.
 */
export class ContentLocks {
  constructor(
    private readonly content: Y.Doc,
    private readonly controlDoc: Y.Doc,
  ) {}

  /**
   * The objects an update from `role` changes that it may not: every one
   * it touches when the board is locked; else each that is a locked frame,
   * belongs to one now (its `frameId` in the server's document), or would
   * belong to one after the update (a `frameId` it writes: moving a note
   * into a locked frame, or creating one there). Empty when nothing is
   * locked for it. Cheap: a few map reads per object touched.
   */
  lockedObjects(role: Role, touched: TouchedEntries): string[] {
    if (!hasParticipantRights(role)) return [];
    const objects = touched.get(CONTENT_ROOTS.objects);
    if (!objects || objects.size === 0) return [];
    const locks = readBoardLocks(this.controlDoc);
    if (!locks.board && locks.frames.size === 0) return [];
    const locked: string[] = [];
    for (const [id, writes] of objects) {
      const current = getObjectMap(this.content, id)?.get('frameId');
      const intoLocked = (writes.get('frameId') ?? []).some((frameId) => typeof frameId === 'string' && locks.frames.has(frameId));
      if (intoLocked || isObjectLocked(locks, id, typeof current === 'string' ? current : null)) locked.push(id);
    }
    return locked;
  }
}
