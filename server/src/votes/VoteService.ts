import * as Y from 'yjs';
import {
  getVotesMap,
  randomId,
  readAllObjects,
  voteTargetsInFrame,
  type CreateVoteRequest,
  type CreateVoteResponse,
  type TransactionOrigin,
  type VoteRecord,
} from '@clapboard/shared';
import { KeyedLock } from '../rounds/KeyedLock.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';
import { blindSign, newVoteKeyPair, verifyBallotSignature } from './blindSigning.ts';
import { ballotHash, newVotingCode, votingCodeHash } from './votingCodes.ts';
import type { StoredVote, VoteStore } from './VoteStore.ts';

const VOTE_ORIGIN = Object.freeze({ kind: 'server', reason: 'vote' } as const) satisfies TransactionOrigin;

export type CreateOutcome = { ok: true; response: CreateVoteResponse } | { ok: false; reason: 'no-frame' | 'unknown-targets' | 'no-targets' };
export type CastResult = 'counted' | 'missing' | 'closed' | 'already-voted' | 'invalid' | 'refused';
export type RedeemResult = { ok: true; blindSignature: string } | { ok: false; reason: 'missing' | 'closed' | 'refused' | 'bad-blinded' };

const voteKey = (boardId: string, voteId: string) => `${boardId}\u0000${voteId}`;

/** The public record: no counts, and no number of ballots, before the vote closes. */
export function publicRecord(vote: StoredVote): VoteRecord {
  const closed = vote.state === 'closed';
  return {
    state: vote.state,
    access: vote.access,
    perPerson: vote.perPerson,
    targets: vote.targets,
    publicKey: vote.publicKey,
    ballots: closed ? vote.ballotCount : null,
    counts: closed ? vote.counts : null,
  };
}

/**
 * Anonymous dot votes: what the routes (voteRoutes.ts) do. Ballots live in
 * the VoteStore as a hash set and per-target counts; the counts reach the
 * board (the control document's `votes` root, written by the server's own
 * Yjs client) only when the vote closes. See docs/anonymity.md ("Votes").
 */
export class VoteService {
  /** Closing is serialised per vote; ballots need no lock (the store checks state in the same transaction). */
  private readonly locks = new KeyedLock();

  constructor(
    private readonly store: VoteStore,
    private readonly rooms: RoomRegistry,
  ) {}

  async create(boardId: string, request: CreateVoteRequest): Promise<CreateOutcome> {
    const targets = await this.resolveTargets(boardId, request.targets);
    if (typeof targets === 'string') return { ok: false, reason: targets };
    const voteId = randomId(16);
    const codes = request.codes ? Array.from({ length: request.codes }, newVotingCode) : null;
    const keys = codes ? await newVoteKeyPair() : null;
    await this.store.createVote({
      boardId,
      voteId,
      access: codes ? 'codes' : 'anyone',
      perPerson: Math.min(request.perPerson, targets.length),
      targets,
      publicKey: keys?.publicKey ?? null,
      signingKey: keys?.signingKey ?? null,
      codeHashes: codes ? codes.map((code) => votingCodeHash(voteId, code.replace(/-/g, ''))) : [],
    });
    const stored = (await this.store.getVote(boardId, voteId))!;
    await this.publish(boardId, voteId, publicRecord(stored));
    return { ok: true, response: codes ? { voteId, codes } : { voteId } };
  }

  async summary(boardId: string, voteId: string): Promise<VoteRecord | null> {
    const vote = await this.store.getVote(boardId, voteId);
    return vote ? publicRecord(vote) : null;
  }

  async cast(boardId: string, voteId: string, ballot: string, signature: string | undefined, choices: readonly string[]): Promise<CastResult> {
    const vote = await this.store.getVote(boardId, voteId);
    if (!vote) return 'missing';
    if (vote.state !== 'open') return 'closed';
    if (vote.access === 'codes') {
      if (!signature || !vote.publicKey) return 'refused';
      if (!verifyBallotSignature(vote.publicKey, Buffer.from(ballot, 'base64url'), Buffer.from(signature, 'base64url'))) return 'refused';
    }
    return this.store.castBallot(boardId, voteId, ballotHash(voteId, ballot), choices);
  }

  /**
   * Spends a one-time code for a blind signature. The signature is made
   * first, so a malformed blinded ballot is refused without using up the
   * code, and handed out only once the code is durably spent.
   */
  async redeem(boardId: string, voteId: string, normalisedCode: string, blindedBallot: string): Promise<RedeemResult> {
    const vote = await this.store.getVote(boardId, voteId);
    if (!vote || vote.access !== 'codes') return { ok: false, reason: 'missing' };
    if (vote.state !== 'open' || !vote.signingKey || !vote.publicKey) return { ok: false, reason: 'closed' };
    const signature = blindSign(vote.signingKey, vote.publicKey, Buffer.from(blindedBallot, 'base64url'));
    if (!signature) return { ok: false, reason: 'bad-blinded' };
    const outcome = await this.store.redeemCode(boardId, voteId, votingCodeHash(voteId, normalisedCode));
    if (outcome !== 'redeemed') return { ok: false, reason: outcome };
    return { ok: true, blindSignature: signature.toString('base64url') };
  }

  /** Closes the vote and writes its counts onto the board. Closing a closed vote answers its results again. */
  close(boardId: string, voteId: string): Promise<VoteRecord | null> {
    return this.locks.run(voteKey(boardId, voteId), async () => {
      const closed = await this.store.closeVote(boardId, voteId);
      if (!closed) return null;
      const record = publicRecord(closed);
      await this.publish(boardId, voteId, record);
      return record;
    });
  }

  /** Sorted, distinct ids of objects on the board, or why not. */
  private resolveTargets(boardId: string, targets: CreateVoteRequest['targets']): Promise<string[] | 'no-frame' | 'unknown-targets' | 'no-targets'> {
    return this.rooms.withRoom({ boardId, doc: 'content' }, (room) => {
      const objects = readAllObjects(room.doc);
      if (typeof targets === 'string') {
        const inFrame = voteTargetsInFrame(objects, targets);
        if (!inFrame) return 'no-frame';
        return inFrame.length > 0 ? inFrame : 'no-targets';
      }
      const known = new Set(objects.filter((object) => object.type !== 'connector' && object.type !== 'frame').map((object) => object.id));
      const ids = [...new Set(targets)].sort();
      return ids.every((id) => known.has(id)) ? ids : 'unknown-targets';
    });
  }

  /** Writes `votes.<voteId>` in the control document from the server's own Yjs client. */
  private publish(boardId: string, voteId: string, record: VoteRecord): Promise<void> {
    return this.rooms.withRoom({ boardId, doc: 'control' }, (room) =>
      room.transactDurably(() => {
        const votes = getVotesMap(room.doc);
        let entry = votes.get(voteId);
        if (!(entry instanceof Y.Map)) {
          entry = new Y.Map<unknown>();
          votes.set(voteId, entry);
        }
        const map = entry as Y.Map<unknown>;
        for (const [field, value] of Object.entries(record)) {
          if (JSON.stringify(map.get(field)) !== JSON.stringify(value)) map.set(field, value);
        }
      }, VOTE_ORIGIN),
    );
  }
}
