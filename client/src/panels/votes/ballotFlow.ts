import type { VoteRecord } from '@clapboard/shared';
import type { BoardApiError } from '../../connection/boardApiRequest.ts';
import { blindBallot, blindSigningAvailable, randomBallot, unblindSignature } from '@clapboard/shared/blindBallot';
import type { VotesApi } from '../../connection/votesApi.ts';
import type { StoredBallot, VoteBallots } from '../../model/VoteBallots.ts';

export type FlowResult = { ok: true } | { ok: false; error: BoardApiError | 'insecure' };

/**
 * Spends a voting code for a signed ballot. The blinded ballot is kept on
 * the device before the code is sent, so a retry after a lost answer sends
 * the same one (a code the server did spend then still signs nothing new).
 */
export async function redeemVotingCode(api: VotesApi, ballots: VoteBallots, voteId: string, vote: VoteRecord, code: string): Promise<FlowResult> {
  if (!vote.publicKey) return { ok: false, error: { status: null, code: null, message: 'no public key' } };
  if (!blindSigningAvailable()) return { ok: false, error: 'insecure' };
  let pending = ballots.get(voteId);
  if (!pending?.blindedBallot || !pending.inverse) {
    const blinded = await blindBallot(vote.publicKey);
    pending = { ballot: blinded.ballot, blindedBallot: blinded.blindedBallot, inverse: blinded.inverse, cast: false };
    ballots.save(voteId, pending);
  }
  const signed = await api.redeemCode(voteId, code, pending.blindedBallot!);
  if (!signed.ok) return signed;
  const signature = await unblindSignature(vote.publicKey, { ballot: pending.ballot, blindedBallot: pending.blindedBallot!, inverse: pending.inverse! }, signed.value);
  // The blinding state has done its work; only the ballot and its signature are needed now.
  ballots.save(voteId, { ballot: pending.ballot, signature, cast: false });
  return { ok: true };
}

/**
 * Casts this device's ballot. For an `anyone` vote the ballot is made here
 * and saved before it is sent, so a second tap or a reload after a lost
 * answer sends the same ballot, which the server counts once.
 */
export async function castDots(api: VotesApi, ballots: VoteBallots, voteId: string, vote: VoteRecord, choices: string[]): Promise<FlowResult> {
  let stored: StoredBallot | undefined = ballots.get(voteId);
  if (vote.access === 'codes' && !stored?.signature) return { ok: false, error: { status: 403, code: 'BALLOT_REFUSED', message: 'no signed ballot' } };
  if (!stored) {
    stored = { ballot: randomBallot(), cast: false };
    ballots.save(voteId, stored);
  }
  const result = await api.castBallot(voteId, stored.ballot, choices, stored.signature);
  // ALREADY_VOTED: an earlier send of this same ballot was counted and its answer lost.
  if (result.ok || result.error.code === 'ALREADY_VOTED') {
    ballots.save(voteId, { ballot: stored.ballot, cast: true });
    return { ok: true };
  }
  return result;
}
