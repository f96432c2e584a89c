import { z } from 'zod';
import { LanguageTagSchema } from '../../languageTag.ts';
import { NoteColorSchema } from '../palette.ts';
import { PositionedFields, SynthesisFields, objectText } from './common.ts';

/** A sticky note: the main unit of contribution in a workshop. Text is a `Y.Text` under `text`. */
export const NoteRecordSchema = z.object({
  type: z.literal('note'),
  ...PositionedFields,
  color: NoteColorSchema,
  text: objectText,
  /**
   * The language it is written in (the writer's interface language): set as
   * `lang` wherever its text is shown as HTML, and exported. A reader treats
   * a value that is not a tag as unknown rather than losing the note; the
   * server refuses to store one (recordValidation.ts keeps only fields that
   * survive the parse).
   */
  lang: LanguageTagSchema.optional().catch(undefined),
  ...SynthesisFields,
});
export type NoteRecord = z.infer<typeof NoteRecordSchema>;

export const NOTE_SIZE = 200;
