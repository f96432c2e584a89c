import { z } from 'zod';
import { NoteColorSchema } from '../palette.ts';
import { PositionedFields, SynthesisFields, objectText } from './common.ts';

/** A sticky note: the main unit of contribution in a workshop. Text is a `Y.Text` under `text`. */
export const NoteRecordSchema = z.object({
  type: z.literal('note'),
  ...PositionedFields,
  color: NoteColorSchema,
  text: objectText,
  ...SynthesisFields,
});
export type NoteRecord = z.infer<typeof NoteRecordSchema>;

export const NOTE_SIZE = 200;
