import { z } from 'zod';

/**
 * The three capabilities a board link can carry. A role is bound to the token
 * in the link, never to an account, so participants can join with no sign-up.
 */
export const ROLES = ['facilitator', 'participant', 'observer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** The two documents a board is made of; see docs/protocol.md ("Control state"). */
export const DOC_KINDS = ['content', 'control'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/**
 * Who may change which document. The server enforces this per connection;
 * the client only uses it to hide controls that would be refused anyway.
 */
export function canWrite(role: Role, doc: DocKind): boolean {
  if (role === 'facilitator') return true;
  if (role === 'participant') return doc === 'content';
  return false;
}
