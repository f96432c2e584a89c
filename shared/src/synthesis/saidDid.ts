import { z } from 'zod';
import { ObjectIdSchema } from '../ids.ts';
import { ReceiptSchema } from '../rounds.ts';
import { MAX_TITLE_LENGTH } from '../model/controlDoc.ts';
import { ACTION_KINDS, ACTION_STATUSES, ActionHistoryEntrySchema, DaySchema, MAX_ACTION_OWNER, MAX_ACTION_TEXT } from './actions.ts';
import { MAX_THEME_DESCRIPTION, MAX_THEME_NAME } from './themes.ts';

/**
 * The "You said, we did" page (issue #10; docs/protocol.md, "You said, we
 * did"): themes and what was done about them, for the people who spoke and,
 * through a published link, the public. The server builds it from the
 * board's documents, never from stored update bytes, and it carries no
 * author of anything: no names, no client ids, no receipts, no tokens, no
 * note ids (a note's id is how a board page finds its author's device; the
 * page has no use for it). Theme ids are there so a receipt lookup can say
 * which theme an answer fed into.
 */

/** Member texts quoted per theme as "you said": a taste of the theme, not its transcript. */
export const SAID_DID_QUOTES_PER_THEME = 3;
/** Longest quote, in UTF-16 code units; longer texts are cut with an ellipsis. */
export const MAX_SAID_DID_QUOTE = 280;

export const SaidDidActionSchema = z.object({
  kind: z.enum(ACTION_KINDS),
  text: z.string().max(MAX_ACTION_TEXT),
  /** Why it cannot be done (kind `cannot`); '' otherwise. */
  reason: z.string().max(MAX_ACTION_TEXT),
  status: z.enum(ACTION_STATUSES),
  /** A role or team, never a person. */
  owner: z.string().max(MAX_ACTION_OWNER),
  due: DaySchema.nullable(),
  /** Its updates oldest first, by day. */
  history: z.array(ActionHistoryEntrySchema),
});
export type SaidDidAction = z.infer<typeof SaidDidActionSchema>;

export const SaidDidThemeSchema = z.object({
  id: ObjectIdSchema,
  name: z.string().max(MAX_THEME_NAME),
  description: z.string().max(MAX_THEME_DESCRIPTION),
  /** How many notes and answers the theme gathers (a count, never who). */
  memberCount: z.number().int().nonnegative(),
  /** A few of its members' words, "you said". */
  quotes: z.array(z.string().max(MAX_SAID_DID_QUOTE + 1)).max(SAID_DID_QUOTES_PER_THEME),
  actions: z.array(SaidDidActionSchema),
});
export type SaidDidTheme = z.infer<typeof SaidDidThemeSchema>;

/** `GET /api/boards/:id/said-did` (any board token or a public link). */
export const SaidDidResponseSchema = z.object({
  version: z.literal(1),
  title: z.string().max(MAX_TITLE_LENGTH),
  /** Sorted by (name, id), like readThemes. */
  themes: z.array(SaidDidThemeSchema),
});
export type SaidDidResponse = z.infer<typeof SaidDidResponseSchema>;

/** `201` of `POST /api/boards/:id/said-did/link` (facilitator): the only time the token is told. */
export const SaidDidLinkResponseSchema = z.object({
  /** `PUBLIC_URL/b/<boardId>/said-did#token=<token>` (shared/src/links.ts). */
  url: z.url(),
  /** Its id in `GET …/links`, where it is rotated and revoked like any link. */
  linkId: z.string(),
});
export type SaidDidLinkResponse = z.infer<typeof SaidDidLinkResponseSchema>;

/** Body of `POST /api/boards/:id/said-did/receipt`: a receipt held on the asking device. */
export const SaidDidReceiptRequestSchema = z.object({ receipt: ReceiptSchema }).strict();
export type SaidDidReceiptRequest = z.infer<typeof SaidDidReceiptRequestSchema>;

/** What a receipt's answer fed into: the themes (of the page's) holding its card; empty when none yet. */
export const SaidDidReceiptResponseSchema = z.object({ themeIds: z.array(ObjectIdSchema) });
export type SaidDidReceiptResponse = z.infer<typeof SaidDidReceiptResponseSchema>;

/** A member's text as a quote: trimmed, whitespace folded, cut at MAX_SAID_DID_QUOTE with an ellipsis. */
export function quoteOf(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length <= MAX_SAID_DID_QUOTE) return folded;
  // Never cut a surrogate pair in half.
  let end = MAX_SAID_DID_QUOTE;
  const code = folded.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${folded.slice(0, end)}…`;
}
