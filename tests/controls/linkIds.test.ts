/**
 * The browser's link id (shared linkIdOfToken, WebCrypto) must be the
 * server's (linkIdFor over the stored hash): the Share panel drops saved
 * links whose id is missing from `GET …/links`, so a mismatch would hide
 * every working link.
 */
import { describe, expect, it } from 'vitest';
import { boardLink, linkIdOfToken, staleLinkRoles } from '@clapboard/shared';
import { randomBytes } from 'node:crypto';
import { hashToken, linkIdFor } from '@clapboard/server';

const generateToken = () => randomBytes(32).toString('base64url');

describe('link ids in the browser', () => {
  it('match the server’s for any token', async () => {
    for (let i = 0; i < 20; i++) {
      const token = generateToken();
      expect(await linkIdOfToken(token)).toBe(linkIdFor(hashToken(token)));
    }
  });

  it('name the saved links that are no longer among the board’s links', async () => {
    const [kept, revoked] = [generateToken(), generateToken()];
    const links = {
      participant: boardLink('http://127.0.0.1:3000', 'b1', kept),
      observer: boardLink('http://127.0.0.1:3000', 'b1', revoked),
      facilitator: 'not a link',
    };
    expect(await staleLinkRoles(links, new Set([linkIdFor(hashToken(kept))]))).toEqual(['observer', 'facilitator']);
  });
});
