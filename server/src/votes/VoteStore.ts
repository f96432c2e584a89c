import type { VoteAccess, VoteState } from '@clapboard/shared';

/** A vote as a facilitator opened it. */
export interface NewVote {
  boardId: string;
  voteId: string;
  access: VoteAccess;
  perPerson: number;
  /** Object ids, sorted. */
  targets: string[];
  /** `codes` votes: the RSA key pair ballots are blind-signed with (SPKI and PKCS #8, base64url). Null for `anyone`. */
  publicKey: string | null;
  signingKey: string | null;
  /** `codes` votes: SHA-256 (hex) of each one-time code handed out; the codes themselves are never stored. */
  codeHashes: string[];
}

export interface StoredVote {
  boardId: string;
  voteId: string;
  access: VoteAccess;
  perPerson: number;
  targets: string[];
  state: VoteState;
  publicKey: string | null;
  /** Null once closed: nothing can be signed for a closed vote. */
  signingKey: string | null;
  ballotCount: number;
  /** Dots per target. Only ever shown once the vote is closed (VoteService). */
  counts: Record<string, number>;
}

/** `counted`, or why not. `invalid`: a choice that is not a target, or more choices than perPerson. */
export type CastOutcome = 'counted' | 'missing' | 'closed' | 'already-voted' | 'invalid';
/** `redeemed`: the code existed, was unused, and is now spent. `refused`: unknown or already spent (one answer for both). */
export type RedeemOutcome = 'redeemed' | 'missing' | 'closed' | 'refused';

/**
 * Durable storage of anonymous votes (docs/anonymity.md, "Votes"). One
 * contract suite (tests/votes/voteStoreContract.ts) runs against every
 * implementation.
 *
 * What an implementation must not keep: anything that ties a ballot to its
 * choices or to a person. A ballot is remembered only as a hash in a set,
 * its choices only as increments of per-target counts, each in its own
 * order-free form (sorted arrays, counts by target id); a voting code only
 * as a hash in the set of unspent codes, removed when spent. No time,
 * connection, token or address anywhere.
 *
 * Every write resolves only once it is durable, and checks the vote's state
 * inside its own transaction, so no ballot is counted after a close.
 */
export interface VoteStore {
  createVote(vote: NewVote): Promise<void>;
  getVote(boardId: string, voteId: string): Promise<StoredVote | null>;
  /** Counts `choices` unless the ballot hash was seen, a choice is not a target, or there are more than perPerson. */
  castBallot(boardId: string, voteId: string, ballotHash: string, choices: readonly string[]): Promise<CastOutcome>;
  /** Spends a one-time code. */
  redeemCode(boardId: string, voteId: string, codeHash: string): Promise<RedeemOutcome>;
  /**
   * Closes an open vote: forgets its signing key, its unspent codes and its
   * spent ballots' hashes, keeping the counts. Null for an unknown vote;
   * closing a closed vote returns it unchanged.
   */
  closeVote(boardId: string, voteId: string): Promise<StoredVote | null>;
  /** Forgets every vote, count, code and ballot hash of a board (it is being erased, server/src/privacy); resolves once durable. */
  deleteBoard(boardId: string): Promise<void>;
  /** Lets writes already made finish, then releases resources. */
  close(): Promise<void>;
}
