import { z } from 'zod';
import { AnswerRecordSchema } from './answer.ts';
import { ConnectorRecordSchema } from './connector.ts';
import { FrameRecordSchema } from './frame.ts';
import { NoteRecordSchema } from './note.ts';
import { ShapeRecordSchema } from './shape.ts';
import { TextRecordSchema } from './text.ts';

export * from './answer.ts';
export * from './common.ts';
export * from './connector.ts';
export * from './frame.ts';
export * from './note.ts';
export * from './shape.ts';
export * from './text.ts';

/** Any object on the board, as a plain snapshot (`text` read out of its `Y.Text`). */
export const BoardObjectSchema = z.discriminatedUnion('type', [
  NoteRecordSchema,
  TextRecordSchema,
  ShapeRecordSchema,
  ConnectorRecordSchema,
  FrameRecordSchema,
  AnswerRecordSchema,
]);
export type BoardObject = z.infer<typeof BoardObjectSchema>;
export type BoardObjectType = BoardObject['type'];
export type PositionedObject = Exclude<BoardObject, { type: 'connector' }>;

/** Object types whose `text` field is a `Y.Text`. */
export const TEXT_BEARING_TYPES: ReadonlySet<BoardObjectType> = new Set(['note', 'text', 'shape', 'frame']);

/**
 * Every object type. `answer` has no `text` field: its words are in the
 * server-written `answers` root (see answer.ts and shared/src/rounds.ts).
 */
export const OBJECT_TYPES: ReadonlySet<BoardObjectType> = new Set([...TEXT_BEARING_TYPES, 'connector', 'answer']);
