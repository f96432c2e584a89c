import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeMonitoringAnswers, SMALLEST_REPORTED_GROUP } from '@clapboard/shared';
import type { BoardStore, ContactStore, MonitoringStore } from '@clapboard/server';

export interface OpenedParticipantData {
  boards: BoardStore;
  monitoring: MonitoringStore;
  contacts: ContactStore;
}

const emptyBoard = (id: string, letter: string) => ({
  id,
  tokenHashes: { facilitator: `${letter}f`.padEnd(64, '0'), participant: `${letter}p`.padEnd(64, '0'), observer: `${letter}o`.padEnd(64, '0') },
  initialUpdates: { content: new Uint8Array([0, 0]), control: new Uint8Array([0, 0]) },
});

/** The one contract every MonitoringStore and ContactStore implementation must meet. */
export function participantDataContract(name: string, open: () => Promise<OpenedParticipantData>): void {
  describe(`MonitoringStore and ContactStore contract: ${name}`, () => {
    let opened: OpenedParticipantData;
    const boardId = 'board-mmmmmmmmmmmmmmmm';
    const otherBoard = 'board-kkkkkkkkkkkkkkkk';
    const limits = { groupSize: SMALLEST_REPORTED_GROUP, maxResponses: 100 };

    beforeEach(async () => {
      opened = await open();
      await opened.boards.createBoard(emptyBoard(boardId, 'a'));
      await opened.boards.createBoard(emptyBoard(otherBoard, 'b'));
    });
    afterEach(async () => {
      await opened.monitoring.close();
      await opened.contacts.close();
      await opened.boards.close();
    });

    it('counts responses only once a group of five is complete, then all five together', async () => {
      const { monitoring } = opened;
      expect(await monitoring.read(boardId)).toBeNull();
      for (let i = 0; i < 4; i += 1) expect(await monitoring.add(boardId, completeMonitoringAnswers({ ageBand: '25to34', disability: i === 0 ? 'yes' : 'no' }), limits)).toBe('added');
      const waiting = await monitoring.read(boardId);
      expect(waiting).toMatchObject({ released: 0, pending: 4 });
      expect(Object.values(waiting!.releasedCounts).every((counts) => Object.keys(counts).length === 0)).toBe(true);
      expect(await monitoring.add(boardId, completeMonitoringAnswers({}), limits)).toBe('added');
      const released = await monitoring.read(boardId);
      expect(released).toMatchObject({ released: 5, pending: 0 });
      expect(released!.releasedCounts).toEqual({
        ageBand: { '25to34': 4, preferNotToSay: 1 },
        gender: { preferNotToSay: 5 },
        ethnicity: { preferNotToSay: 5 },
        disability: { yes: 1, no: 3, preferNotToSay: 1 },
      });
      expect(await monitoring.read(otherBoard)).toBeNull();
    });

    it('takes at most maxResponses per board', async () => {
      const small = { ...limits, maxResponses: 2 };
      expect(await opened.monitoring.add(boardId, completeMonitoringAnswers({}), small)).toBe('added');
      expect(await opened.monitoring.add(boardId, completeMonitoringAnswers({}), small)).toBe('added');
      expect(await opened.monitoring.add(boardId, completeMonitoringAnswers({}), small)).toBe('full');
      expect(await opened.monitoring.add(otherBoard, completeMonitoringAnswers({}), small)).toBe('added');
    });

    it('keeps contacts as a sorted set per board, up to the cap', async () => {
      const { contacts } = opened;
      expect(await contacts.add(boardId, 'zoe@example.org', 3)).toBe('added');
      expect(await contacts.add(boardId, '07700 900123', 3)).toBe('added');
      expect(await contacts.add(boardId, 'amir@example.org', 3)).toBe('added');
      expect(await contacts.add(boardId, 'one too many', 3)).toBe('full');
      expect(await contacts.list(boardId)).toEqual(['07700 900123', 'amir@example.org', 'zoe@example.org']);
      expect(await contacts.list(otherBoard)).toEqual([]);
    });

    it('forgets a deleted board, and nothing of another', async () => {
      const { monitoring, contacts } = opened;
      for (const board of [boardId, otherBoard]) {
        for (let i = 0; i < 5; i += 1) await monitoring.add(board, completeMonitoringAnswers({ gender: 'woman' }), limits);
        await contacts.add(board, `${board}@example.org`, 10);
      }
      await monitoring.deleteBoard(boardId);
      await contacts.deleteBoard(boardId);
      expect(await monitoring.read(boardId)).toBeNull();
      expect(await contacts.list(boardId)).toEqual([]);
      expect(await monitoring.read(otherBoard)).toMatchObject({ released: 5 });
      expect(await contacts.list(otherBoard)).toEqual([`${otherBoard}@example.org`]);
    });
  });
}
