import { z } from 'zod';
import { PositionedFields, objectText } from './common.ts';

/**
 * A titled area that groups objects (a template section, a theme). Objects
 * belong to it through their `frameId`; moving the frame moves them. The
 * title is a `Y.Text` under `text` so two people can rename it together.
 */
export const FrameRecordSchema = z.object({
  type: z.literal('frame'),
  ...PositionedFields,
  text: objectText,
});
export type FrameRecord = z.infer<typeof FrameRecordSchema>;
