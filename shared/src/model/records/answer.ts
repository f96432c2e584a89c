import { z } from 'zod';
import { ObjectIdSchema } from '../../ids.ts';
import { NoteColorSchema } from '../palette.ts';
import { PositionedFields, SynthesisFields } from './common.ts';

/**
 * A revealed anonymous answer (docs/anonymity.md): a card anyone can move,
 * resize, colour and drop into a frame, like a note. It has no `text` of its
 * own: the words live in the server-written `answers` root, under
 * `answerId`, where no client can edit them. A Y.Text here would let any
 * participant rewrite someone else's answer, and would let the author's own
 * Y.Doc write it, stamping their Yjs client id on it.
 */
export const AnswerRecordSchema = z.object({
  type: z.literal('answer'),
  ...PositionedFields,
  /** Cards of one round share a colour, so a round's answers can be told from notes and other rounds. */
  color: NoteColorSchema,
  /** Key of its words in the content document's `answers` root (`answers.<answerId>`). */
  answerId: ObjectIdSchema,
  ...SynthesisFields,
});
export type AnswerRecord = z.infer<typeof AnswerRecordSchema>;
