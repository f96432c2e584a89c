import { applyVoteMutation, zeroCounts } from './voteTally.mjs';
import type { VoteTallyState } from './voteTally.d.mts';
import type { CastOutcome, NewVote, RedeemOutcome, StoredVote, VoteStore } from './VoteStore.ts';

interface MemoryVote {
  vote: NewVote;
  tally: VoteTallyState;
}

const key = (boardId: string, voteId: string) => `${boardId}:${voteId}`;

/** Non-durable VoteStore for tests; same contract (and same tally code) as SqliteVoteStore. */
export class MemoryVoteStore implements VoteStore {
  private readonly votes = new Map<string, MemoryVote>();
  private closed = false;

  async createVote(vote: NewVote): Promise<void> {
    this.assertOpen();
    const id = key(vote.boardId, vote.voteId);
    if (this.votes.has(id)) throw new Error('vote exists');
    const tally: VoteTallyState = {
      state: 'open',
      perPerson: vote.perPerson,
      targets: [...vote.targets],
      counts: zeroCounts(vote.targets),
      spent: [],
      codes: [...vote.codeHashes].sort(),
      ballotCount: 0,
      signingKey: vote.signingKey,
    };
    this.votes.set(id, { vote: structuredClone(vote), tally });
  }

  async getVote(boardId: string, voteId: string): Promise<StoredVote | null> {
    const entry = this.votes.get(key(boardId, voteId));
    return entry ? stored(entry) : null;
  }

  async castBallot(boardId: string, voteId: string, ballotHash: string, choices: readonly string[]): Promise<CastOutcome> {
    return this.apply(boardId, voteId, { kind: 'cast', boardId, voteId, ballotHash, choices }) as CastOutcome;
  }

  async redeemCode(boardId: string, voteId: string, codeHash: string): Promise<RedeemOutcome> {
    return this.apply(boardId, voteId, { kind: 'redeem', boardId, voteId, codeHash }) as RedeemOutcome;
  }

  async closeVote(boardId: string, voteId: string): Promise<StoredVote | null> {
    if (this.apply(boardId, voteId, { kind: 'close', boardId, voteId }) === 'missing') return null;
    return this.getVote(boardId, voteId);
  }

  async deleteBoard(boardId: string): Promise<void> {
    this.assertOpen();
    for (const [id, entry] of this.votes) if (entry.vote.boardId === boardId) this.votes.delete(id);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private apply(boardId: string, voteId: string, item: Parameters<typeof applyVoteMutation>[1]): string {
    this.assertOpen();
    const entry = this.votes.get(key(boardId, voteId));
    return entry ? applyVoteMutation(entry.tally, item) : 'missing';
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('store is closed');
  }
}

function stored({ vote, tally }: MemoryVote): StoredVote {
  return {
    boardId: vote.boardId,
    voteId: vote.voteId,
    access: vote.access,
    perPerson: tally.perPerson,
    targets: [...tally.targets],
    state: tally.state,
    publicKey: vote.publicKey,
    signingKey: tally.signingKey,
    ballotCount: tally.ballotCount,
    counts: { ...tally.counts },
  };
}
