import { z } from 'zod';
import { BoardObjectSchema } from './records/index.ts';

/**
 * Marks clipboard text as Clapboard objects. Versioned: a tab of another
 * build may paste it, so a change to the shape gets a new marker rather
 * than a silent reinterpretation.
 */
export const CLIPBOARD_FORMAT = 'clapboard/objects@1';

/**
 * What copy puts on the system clipboard (as JSON text). The system
 * clipboard is anyone's input — another version, another app, a hand-edited
 * string — so paste validates every entry against the record schemas before
 * anything is written.
 */
export const ClipboardDataSchema = z.object({
  type: z.literal(CLIPBOARD_FORMAT),
  objects: z.array(BoardObjectSchema),
});
export type ClipboardData = z.infer<typeof ClipboardDataSchema>;
