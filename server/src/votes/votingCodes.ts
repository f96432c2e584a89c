import { createHash, randomInt } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so a printed code cannot be misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

/** A one-time code as handed out: 60 random bits, in groups of four (`7K2M-QX9P-4TDW`). */
export function newVotingCode(): string {
  let code = '';
  for (let index = 0; index < CODE_LENGTH; index += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * What is stored of a code: SHA-256 over the vote id and the code (as
 * VotingCodeSchema normalises it), so the same code in two votes hashes
 * differently.
 */
export function votingCodeHash(voteId: string, normalisedCode: string): string {
  return createHash('sha256').update(`code:${voteId}:${normalisedCode}`, 'utf8').digest('hex');
}

/** What is stored of a ballot: its hash, bound to the vote. */
export function ballotHash(voteId: string, ballot: string): string {
  return createHash('sha256').update(`ballot:${voteId}:${ballot}`, 'utf8').digest('hex');
}
