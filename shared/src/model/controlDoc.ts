import type * as Y from 'yjs';
import { z } from 'zod';
import { SETTINGS_LAYOUT, type RootLayout, type WritableLayout } from './layout.ts';

/**
 * Layout of a board's control document (room `<boardId>/control`): state
 * only facilitators may change. Participants and observers receive it
 * read-only; the server drops their updates to it (see docs/protocol.md).
 *
 *   Y.Map('settings')  title, and later: locks, templates, room display.
 *   Y.Map('rounds')    later: anonymous response rounds (server-written).
 *   Y.Map('timers')    later: workshop timers.
 *   Y.Map('votes')     anonymous dot votes (server-written; shared/src/votes.ts).
 *   Y.Map('actions')   actions per theme (shared/src/synthesis/actions.ts).
 */
export const CONTROL_ROOTS = { settings: 'settings', rounds: 'rounds', timers: 'timers', votes: 'votes', actions: 'actions' } as const;

/**
 * The roots a facilitator's update may touch (nobody else writes this
 * document). `rounds` is server-written, like the content document's `meta`.
 */
/** Roots of the control document that clients read and only the server writes. */
export const SERVER_WRITTEN_CONTROL_ROOTS: readonly string[] = [CONTROL_ROOTS.rounds, CONTROL_ROOTS.votes];

/**
 * `actions`: actionId -> action map -> fields, plus one nested `history`
 * map of entryId -> plain entry. Nothing but maps directly under `actions`,
 * no type below the history map: an entry is written once, as one value.
 */
export const ACTIONS_LAYOUT: RootLayout = [
  { type: 'map', values: false },
  { type: 'map', values: true },
  { type: 'map', values: true },
];

export const CLIENT_WRITABLE_CONTROL_ROOTS: WritableLayout = {
  [CONTROL_ROOTS.settings]: SETTINGS_LAYOUT,
  [CONTROL_ROOTS.timers]: SETTINGS_LAYOUT,
  [CONTROL_ROOTS.actions]: ACTIONS_LAYOUT,
};

/**
 * Longest board title, in UTF-16 code units (what zod and an input's
 * `maxLength` count). A title is a line in a header and a browser tab, not
 * a paragraph; the create form, the rename field and the server all hold it
 * to this.
 */
export const MAX_TITLE_LENGTH = 200;

/** What a facilitator's rename writes: trimmed, and cut to the limit rather than refused. */
export function cleanBoardTitle(draft: string): string {
  return draft.trim().slice(0, MAX_TITLE_LENGTH);
}

/** The `settings` map, field by field. Read through it: facilitators are people, but their clients may be any version. */
export const BoardSettingsSchema = z.object({
  title: z.string().max(MAX_TITLE_LENGTH),
});
export type BoardSettings = z.infer<typeof BoardSettingsSchema>;

export function getSettingsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTROL_ROOTS.settings);
}

/** The board's title, or '' when there is none yet or the stored value is not a valid title. */
export function readBoardTitle(doc: Y.Doc): string {
  const title = BoardSettingsSchema.shape.title.safeParse(getSettingsMap(doc).get('title'));
  return title.success ? title.data : '';
}
