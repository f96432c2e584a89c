import { constants, createPrivateKey, createPublicKey, generateKeyPair, privateDecrypt, publicEncrypt, verify, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * The server's half of RFC 9474 blind RSA signatures
 * (RSABSSA-SHA384-PSS-Randomized), for votes with one-time codes. The
 * browser's half (prepare, blind, finalize) is @cloudflare/blindrsa-ts in
 * the client; this side needs only two RSA primitives, which node:crypto
 * runs natively in about a millisecond (the library's own big-number
 * BlindSign takes half a second of the event loop).
 *
 * Why blind signatures (docs/anonymity.md, "Votes"): a code is spent to get
 * a signature on a ballot the server only ever sees blinded; the ballot and
 * its unblinded signature arrive later, in a request that carries no code.
 * So not even a server logging every request could tie a code to a choice
 * from their contents.
 */

const generate = promisify(generateKeyPair);
export const MODULUS_BITS = 2048;
const MODULUS_BYTES = MODULUS_BITS / 8;
/** RFC 9474 section 5: SHA-384, PSS salt as long as the hash. */
const SALT_LENGTH = 48;

export interface VoteKeyPair {
  /** SPKI DER, base64url: published with the vote. */
  publicKey: string;
  /** PKCS #8 DER, base64url: stored with the vote until it closes. */
  signingKey: string;
}

export async function newVoteKeyPair(): Promise<VoteKeyPair> {
  const { publicKey, privateKey } = await generate('rsa', { modulusLength: MODULUS_BITS, publicExponent: 65537 });
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64url'),
    signingKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64url'),
  };
}

const publicKeys = new Map<string, KeyObject>();
function publicKeyObject(spki: string): KeyObject {
  let key = publicKeys.get(spki);
  if (!key) {
    key = createPublicKey({ key: Buffer.from(spki, 'base64url'), format: 'der', type: 'spki' });
    if (publicKeys.size > 256) publicKeys.clear();
    publicKeys.set(spki, key);
  }
  return key;
}

/**
 * BlindSign: RSASP1 on the blinded message, then RSAVP1 on the result to
 * check it (RFC 9474 4.3, against faults that would leak the key). Null
 * when the blinded message is not a number below the modulus.
 */
export function blindSign(signingKey: string, publicKey: string, blinded: Buffer): Buffer | null {
  if (blinded.length !== MODULUS_BYTES) return null;
  const key = createPrivateKey({ key: Buffer.from(signingKey, 'base64url'), format: 'der', type: 'pkcs8' });
  let signature: Buffer;
  try {
    signature = privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, blinded);
  } catch {
    return null; // "data too large for modulus"
  }
  const check = publicEncrypt({ key: publicKeyObject(publicKey), padding: constants.RSA_NO_PADDING }, signature);
  if (!check.equals(blinded)) throw new Error('blind signature failed its own check');
  return signature;
}

/** Verifies an unblinded signature on a prepared ballot (RSASSA-PSS, SHA-384). */
export function verifyBallotSignature(publicKey: string, ballot: Buffer, signature: Buffer): boolean {
  if (signature.length !== MODULUS_BYTES) return false;
  return verify('sha384', ballot, { key: publicKeyObject(publicKey), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: SALT_LENGTH }, signature);
}
