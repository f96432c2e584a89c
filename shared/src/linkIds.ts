import type { Role } from './roles.ts';
import { parseBoardLink } from './links.ts';

/**
 * A link's public id (docs/protocol.md, "Links") from its token, computed
 * where the token is known (a facilitator's browser), so a saved link can be
 * matched against `GET …/links` without the list ever carrying tokens. The
 * server derives the same id from the stored hash (server/src/auth/capabilityTokens.ts,
 * `linkIdFor`); tests/http/linkIds.test.ts holds the two to each other.
 */
export async function linkIdOfToken(token: string): Promise<string> {
  const tokenHash = hex(await sha256(token));
  return base64url(await sha256(`clapboard-link:${tokenHash}`)).slice(0, 16);
}

/**
 * The roles among `links` whose link no longer works: its token's id is not
 * among the board's current links (revoked or replaced). A link that cannot
 * be read is stale too.
 */
export async function staleLinkRoles(links: Partial<Record<Role, string>>, currentLinkIds: ReadonlySet<string>): Promise<Role[]> {
  const stale: Role[] = [];
  for (const [role, link] of Object.entries(links) as [Role, string][]) {
    const token = safeParse(link)?.token;
    if (!token || !currentLinkIds.has(await linkIdOfToken(token))) stale.push(role);
  }
  return stale;
}

function safeParse(link: string) {
  try {
    return parseBoardLink(link);
  } catch {
    return null;
  }
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
