import * as Y from 'yjs';
import { ObjectIdSchema } from './ids.ts';
import { getSettingsMap } from './model/controlDoc.ts';

/**
 * Facilitator controls (issue #8) that live in the control document's
 * `settings` map, which only facilitators' clients may write (the server
 * drops everyone else's updates to it, docs/protocol.md "Authorization"):
 *
 *   settings.locked        true                   nobody but facilitators may change the board
 *   settings.lockedFrames  Y.Map frameId -> true  nobody but facilitators may change these frames or what is in them
 *   settings.hideCursors   true                   only facilitators see other people's cursors
 *
 * All three fit the settings layout (a plain value; one nested map of plain
 * values). The server enforces them (server/src/sync/ContentLocks.ts and
 * the awareness relay); the board client only follows them in its UI.
 */

declare module './origins.ts' {
  interface ServerWriteReasons {
    /**
     * The server undoing, in the same transaction, what a participant's
     * update changed on a locked object (docs/protocol.md, "Locks").
     */
    lock: true;
  }
}

export const LOCKED_SETTING = 'locked';
export const LOCKED_FRAMES_SETTING = 'lockedFrames';
export const HIDE_CURSORS_SETTING = 'hideCursors';
/**
 * `settings.deleteOwnOnly`: participants may delete only the notes their own
 * browser added. A courtesy kept by every page, not a guarantee: authorship
 * is known only to the browser that wrote a note (client/src/model/OwnWriters.ts),
 * and the server keeps no link from a person to their notes.
 */
export const DELETE_OWN_ONLY_SETTING = 'deleteOwnOnly';

/** What is locked: the whole board, and/or some frames (by id). */
export interface BoardLocks {
  board: boolean;
  frames: ReadonlySet<string>;
}

export const NO_LOCKS: BoardLocks = Object.freeze({ board: false, frames: new Set<string>() });

/**
 * The locks from the control document. Tolerant, like the other settings:
 * anything but `true` is unlocked, and frame entries that are not
 * `id -> true` are ignored, since a facilitator's client may be any version.
 */
export function readBoardLocks(controlDoc: Y.Doc): BoardLocks {
  const settings = getSettingsMap(controlDoc);
  const frames = new Set<string>();
  const stored = settings.get(LOCKED_FRAMES_SETTING);
  if (stored instanceof Y.Map) {
    for (const [id, on] of stored.entries() as IterableIterator<[string, unknown]>) {
      if (on === true && ObjectIdSchema.safeParse(id).success) frames.add(id);
    }
  }
  return { board: settings.get(LOCKED_SETTING) === true, frames };
}

/**
 * Whether a participant may not change an object: the whole board is
 * locked, or the object is a locked frame, or it belongs to one
 * (`frameId`). Membership is the object's `frameId`, not where it lies: the
 * same rule the outline and frame moves use.
 */
export function isObjectLocked(locks: BoardLocks, id: string, frameId: string | null | undefined): boolean {
  return locks.board || locks.frames.has(id) || (typeof frameId === 'string' && locks.frames.has(frameId));
}

/** Whether the facilitators hid everyone's cursors from everyone but themselves. */
export function readHideCursors(controlDoc: Y.Doc): boolean {
  return getSettingsMap(controlDoc).get(HIDE_CURSORS_SETTING) === true;
}

export function readDeleteOwnOnly(controlDoc: Y.Doc): boolean {
  return getSettingsMap(controlDoc).get(DELETE_OWN_ONLY_SETTING) === true;
}

/** Whether two lock states are the same (so readers can skip a re-render for an unrelated settings change). */
export function sameLocks(a: BoardLocks, b: BoardLocks): boolean {
  return a.board === b.board && a.frames.size === b.frames.size && [...a.frames].every((id) => b.frames.has(id));
}
