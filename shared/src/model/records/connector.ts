import { z } from 'zod';
import { ObjectIdSchema } from '../../ids.ts';
import { InkColorSchema } from '../palette.ts';
import { coordinate } from './common.ts';

/**
 * One end of a connector: attached to an object (it follows the object when
 * it moves) or a free point on the board.
 */
export const ConnectorEndSchema = z.union([
  z.object({ objectId: ObjectIdSchema }).strict(),
  z.object({ x: coordinate, y: coordinate }).strict(),
]);
export type ConnectorEnd = z.infer<typeof ConnectorEndSchema>;

/**
 * An arrow between two ends. It has no geometry of its own: its line is
 * derived from its ends each time it is drawn, which is what keeps it
 * attached while the ends move.
 */
export const ConnectorRecordSchema = z.object({
  type: z.literal('connector'),
  id: ObjectIdSchema,
  z: z.number().finite(),
  frameId: ObjectIdSchema.nullable(),
  from: ConnectorEndSchema,
  to: ConnectorEndSchema,
  stroke: InkColorSchema,
  /** Arrow head at the `to` end. */
  arrow: z.boolean(),
});
export type ConnectorRecord = z.infer<typeof ConnectorRecordSchema>;
