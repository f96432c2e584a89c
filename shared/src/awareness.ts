import { z } from 'zod';
import { ObjectIdSchema } from './ids.ts';
import { RoleSchema } from './roles.ts';

const finite = z.number().finite();

/** A point in board coordinates. */
export const BoardPointSchema = z.object({ x: finite, y: finite }).strict();

/**
 * What part of the board a person is looking at, for "follow" and "bring
 * everyone to me": the board point at the top-left of their canvas, their
 * zoom, and the canvas's size in pixels, so a follower on another size of
 * screen can fit that whole area onto theirs (`fitViewport`).
 */
export const ViewportSchema = z
  .object({ x: finite, y: finite, zoom: finite.positive().max(64), width: finite.nonnegative(), height: finite.nonnegative() })
  .strict();
export type Viewport = z.infer<typeof ViewportSchema>;

/** Longest display name; the name field in the people panel stops there too. */
export const MAX_DISPLAY_NAME_LENGTH = 64;
/** Most selected ids one presence state carries; a bigger selection is shown to others by its first ids. */
export const MAX_SHARED_SELECTION = 1000;

/**
 * One client's presence. Presence lives only in awareness and is never
 * persisted. The server validates every state against this schema, checks
 * `role` against the connection's real role, and allows `summon` only from
 * facilitators, so nobody can impersonate the facilitator's commands.
 */
export const AwarenessStateSchema = z
  .object({
    user: z
      .object({
        name: z.string().trim().min(1).max(MAX_DISPLAY_NAME_LENGTH),
        color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
      })
      .strict()
      .optional(),
    role: RoleSchema.optional(),
    cursor: BoardPointSchema.nullable().optional(),
    selection: z.array(ObjectIdSchema).max(MAX_SHARED_SELECTION).optional(),
    viewport: ViewportSchema.nullable().optional(),
    /** Client id of the person this client follows, if any. */
    following: z.number().int().nonnegative().nullable().optional(),
    /** A facilitator's "bring everyone to me": clients jump to `viewport` when `nonce` changes. */
    summon: z.object({ nonce: z.string().max(64), viewport: ViewportSchema }).strict().nullable().optional(),
    /** Whether the person is typing in a note (shown as a hint, never stored). */
    editing: ObjectIdSchema.nullable().optional(),
  })
  .strict();
export type AwarenessState = z.infer<typeof AwarenessStateSchema>;

/** Largest JSON encoding of one awareness state the server accepts. */
export const MAX_AWARENESS_STATE_BYTES = 16 * 1024;
