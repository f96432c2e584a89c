import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardStore, NewVote, VoteStore } from '@clapboard/server';

export interface OpenedVoteStore {
  boards: BoardStore;
  votes: VoteStore;
  /** Closes both and opens them again on the same data, for stores that persist. */
  reopen?: () => Promise<{ boards: BoardStore; votes: VoteStore }>;
}

/** The contract every VoteStore implementation meets; each implementation's test file calls this. */
export function voteStoreContract(name: string, open: () => Promise<OpenedVoteStore>): void {
  describe(`VoteStore contract: ${name}`, () => {
    let opened: OpenedVoteStore;
    let store: VoteStore;
    const boardId = 'board-vvvvvvvvvvvvvvvv';
    const voteId = 'vote-aaaaaaaaaaaa';
    const newVote = (overrides: Partial<NewVote> = {}): NewVote => ({
      boardId,
      voteId,
      access: 'anyone',
      perPerson: 2,
      targets: ['note-a', 'note-b', 'note-c'],
      publicKey: null,
      signingKey: null,
      codeHashes: [],
      ...overrides,
    });

    beforeEach(async () => {
      opened = await open();
      store = opened.votes;
      await opened.boards.createBoard({
        id: boardId,
        tokenHashes: { facilitator: 'f'.repeat(64), participant: 'p'.repeat(64), observer: 'o'.repeat(64) },
        initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) },
      });
    });
    afterEach(async () => {
      await store.close();
      await opened.boards.close();
    });

    it('forgets every vote of a deleted board, and none of another board', async () => {
      const otherBoard = 'board-wwwwwwwwwwwwwwww';
      await opened.boards.createBoard({ id: otherBoard, tokenHashes: { facilitator: 'g'.repeat(64), participant: 'h'.repeat(64), observer: 'i'.repeat(64) }, initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) } });
      await store.createVote(newVote());
      await store.createVote(newVote({ boardId: otherBoard }));
      await store.deleteBoard(boardId);
      expect(await store.getVote(boardId, voteId)).toBeNull();
      expect(await store.getVote(otherBoard, voteId)).toMatchObject({ boardId: otherBoard, state: 'open' });
    });

    it('creates a vote once and reads it back open, every target at zero', async () => {
      await store.createVote(newVote());
      expect(await store.getVote(boardId, voteId)).toEqual({
        boardId,
        voteId,
        access: 'anyone',
        perPerson: 2,
        targets: ['note-a', 'note-b', 'note-c'],
        state: 'open',
        publicKey: null,
        signingKey: null,
        ballotCount: 0,
        counts: { 'note-a': 0, 'note-b': 0, 'note-c': 0 },
      });
      await expect(store.createVote(newVote())).rejects.toThrow();
      expect(await store.getVote(boardId, 'vote-missing000000')).toBeNull();
    });

    it('counts a ballot once, refuses choices that are not targets or exceed perPerson, and nothing after close', async () => {
      await store.createVote(newVote());
      expect(await store.castBallot(boardId, voteId, 'hash-1', ['note-a', 'note-c'])).toBe('counted');
      expect(await store.castBallot(boardId, voteId, 'hash-1', ['note-b'])).toBe('already-voted');
      expect(await store.castBallot(boardId, voteId, 'hash-2', ['note-z'])).toBe('invalid');
      expect(await store.castBallot(boardId, voteId, 'hash-2', ['note-a', 'note-b', 'note-c'])).toBe('invalid');
      expect(await store.castBallot(boardId, voteId, 'hash-2', ['note-a', 'note-a'])).toBe('invalid');
      expect(await store.castBallot(boardId, voteId, 'hash-2', ['note-a'])).toBe('counted');
      expect(await store.castBallot(boardId, 'vote-missing000000', 'hash-3', ['note-a'])).toBe('missing');
      const closed = await store.closeVote(boardId, voteId);
      expect(closed).toMatchObject({ state: 'closed', ballotCount: 2, counts: { 'note-a': 2, 'note-b': 0, 'note-c': 1 } });
      expect(await store.castBallot(boardId, voteId, 'hash-4', ['note-b'])).toBe('closed');
      expect((await store.getVote(boardId, voteId))?.counts).toEqual({ 'note-a': 2, 'note-b': 0, 'note-c': 1 });
      expect(await store.closeVote(boardId, voteId)).toEqual(closed);
      expect(await store.closeVote(boardId, 'vote-missing000000')).toBeNull();
    });

    it('spends each voting code once, and forgets the signing key and unspent codes at close', async () => {
      await store.createVote(newVote({ access: 'codes', publicKey: 'PUB', signingKey: 'SECRET', codeHashes: ['code-2', 'code-1'] }));
      expect(await store.redeemCode(boardId, voteId, 'code-1')).toBe('redeemed');
      expect(await store.redeemCode(boardId, voteId, 'code-1')).toBe('refused');
      expect(await store.redeemCode(boardId, voteId, 'code-9')).toBe('refused');
      expect(await store.redeemCode(boardId, 'vote-missing000000', 'code-2')).toBe('missing');
      expect((await store.getVote(boardId, voteId))?.signingKey).toBe('SECRET');
      const closed = await store.closeVote(boardId, voteId);
      expect(closed).toMatchObject({ state: 'closed', signingKey: null, publicKey: 'PUB' });
      expect(await store.redeemCode(boardId, voteId, 'code-2')).toBe('closed');
    });

    it('counts every ballot of a crowd voting at once', async () => {
      await store.createVote(newVote({ perPerson: 1 }));
      const outcomes = await Promise.all(Array.from({ length: 60 }, (_, index) => store.castBallot(boardId, voteId, `crowd-${index}`, [index % 3 === 0 ? 'note-a' : 'note-b'])));
      expect(outcomes.every((outcome) => outcome === 'counted')).toBe(true);
      expect((await store.getVote(boardId, voteId))?.counts).toEqual({ 'note-a': 20, 'note-b': 40, 'note-c': 0 });
    });

    it('keeps what it acknowledged across a reopen', async (context) => {
      if (!opened.reopen) return context.skip();
      await store.createVote(newVote());
      expect(await store.castBallot(boardId, voteId, 'hash-1', ['note-b'])).toBe('counted');
      await store.close();
      await opened.boards.close();
      const reopened = await opened.reopen();
      opened = { ...opened, ...reopened };
      store = reopened.votes;
      expect((await store.getVote(boardId, voteId))?.counts).toEqual({ 'note-a': 0, 'note-b': 1, 'note-c': 0 });
      expect(await store.castBallot(boardId, voteId, 'hash-1', ['note-a'])).toBe('already-voted');
    });
  });
}
