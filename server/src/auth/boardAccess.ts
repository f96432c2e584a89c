import { BoardIdSchema, isBoardRole, type LinkRole, type Role } from '@clapboard/shared';
import type { BoardStore } from '../storage/BoardStore.ts';
import { hashToken } from './capabilityTokens.ts';

export interface BoardAccess {
  boardId: string;
  role: Role;
  /** The stored hash of the token that granted it: names the link (linkIdFor) and its open connections. */
  tokenHash: string;
}

/**
 * The role a token grants on a board, from an untrusted board id and token
 * (a route parameter, a header). Null for a malformed id, a missing token,
 * an unknown board and a wrong token alike, so callers answer all of them
 * the same way and board ids cannot be probed. A public "You said, we did"
 * token is null here too: it joins nothing (see linkAccess).
 */
export async function boardAccess(store: BoardStore, rawBoardId: unknown, token: string | null): Promise<BoardAccess | null> {
  const access = await linkAccess(store, rawBoardId, token);
  return access && isBoardRole(access.role) ? { ...access, role: access.role } : null;
}

/** Like BoardAccess, with any link role: only the routes a public link may read ask for it (server/src/saidDid). */
export interface LinkAccess extends Omit<BoardAccess, 'role'> {
  role: LinkRole;
}

/** The link role a token grants on a board, public links included; null for every failure alike, as boardAccess. */
export async function linkAccess(store: BoardStore, rawBoardId: unknown, token: string | null): Promise<LinkAccess | null> {
  const boardId = BoardIdSchema.safeParse(rawBoardId);
  if (!boardId.success || !token) return null;
  const tokenHash = hashToken(token);
  const role = await store.roleForTokenHash(boardId.data, tokenHash);
  return role ? { boardId: boardId.data, role, tokenHash } : null;
}
