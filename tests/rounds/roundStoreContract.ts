import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken, type BoardStore, type NewAnswer, type RoundStore } from '@clapboard/server';

export interface OpenedRoundStore {
  boards: BoardStore;
  rounds: RoundStore;
  /** Closes both and opens them again on the same data, for stores that persist. */
  reopen?: () => Promise<{ boards: BoardStore; rounds: RoundStore }>;
}

/**
 * The one contract every RoundStore implementation must meet; each
 * implementation's test file calls this with a factory.
 */
export function roundStoreContract(name: string, open: () => Promise<OpenedRoundStore>): void {
  describe(`RoundStore contract: ${name}`, () => {
    let opened: OpenedRoundStore;
    let store: RoundStore;
    const boardId = 'board-rrrrrrrrrrrrrrrr';
    const roundId = 'round-aaaaaaaaaaaa';
    const newAnswer = (text: string, lang: string | null = null): NewAnswer & { receipt: string } => {
      const receipt = randomBytes(32).toString('base64url');
      return { answerId: randomBytes(16).toString('base64url'), receiptHash: hashToken(receipt), text, lang, receipt };
    };
    const add = (answer: NewAnswer, max = 100, round = roundId) => store.addAnswer(boardId, round, answer, max);

    beforeEach(async () => {
      opened = await open();
      store = opened.rounds;
      await opened.boards.createBoard({
        id: boardId,
        tokenHashes: { facilitator: 'f'.repeat(64), participant: 'p'.repeat(64), observer: 'o'.repeat(64) },
        initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) },
      });
      await store.createRound({ boardId, roundId, prompt: 'What helped?', k: 3, translations: { fr: 'Qu’est-ce qui a aidé ?' }, closesAt: null });
    });
    afterEach(async () => {
      await store.close();
      await opened.boards.close();
    });

    it('forgets every round and answer of a deleted board, and none of another board', async () => {
      const otherBoard = 'board-ssssssssssssssss';
      await opened.boards.createBoard({ id: otherBoard, tokenHashes: { facilitator: 'g'.repeat(64), participant: 'h'.repeat(64), observer: 'i'.repeat(64) }, initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) } });
      await store.createRound({ boardId: otherBoard, roundId, prompt: 'Kept?', k: 3, translations: null, closesAt: null });
      const gone = newAnswer('erased words');
      const kept = newAnswer('kept words');
      expect(await add(gone)).toBe('added');
      expect(await store.addAnswer(otherBoard, roundId, kept, 100)).toBe('added');
      await store.deleteBoard(boardId);
      expect(await store.getRound(boardId, roundId)).toBeNull();
      expect(await store.listAnswers(boardId, roundId)).toEqual([]);
      expect(await store.findByReceipt(boardId, gone.receiptHash)).toBeNull();
      expect((await store.listRounds('open')).map((round) => round.boardId)).toEqual([otherBoard]);
      expect(await store.listAnswers(otherBoard, roundId)).toEqual([{ answerId: kept.answerId, text: 'kept words', lang: null }]);
    });

    it('creates rounds, once, and reads them back open with no answers', async () => {
      expect(await store.getRound(boardId, roundId)).toEqual({
        boardId,
        roundId,
        prompt: 'What helped?',
        k: 3,
        translations: { fr: 'Qu’est-ce qui a aidé ?' },
        closesAt: null,
        state: 'open',
        publishedCount: 0,
        answerCount: 0,
      });
      await expect(store.createRound({ boardId, roundId, prompt: 'again', k: 3, translations: null, closesAt: null })).rejects.toThrow();
      expect(await store.getRound(boardId, 'round-missing0000')).toBeNull();
      expect((await store.listRounds('open')).map((round) => round.roundId)).toEqual([roundId]);
      expect(await store.listRounds('closed')).toEqual([]);
    });

    it('adds answers only to open rounds that exist, up to the cap', async () => {
      expect(await add(newAnswer('one'), 2)).toBe('added');
      expect(await add(newAnswer('two'), 2)).toBe('added');
      expect(await add(newAnswer('three'), 2)).toBe('full');
      expect(await add(newAnswer('nowhere'), 2, 'round-missing0000')).toBe('missing');
      expect((await store.getRound(boardId, roundId))!.answerCount).toBe(2);
      expect(await store.setState(boardId, roundId, 'closed', ['open'])).toBe(true);
      expect(await store.setState(boardId, roundId, 'closed', ['open'])).toBe(false);
      expect(await add(newAnswer('late'))).toBe('closed');
      expect((await store.getRound(boardId, roundId))!.answerCount).toBe(2);
      expect((await store.listRounds('closed')).map((round) => round.roundId)).toEqual([roundId]);
    });

    it('reads answers back in id order, never in arrival order', async () => {
      const answers = Array.from({ length: 30 }, (_, index) => newAnswer(`answer ${index}`));
      // Concurrently, as people answer at once, and one by one.
      await Promise.all(answers.slice(0, 15).map((answer) => add(answer)));
      for (const answer of answers.slice(15)) await add(answer);
      const listed = await store.listAnswers(boardId, roundId);
      expect(listed.map((answer) => answer.answerId)).toEqual(answers.map((answer) => answer.answerId).sort());
      expect(new Set(listed.map((answer) => answer.text))).toEqual(new Set(answers.map((answer) => answer.text)));
    });

    it('edits, withdraws and finds by receipt hash; a wrong hash changes nothing', async () => {
      const mine = newAnswer('first', 'en');
      const other = newAnswer('other');
      await add(mine);
      await add(other);
      await store.createRound({ boardId, roundId: 'round-bbbbbbbbbbbb', prompt: 'Other round', k: 3, translations: null, closesAt: null });
      expect(await store.editAnswer(boardId, roundId, hashToken('wrong'), 'hijack', null)).toBeNull();
      expect(await store.withdrawAnswer(boardId, roundId, hashToken('wrong'))).toBeNull();
      expect(await store.editAnswer(boardId, 'round-bbbbbbbbbbbb', mine.receiptHash, 'hijack', null)).toBeNull();
      expect(await store.editAnswer(boardId, roundId, mine.receiptHash, 'second', null)).toEqual({ roundId, answerId: mine.answerId, revealed: false });
      expect(await store.findByReceipt(boardId, mine.receiptHash)).toEqual({ roundId, answerId: mine.answerId, revealed: false });
      expect(await store.findByReceipt('board-other000000000', mine.receiptHash)).toBeNull();
      expect(await store.findByReceipt(boardId, hashToken('wrong'))).toBeNull();
      const texts = async () => Object.fromEntries((await store.listAnswers(boardId, roundId)).map((answer) => [answer.answerId, [answer.text, answer.lang]]));
      expect(await texts()).toEqual({ [mine.answerId]: ['second', null], [other.answerId]: ['other', null] });
      expect(await store.withdrawAnswer(boardId, roundId, mine.receiptHash)).toEqual({ roundId, answerId: mine.answerId, revealed: false });
      expect(await store.withdrawAnswer(boardId, roundId, mine.receiptHash)).toBeNull();
      expect(await texts()).toEqual({ [other.answerId]: ['other', null] });
      expect((await store.getRound(boardId, roundId))!.answerCount).toBe(1);
    });

    it('forgets the words at reveal and keeps what receipts need', async () => {
      const mine = newAnswer('words', 'ti');
      await add(mine);
      await add(newAnswer('more'));
      expect(await store.setState(boardId, roundId, 'revealed', ['closed'])).toBe(false);
      await store.setState(boardId, roundId, 'closed', ['open']);
      expect(await store.setState(boardId, roundId, 'revealed', ['closed'])).toBe(true);
      expect((await store.listAnswers(boardId, roundId)).map(({ text, lang }) => ({ text, lang }))).toEqual([
        { text: null, lang: null },
        { text: null, lang: null },
      ]);
      expect(await store.findByReceipt(boardId, mine.receiptHash)).toEqual({ roundId, answerId: mine.answerId, revealed: true });
      // An edit after reveal goes to the board, not here.
      expect(await store.editAnswer(boardId, roundId, mine.receiptHash, 'new words', null)).toEqual({ roundId, answerId: mine.answerId, revealed: true });
      expect((await store.listAnswers(boardId, roundId)).every((answer) => answer.text === null)).toBe(true);
      expect(await store.withdrawAnswer(boardId, roundId, mine.receiptHash)).toEqual({ roundId, answerId: mine.answerId, revealed: true });
      expect((await store.getRound(boardId, roundId))!.answerCount).toBe(1);
    });

    it('records the published count', async () => {
      await store.setPublishedCount(boardId, roundId, 4);
      expect((await store.getRound(boardId, roundId))!.publishedCount).toBe(4);
    });

    it('keeps everything across a reopen, where it persists', async () => {
      if (!opened.reopen) return;
      const answer = newAnswer('durable');
      await add(answer);
      await store.setPublishedCount(boardId, roundId, 1);
      await store.close();
      const reopened = await opened.reopen();
      opened = { ...reopened };
      store = reopened.rounds;
      expect(await store.getRound(boardId, roundId)).toMatchObject({ state: 'open', answerCount: 1, publishedCount: 1 });
      expect(await store.findByReceipt(boardId, answer.receiptHash)).toEqual({ roundId, answerId: answer.answerId, revealed: false });
    });

    it('rejects writes after close', async () => {
      await store.close();
      await expect(add(newAnswer('too late'))).rejects.toThrow();
    });
  });
}
