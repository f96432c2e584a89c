import { z } from 'zod';

/**
 * The capabilities a board link can carry. A role is bound to the token in
 * the link, never to an account, so participants can join with no sign-up.
 * An interpreter has a participant's rights plus translation (issue #12).
 */
export const ROLES = ['facilitator', 'participant', 'interpreter', 'observer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/**
 * The roles a new board gets a link for (`POST /api/boards`). Interpreter
 * links are made when an interpreter is engaged, from the Links panel
 * (`POST …/links`), so the creation answer keeps its published shape.
 */
export const CREATION_ROLES = ['facilitator', 'participant', 'observer'] as const satisfies readonly Role[];
export type CreationRole = (typeof CREATION_ROLES)[number];

/**
 * What a stored link may carry: a board role, or `public`, the published
 * read-only "You said, we did" link (docs/protocol.md, "You said, we did").
 * A public token reads that one page and nothing else: it is not a board
 * role, so every check that asks for a Role (the websocket, the session, the
 * rounds, votes and notes routes) refuses it like an unknown token.
 */
export const LINK_ROLES = [...ROLES, 'public'] as const;
export const LinkRoleSchema = z.enum(LINK_ROLES);
export type LinkRole = z.infer<typeof LinkRoleSchema>;

/** Whether a link's role is one of those that join the board. */
export function isBoardRole(role: LinkRole): role is Role {
  return role !== 'public';
}

/** The two documents a board is made of; see docs/protocol.md ("Control state"). */
export const DOC_KINDS = ['content', 'control'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/**
 * Who may change which document. The server enforces this per connection;
 * the client only uses it to hide controls that would be refused anyway.
 */
export function canWrite(role: Role, doc: DocKind): boolean {
  if (role === 'facilitator') return true;
  if (hasParticipantRights(role)) return doc === 'content';
  return false;
}

/**
 * Roles that write, answer and vote as a participant does, under the same
 * limits (locks, delete-own-only): a participant, or an interpreter, who is
 * a participant who also translates.
 */
export function hasParticipantRights(role: Role): role is 'participant' | 'interpreter' {
  return role === 'participant' || role === 'interpreter';
}

/** Roles that may add a translation beside what others wrote (shared/src/translations.ts). */
export function canTranslate(role: Role): boolean {
  return role === 'interpreter' || role === 'facilitator';
}
