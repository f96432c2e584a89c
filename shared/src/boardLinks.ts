import { z } from 'zod';
import { LinkRoleSchema, RoleSchema } from './roles.ts';

/**
 * Managing a board's links (issue #8, co-facilitators): facilitators list
 * them, add more, rotate and revoke them (docs/protocol.md, "Links").
 * A link is known by its id, which is derived one way from the stored hash
 * of its token: it names the link without revealing, or leading to, the
 * token. Token values appear only in the answer that creates them.
 */
export const LinkIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'link id must be 16 URL-safe characters');

/** One link as `GET /api/boards/:id/links` lists it: never its token. */
export const BoardLinkInfoSchema = z.object({
  linkId: LinkIdSchema,
  /** `public`: a published "You said, we did" link (listed here so it can be rotated and revoked like the others). */
  role: LinkRoleSchema,
  /** The link the request was made with: revoking or rotating it disconnects the page that asks. */
  current: z.boolean(),
});
export type BoardLinkInfo = z.infer<typeof BoardLinkInfoSchema>;

/** `GET /api/boards/:id/links` (facilitator): facilitator links first, then participant, then observer. */
export const ListLinksResponseSchema = z.object({ links: z.array(BoardLinkInfoSchema) });
export type ListLinksResponse = z.infer<typeof ListLinksResponseSchema>;

/** Body of `POST /api/boards/:id/links`. */
export const CreateLinkRequestSchema = z.object({ role: RoleSchema }).strict();
export type CreateLinkRequest = z.infer<typeof CreateLinkRequestSchema>;

/** `201` of `POST …/links` and `POST …/links/:linkId/rotate`: the only time the new token is told. */
export const CreatedLinkResponseSchema = z.object({
  linkId: LinkIdSchema,
  role: LinkRoleSchema,
  /** `PUBLIC_URL/b/<boardId>#token=<token>`, or `…/b/<boardId>/said-did#token=<token>` for a public link (shared/src/links.ts). */
  link: z.url(),
});
export type CreatedLinkResponse = z.infer<typeof CreatedLinkResponseSchema>;

/** `GET /api/time`: the server's clock, for clients to learn their offset from it (timers). */
export const ServerTimeResponseSchema = z.object({ now: z.number().int().nonnegative() });
export type ServerTimeResponse = z.infer<typeof ServerTimeResponseSchema>;

/**
 * Links one board may have at once. A workshop needs a handful; the bound
 * keeps one facilitator's script from growing the token table without end.
 * `POST …/links` past it answers `409 TOO_MANY_LINKS`.
 */
export const MAX_LINKS_PER_BOARD = 100;
