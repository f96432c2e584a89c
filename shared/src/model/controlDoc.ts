import type * as Y from 'yjs';
import { z } from 'zod';

/**
 * Layout of a board's control document (room `<boardId>/control`): state
 * only facilitators may change. Participants and observers receive it
 * read-only; the server drops their updates to it (see docs/protocol.md).
 *
 *   Y.Map('settings')  title, and later: locks, templates, room display.
 *   Y.Map('rounds')    later: anonymous response rounds (server-written).
 *   Y.Map('timers')    later: workshop timers.
 */
export const CONTROL_ROOTS = { settings: 'settings', rounds: 'rounds', timers: 'timers' } as const;

/**
 * The roots a facilitator's update may touch (nobody else writes this
 * document). `rounds` is server-written, like the content document's `meta`.
 */
export const CLIENT_WRITABLE_CONTROL_ROOTS: readonly string[] = [CONTROL_ROOTS.settings, CONTROL_ROOTS.timers];

export const BoardSettingsSchema = z.object({
  title: z.string().max(200),
});
export type BoardSettings = z.infer<typeof BoardSettingsSchema>;

export function getSettingsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTROL_ROOTS.settings);
}

export function readBoardTitle(doc: Y.Doc): string {
  const title = getSettingsMap(doc).get('title');
  return typeof title === 'string' ? title : '';
}
