import { z } from 'zod';
import { BoardIdSchema } from './ids.ts';

/**
 * A board's links as one browser keeps them (client/src/connection/savedLinks.ts,
 * localStorage key `clapboard.links.<boardId>`). Participant and observer
 * tokens are told once, when the board or link is made; the server keeps only
 * their hashes, so this copy is what lets the create page and the board's
 * Share panel show them again. Read back through this schema: other tabs and
 * older builds write the same keys.
 */
export const SavedBoardLinksSchema = z.object({
  boardId: BoardIdSchema,
  /** The title it was created with, to tell several boards apart on the create page. */
  title: z.string().max(500),
  /** `Date.now()` when first saved: the create page lists the newest first. */
  savedAt: z.number().int().nonnegative(),
  /** Any role may be missing: a board opened from a link keeps only the links its Share panel made. */
  links: z.object({ facilitator: z.url().optional(), participant: z.url().optional(), interpreter: z.url().optional(), observer: z.url().optional() }),
});
export type SavedBoardLinks = z.infer<typeof SavedBoardLinksSchema>;
