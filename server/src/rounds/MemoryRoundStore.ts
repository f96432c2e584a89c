import type { RoundState } from '@clapboard/shared';
import type { AddAnswerOutcome, NewAnswer, NewRound, ReceiptMatch, RoundStore, StoredAnswer, StoredRound } from './RoundStore.ts';

interface MemoryRound {
  round: NewRound;
  state: RoundState;
  publishedCount: number;
  answers: Map<string, NewAnswer | (Omit<NewAnswer, 'text' | 'lang'> & { text: null; lang: null })>;
}

const key = (boardId: string, roundId: string) => `${boardId}:${roundId}`;
const byId = (a: { answerId: string }, b: { answerId: string }) => (a.answerId < b.answerId ? -1 : a.answerId > b.answerId ? 1 : 0);

/** Non-durable RoundStore for tests; same contract as SqliteRoundStore. */
export class MemoryRoundStore implements RoundStore {
  private readonly rounds = new Map<string, MemoryRound>();
  private closed = false;

  async createRound(round: NewRound): Promise<void> {
    this.assertOpen();
    const id = key(round.boardId, round.roundId);
    if (this.rounds.has(id)) throw new Error('round exists');
    this.rounds.set(id, { round: structuredClone(round), state: 'open', publishedCount: 0, answers: new Map() });
  }

  async getRound(boardId: string, roundId: string): Promise<StoredRound | null> {
    const entry = this.rounds.get(key(boardId, roundId));
    return entry ? this.stored(entry) : null;
  }

  async listRounds(state: RoundState): Promise<StoredRound[]> {
    return [...this.rounds.values()].filter((entry) => entry.state === state).map((entry) => this.stored(entry));
  }

  async addAnswer(boardId: string, roundId: string, answer: NewAnswer, maxAnswers: number): Promise<AddAnswerOutcome> {
    this.assertOpen();
    const entry = this.rounds.get(key(boardId, roundId));
    if (!entry) return 'missing';
    if (entry.state !== 'open') return 'closed';
    if (entry.answers.size >= maxAnswers) return 'full';
    entry.answers.set(answer.answerId, { ...answer });
    return 'added';
  }

  async editAnswer(boardId: string, roundId: string, receiptHash: string, text: string, lang: string | null): Promise<ReceiptMatch | null> {
    this.assertOpen();
    const entry = this.rounds.get(key(boardId, roundId));
    const answer = entry && [...entry.answers.values()].find((candidate) => candidate.receiptHash === receiptHash);
    if (!entry || !answer) return null;
    const revealed = entry.state === 'revealed';
    if (!revealed) entry.answers.set(answer.answerId, { answerId: answer.answerId, receiptHash, text, lang });
    return { roundId, answerId: answer.answerId, revealed };
  }

  async withdrawAnswer(boardId: string, roundId: string, receiptHash: string): Promise<ReceiptMatch | null> {
    this.assertOpen();
    const entry = this.rounds.get(key(boardId, roundId));
    const answer = entry && [...entry.answers.values()].find((candidate) => candidate.receiptHash === receiptHash);
    if (!entry || !answer) return null;
    entry.answers.delete(answer.answerId);
    return { roundId, answerId: answer.answerId, revealed: entry.state === 'revealed' };
  }

  async findByReceipt(boardId: string, receiptHash: string): Promise<ReceiptMatch | null> {
    for (const entry of this.rounds.values()) {
      if (entry.round.boardId !== boardId) continue;
      for (const answer of entry.answers.values()) {
        if (answer.receiptHash === receiptHash) return { roundId: entry.round.roundId, answerId: answer.answerId, revealed: entry.state === 'revealed' };
      }
    }
    return null;
  }

  async listAnswers(boardId: string, roundId: string): Promise<StoredAnswer[]> {
    const entry = this.rounds.get(key(boardId, roundId));
    if (!entry) return [];
    return [...entry.answers.values()].map(({ answerId, text, lang }) => ({ answerId, text, lang })).sort(byId);
  }

  async setState(boardId: string, roundId: string, state: 'closed' | 'revealed', from: readonly RoundState[]): Promise<boolean> {
    this.assertOpen();
    const entry = this.rounds.get(key(boardId, roundId));
    if (!entry || !from.includes(entry.state)) return false;
    entry.state = state;
    if (state === 'revealed') {
      for (const answer of entry.answers.values()) entry.answers.set(answer.answerId, { answerId: answer.answerId, receiptHash: answer.receiptHash, text: null, lang: null });
    }
    return true;
  }

  async setPublishedCount(boardId: string, roundId: string, count: number): Promise<void> {
    this.assertOpen();
    const entry = this.rounds.get(key(boardId, roundId));
    if (entry) entry.publishedCount = count;
  }

  async deleteBoard(boardId: string): Promise<void> {
    this.assertOpen();
    for (const [id, entry] of this.rounds) if (entry.round.boardId === boardId) this.rounds.delete(id);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('store is closed');
  }

  private stored(entry: MemoryRound): StoredRound {
    return { ...structuredClone(entry.round), state: entry.state, publishedCount: entry.publishedCount, answerCount: entry.answers.size };
  }
}
