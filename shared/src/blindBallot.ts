import { RSABSSA } from '@cloudflare/blindrsa-ts';

/**
 * The browser's half of RFC 9474 blind signatures
 * (RSABSSA-SHA384-PSS-Randomized) for votes with one-time codes
 * (docs/anonymity.md, "Votes"). The browser makes a random ballot, blinds
 * it with the vote's public key, and sends only the blinded form with the
 * code; the server signs it without seeing it. Unblinded here, the ballot
 * and signature are cast later with no code attached, so the server cannot
 * match the two requests by their contents.
 *
 * Needs WebCrypto, which browsers offer only on https and on localhost.
 * A subpath of its own (`@clapboard/shared/blindBallot`) so the server,
 * which signs with node:crypto, never loads the library.
 */

const suite = () => RSABSSA.SHA384.PSS.Randomized();
const ALGORITHM = { name: 'RSA-PSS', hash: 'SHA-384' };

export function blindSigningAvailable(): boolean {
  return typeof globalThis.crypto?.subtle?.importKey === 'function';
}

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function importPublicKey(spki: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', fromBase64url(spki), ALGORITHM, true, ['verify']);
}

/** A ballot waiting for its blind signature: what to send with the code, and what to keep to unblind the answer. */
export interface BlindedBallot {
  /** Sent with the code. */
  blindedBallot: string;
  /** Kept on this device: the prepared ballot and the blinding inverse. */
  ballot: string;
  inverse: string;
}

export async function blindBallot(publicKey: string): Promise<BlindedBallot> {
  const blind = suite();
  const prepared = blind.prepare(crypto.getRandomValues(new Uint8Array(32)));
  const { blindedMsg, inv } = await blind.blind(await importPublicKey(publicKey), prepared);
  return { blindedBallot: toBase64url(blindedMsg), ballot: toBase64url(prepared), inverse: toBase64url(inv) };
}

/** The signature on `ballot` from the server's blind signature; throws if it does not verify. */
export async function unblindSignature(publicKey: string, pending: BlindedBallot, blindSignature: string): Promise<string> {
  const signature = await suite().finalize(await importPublicKey(publicKey), fromBase64url(pending.ballot), fromBase64url(blindSignature), fromBase64url(pending.inverse));
  return toBase64url(signature);
}

/** A ballot for an `anyone` vote: 32 random bytes; the server refuses the same one twice. */
export function randomBallot(): string {
  return toBase64url(crypto.getRandomValues(new Uint8Array(32)));
}
