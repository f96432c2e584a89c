import { z } from 'zod';
import { InkColorSchema } from '../palette.ts';
import { PositionedFields, objectText } from './common.ts';

export const SHAPE_KINDS = ['rectangle', 'ellipse'] as const;

/** A rectangle or ellipse, with an optional label (`Y.Text` under `text`). */
export const ShapeRecordSchema = z.object({
  type: z.literal('shape'),
  ...PositionedFields,
  shape: z.enum(SHAPE_KINDS),
  stroke: InkColorSchema,
  /** Fill colour, or null for an outline only. */
  fill: InkColorSchema.nullable(),
  text: objectText,
});
export type ShapeRecord = z.infer<typeof ShapeRecordSchema>;
