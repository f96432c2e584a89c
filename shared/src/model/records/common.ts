import { z } from 'zod';
import { ObjectIdSchema } from '../../ids.ts';

/** Board coordinates are bounded so a hostile value cannot break layout maths or exports. */
export const COORDINATE_LIMIT = 1_000_000;
export const coordinate = z.number().finite().min(-COORDINATE_LIMIT).max(COORDINATE_LIMIT);
export const extent = z.number().finite().positive().max(COORDINATE_LIMIT);

/** Longest text one object may hold; a workshop note is a few sentences, a text block a page. */
export const MAX_OBJECT_TEXT = 20_000;

/** Fields every positioned object has. */
export const PositionedFields = {
  id: ObjectIdSchema,
  /** Top-left corner, board units. */
  x: coordinate,
  y: coordinate,
  width: extent,
  height: extent,
  /** Stacking order: larger is drawn on top. Ties break by id so every client draws the same. */
  z: z.number().finite(),
  /**
   * The frame this object belongs to, or null. Explicit membership (rather than
   * "whatever lies inside the frame's rectangle") keeps the outline view and
   * frame moves stable when objects merely overlap a frame.
   */
  frameId: ObjectIdSchema.nullable(),
};

/** The plain text of an object's `Y.Text`. */
export const objectText = z.string().max(MAX_OBJECT_TEXT);

/** Most tags one note may carry, and the longest tag: labels, not sentences. */
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/** One tag: trimmed, so " housing" and "housing" are the same tag. */
export const TagSchema = z.string().trim().min(1).max(MAX_TAG_LENGTH);

/**
 * Fields that synthesis adds to contributions (notes and answer cards,
 * issue #10). Optional: boards made before them, and clients that never
 * tag, simply have none.
 */
export const SynthesisFields = {
  /** Free labels people add while sorting ("urgent", "housing"); exported per note. */
  tags: z.array(TagSchema).max(MAX_TAGS).optional(),
  /**
   * The note this one repeats. Kept (not deleted) so the repeat still counts
   * as a voice in the report, but is shown and exported as a duplicate.
   */
  duplicateOf: ObjectIdSchema.optional(),
};
