import { z } from 'zod';
import { BoardIdSchema } from './ids.ts';
import { RoleSchema } from './roles.ts';

/** Body of `POST /api/boards`. */
export const CreateBoardRequestSchema = z
  .object({
    title: z.string().trim().min(1, 'title must not be empty').max(200, 'title must be at most 200 characters'),
  })
  .strict();
export type CreateBoardRequest = z.infer<typeof CreateBoardRequestSchema>;

/** Response of `POST /api/boards` (201). */
export const CreateBoardResponseSchema = z.object({
  id: BoardIdSchema,
  links: z.object({ facilitator: z.url(), participant: z.url(), observer: z.url() }),
});
export type CreateBoardResponse = z.infer<typeof CreateBoardResponseSchema>;

/** Response of `GET /api/boards/:id/session` (token in `Authorization: Bearer`). */
export const BoardSessionSchema = z.object({
  boardId: BoardIdSchema,
  role: RoleSchema,
  title: z.string(),
  /** Schema version the server migrated this board to; a client that knows an older one must reload. */
  schemaVersion: z.number().int(),
  /** Version of the sync protocol extensions; see shared/src/protocol.ts. */
  protocolVersion: z.number().int(),
});
export type BoardSession = z.infer<typeof BoardSessionSchema>;

/** Every HTTP error body has this shape; `code` is one of ApiErrorCode. */
export const ApiErrorSchema = z.object({ code: z.string(), message: z.string() });
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const ApiErrorCode = {
  BadRequest: 'BAD_REQUEST',
  Unauthorized: 'UNAUTHORIZED',
  NotFound: 'NOT_FOUND',
  Internal: 'INTERNAL',
} as const;
