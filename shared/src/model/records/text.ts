import { z } from 'zod';
import { InkColorSchema } from '../palette.ts';
import { PositionedFields, objectText } from './common.ts';

/** Free text on the board: headings, instructions, labels. Text is a `Y.Text` under `text`. */
export const TextRecordSchema = z.object({
  type: z.literal('text'),
  ...PositionedFields,
  color: InkColorSchema,
  /** Font size in board units; the renderer scales it with zoom. */
  fontSize: z.number().finite().min(6).max(400),
  text: objectText,
});
export type TextRecord = z.infer<typeof TextRecordSchema>;
