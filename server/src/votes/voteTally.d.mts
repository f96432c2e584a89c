import type { CastOutcome, RedeemOutcome } from './VoteStore.ts';
import type { VoteMutation } from '../storage/sqliteWorkerProtocol.ts';

/** A vote's mutable stored state (see voteTally.mjs). */
export interface VoteTallyState {
  state: 'open' | 'closed';
  perPerson: number;
  targets: string[];
  counts: Record<string, number>;
  spent: string[];
  codes: string[];
  ballotCount: number;
  signingKey: string | null;
}

export function applyVoteMutation(vote: VoteTallyState, item: Exclude<VoteMutation, { kind: 'create' }>): CastOutcome | RedeemOutcome | 'closed';
export function zeroCounts(targets: readonly string[]): Record<string, number>;
