import { createHash, randomBytes } from 'node:crypto';
import { CREATION_ROLES, type CreationRole } from '@clapboard/shared';

/** 256 random bits, URL-safe: unguessable, and short enough to share as a link. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Only this hash is stored: someone who reads the database cannot use it to
 * join a board. Tokens are high-entropy, so a plain SHA-256 (no salt, no
 * slow KDF) is enough and keeps lookups by hash possible.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface RoleTokens {
  tokens: Record<CreationRole, string>;
  hashes: Record<CreationRole, string>;
}

/** A new board's tokens, one per creation role. */
export function generateRoleTokens(): RoleTokens {
  const tokens = {} as Record<CreationRole, string>;
  const hashes = {} as Record<CreationRole, string>;
  for (const role of CREATION_ROLES) {
    tokens[role] = generateToken();
    hashes[role] = hashToken(tokens[role]);
  }
  return { tokens, hashes };
}

/**
 * A link's public name (docs/protocol.md, "Links"): 96 bits, one way from
 * its token's stored hash, so links can be listed, rotated and revoked by
 * id without the token (or its hash) ever leaving the server. Derived, not
 * stored: a rotated link gets a new id with its new token.
 */
export function linkIdFor(tokenHash: string): string {
  return createHash('sha256').update(`clapboard-link:${tokenHash}`, 'utf8').digest('base64url').slice(0, 16);
}

/** Pulls a bearer token out of an Authorization header. */
export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}
