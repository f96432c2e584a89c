import { BoardIdSchema, type Role } from '@clapboard/shared';
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
 * the same way and board ids cannot be probed.
 */
export async function boardAccess(store: BoardStore, rawBoardId: unknown, token: string | null): Promise<BoardAccess | null> {
  const boardId = BoardIdSchema.safeParse(rawBoardId);
  if (!boardId.success || !token) return null;
  const tokenHash = hashToken(token);
  const role = await store.roleForTokenHash(boardId.data, tokenHash);
  return role ? { boardId: boardId.data, role, tokenHash } : null;
}
