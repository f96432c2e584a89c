import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import * as Y from 'yjs';
import {
  getAnswersMap,
  getObjectsMap,
  getRoundsMap,
  randomId,
  readRevealedAnswer,
  type CreateRoundRequestSchema,
  type ReceiptLookupResponse,
  type RoundSummary,
  type TransactionOrigin,
} from '@clapboard/shared';
import type { z } from 'zod';
import { hashToken } from '../auth/capabilityTokens.ts';
import type { RoundLimits } from '../config.ts';
import { boardLogRef } from '../logRef.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';
import { KeyedLock } from './KeyedLock.ts';
import { shuffled, writeReveal } from './revealLayout.ts';
import type { RoundStore, StoredRound } from './RoundStore.ts';

const ROUND_ORIGIN = Object.freeze({ kind: 'server', reason: 'round' } as const) satisfies TransactionOrigin;
const REVEAL_ORIGIN = Object.freeze({ kind: 'server', reason: 'round-reveal' } as const) satisfies TransactionOrigin;
const EDIT_ORIGIN = Object.freeze({ kind: 'server', reason: 'answer-edit' } as const) satisfies TransactionOrigin;

/**
 * The public count moves only when it is off by at least this many: one new
 * answer alone never shows, so a change cannot be pinned on one person.
 */
export const MIN_COUNT_STEP = 2;

export type SubmitOutcome = { ok: true; receipt: string } | { ok: false; reason: 'missing' | 'closed' | 'full' };
export type ChangeOutcome = 'done' | 'missing' | 'hidden';
export type RevealOutcome = { ok: true; summary: RoundSummary & { frameId: string } } | { ok: false; reason: 'missing' | 'below-threshold' | 'already-revealed' };

const roundKey = (boardId: string, roundId: string) => `${boardId}\u0000${roundId}`;
/** Past its closing time (the round closes on the next request or tick that looks). */
const isDue = (round: StoredRound) => round.closesAt !== null && Date.parse(round.closesAt) <= Date.now();

/** 256 random bits, base64url: the author's only handle on their answer. */
function newReceipt(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Anonymous rounds: what the routes (roundRoutes.ts) do, and the tick that
 * publishes coarse counts. Answers live in the RoundStore until reveal and
 * reach a Y.Doc only then, written by the server's own Yjs client. See
 * docs/anonymity.md for why each step is as it is.
 */
export class RoundService {
  private readonly locks = new KeyedLock();
  /** Rounds whose stored count may differ from the published one. */
  private readonly dirty = new Map<string, { boardId: string; roundId: string }>();
  /** Open rounds with a closing time, ms since the epoch. */
  private readonly deadlines = new Map<string, { boardId: string; roundId: string; at: number }>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: RoundStore,
    private readonly rooms: RoomRegistry,
    private readonly limits: RoundLimits,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Picks up rounds left open or closed by an earlier process, then ticks every ROUND_COUNT_TICK_MS. */
  async start(): Promise<void> {
    for (const state of ['open', 'closed'] as const) {
      for (const round of await this.store.listRounds(state)) {
        this.dirty.set(roundKey(round.boardId, round.roundId), round);
        if (state === 'open' && round.closesAt) this.deadlines.set(roundKey(round.boardId, round.roundId), { ...round, at: Date.parse(round.closesAt) });
      }
    }
    this.timer = setInterval(() => {
      this.ticking = this.ticking.then(() => this.tick());
    }, this.limits.countTickMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }

  async create(boardId: string, request: z.output<typeof CreateRoundRequestSchema>): Promise<string> {
    const roundId = randomId(16);
    const closesAt = request.closesAt ? new Date(request.closesAt).toISOString() : null;
    const round = { boardId, roundId, prompt: request.prompt, k: request.k, translations: request.translations ?? null, closesAt };
    await this.store.createRound(round);
    if (closesAt) this.deadlines.set(roundKey(boardId, roundId), { boardId, roundId, at: Date.parse(closesAt) });
    await this.publish(boardId, roundId, {
      prompt: round.prompt,
      k: round.k,
      state: 'open',
      count: 0,
      ...(round.translations ? { translations: round.translations } : {}),
      ...(closesAt ? { closesAt } : {}),
    });
    return roundId;
  }

  /** The public summary: state, prompt and the coarse count. Null for an unknown round. */
  summary(boardId: string, roundId: string): Promise<RoundSummary | null> {
    return this.locks.run(roundKey(boardId, roundId), async () => {
      const round = await this.current(boardId, roundId);
      return round ? { state: round.state, prompt: round.prompt, count: round.publishedCount } : null;
    });
  }

  /**
   * Not under the round's lock: submissions must share the writer's group
   * commits (fifty people answering at once), and they need no lock. The
   * store refuses an answer to a round that is not open inside the same
   * transaction, and a reveal closes the round in the store before it reads
   * the answers, so nothing can slip in after that read.
   */
  async submit(boardId: string, roundId: string, text: string, lang: string | null): Promise<SubmitOutcome> {
    let round = await this.store.getRound(boardId, roundId);
    if (round?.state === 'open' && isDue(round)) round = await this.locks.run(roundKey(boardId, roundId), () => this.current(boardId, roundId));
    if (!round) return { ok: false, reason: 'missing' };
    if (round.state !== 'open') return { ok: false, reason: 'closed' };
    const receipt = newReceipt();
    const answerId = randomBytes(16).toString('base64url');
    const outcome = await this.store.addAnswer(boardId, roundId, { answerId, receiptHash: hashToken(receipt), text, lang }, this.limits.maxAnswersPerRound);
    if (outcome !== 'added') return { ok: false, reason: outcome };
    this.dirty.set(roundKey(boardId, roundId), { boardId, roundId });
    return { ok: true, receipt };
  }

  /** Before reveal the stored text changes; after it, the words on the board (unless a facilitator hid them). */
  edit(boardId: string, roundId: string, receipt: string, text: string, lang: string | null): Promise<ChangeOutcome> {
    return this.locks.run(roundKey(boardId, roundId), async () => {
      const receiptHash = hashToken(receipt);
      const known = await this.store.findByReceipt(boardId, receiptHash);
      if (!known || known.roundId !== roundId) return 'missing';
      if (known.revealed) {
        return this.rooms.withRoom({ boardId, doc: 'content' }, async (room) => {
          const current = readRevealedAnswer(room.doc, known.answerId);
          if (!current) return 'missing';
          if (current.hidden) return 'hidden';
          await room.transactDurably(() => {
            const entry = getAnswersMap(room.doc).get(known.answerId) as Y.Map<unknown>;
            entry.set('text', text);
            if (lang) entry.set('lang', lang);
            else if (entry.has('lang')) entry.delete('lang');
          }, EDIT_ORIGIN);
          return 'done';
        });
      }
      const match = await this.store.editAnswer(boardId, roundId, receiptHash, text, lang);
      return match ? 'done' : 'missing';
    });
  }

  /** Removes an answer: from the store, and from the board if it was revealed. */
  withdraw(boardId: string, roundId: string, receipt: string): Promise<ChangeOutcome> {
    return this.locks.run(roundKey(boardId, roundId), async () => {
      const match = await this.store.withdrawAnswer(boardId, roundId, hashToken(receipt));
      if (!match) return 'missing';
      this.dirty.set(roundKey(boardId, roundId), { boardId, roundId });
      if (match.revealed) {
        await this.rooms.withRoom({ boardId, doc: 'content' }, (room) =>
          room.transactDurably(() => {
            getAnswersMap(room.doc).delete(match.answerId);
            getObjectsMap(room.doc).delete(match.answerId);
          }, EDIT_ORIGIN),
        );
      }
      return 'done';
    });
  }

  /** Stops taking answers and publishes the exact count. Closing a closed round is a no-op. */
  close(boardId: string, roundId: string): Promise<RoundSummary | 'missing' | 'already-revealed'> {
    return this.locks.run(roundKey(boardId, roundId), async () => {
      const round = await this.current(boardId, roundId);
      if (!round) return 'missing';
      if (round.state === 'revealed') return 'already-revealed';
      const closed = round.state === 'open' ? await this.closeNow(round) : round;
      return { state: closed.state, prompt: closed.prompt, count: closed.publishedCount };
    });
  }

  reveal(boardId: string, roundId: string): Promise<RevealOutcome> {
    return this.locks.run(roundKey(boardId, roundId), async () => {
      let round = await this.current(boardId, roundId);
      if (!round) return { ok: false, reason: 'missing' };
      if (round.state === 'revealed') return { ok: false, reason: 'already-revealed' };
      if (round.answerCount < round.k) return { ok: false, reason: 'below-threshold' };
      if (round.state === 'open') round = await this.closeNow(round);
      const answers = shuffled(await this.store.listAnswers(boardId, roundId));
      const frameId = await this.rooms.withRoom({ boardId, doc: 'content' }, async (room) => {
        let id = '';
        await room.transactDurably(() => {
          id = writeReveal(room.doc, round, answers);
        }, REVEAL_ORIGIN);
        return id;
      });
      await this.store.setState(boardId, roundId, 'revealed', ['closed']);
      await this.store.setPublishedCount(boardId, roundId, answers.length);
      await this.publish(boardId, roundId, { state: 'revealed', count: answers.length, frameId });
      this.dirty.delete(roundKey(boardId, roundId));
      return { ok: true, summary: { state: 'revealed', prompt: round.prompt, count: answers.length, frameId } };
    });
  }

  /** A facilitator hides a revealed answer: its words leave the board, the reason is shown instead. */
  hide(boardId: string, answerId: string, reason: string): Promise<'done' | 'missing'> {
    return this.rooms.withRoom({ boardId, doc: 'content' }, async (room) => {
      const entry = getAnswersMap(room.doc).get(answerId);
      if (!(entry instanceof Y.Map) || !readRevealedAnswer(room.doc, answerId)) return 'missing';
      await room.transactDurably(() => {
        entry.set('text', '');
        if (entry.has('lang')) entry.delete('lang');
        entry.set('hidden', true);
        entry.set('hiddenReason', reason);
      }, EDIT_ORIGIN);
      return 'done';
    });
  }

  async lookup(boardId: string, receipt: string): Promise<ReceiptLookupResponse | null> {
    const match = await this.store.findByReceipt(boardId, hashToken(receipt));
    if (!match) return null;
    let hiddenReason: string | null = null;
    if (match.revealed) {
      const answer = await this.rooms.withRoom({ boardId, doc: 'content' }, (room) => readRevealedAnswer(room.doc, match.answerId));
      hiddenReason = answer?.hidden ? (answer.hiddenReason ?? '') : null;
    }
    return { roundId: match.roundId, revealed: match.revealed, answerId: match.revealed ? match.answerId : null, hiddenReason, theme: null, actions: [] };
  }

  /**
   * One tick: closes rounds past their closing time, and publishes the count
   * of every round whose stored count is off the published one by at least
   * MIN_COUNT_STEP. Exported for tests through `tickNow`.
   */
  private async tick(): Promise<void> {
    const now = Date.now();
    for (const [key, deadline] of [...this.deadlines]) {
      if (deadline.at > now) continue;
      await this.guarded(deadline, () => this.locks.run(key, async () => void (await this.current(deadline.boardId, deadline.roundId))));
    }
    for (const [key, target] of [...this.dirty]) {
      await this.guarded(target, () =>
        this.locks.run(key, async () => {
          const round = await this.store.getRound(target.boardId, target.roundId);
          if (!round || round.state === 'revealed') {
            this.forgetDirty(key, target);
            return;
          }
          if (Math.abs(round.answerCount - round.publishedCount) < MIN_COUNT_STEP) {
            // Nothing to show yet; the next change marks it again.
            this.forgetDirty(key, target);
            return;
          }
          await this.store.setPublishedCount(round.boardId, round.roundId, round.answerCount);
          await this.publish(round.boardId, round.roundId, { count: round.answerCount });
          this.forgetDirty(key, target);
        }),
      );
    }
  }

  /**
   * Drops a round's mark only if nothing marked it again while this tick
   * read it: an answer committed during the read sets a new mark, which must
   * survive for the next tick, or the count would stay behind until some
   * later change. (Marks are fresh objects, so identity tells them apart.)
   */
  private forgetDirty(key: string, seen: { boardId: string; roundId: string }): void {
    if (this.dirty.get(key) === seen) this.dirty.delete(key);
  }

  /** Test hook: run one tick now and wait for it. */
  tickNow(): Promise<void> {
    this.ticking = this.ticking.then(() => this.tick());
    return this.ticking;
  }

  private async guarded(target: { boardId: string }, task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } catch (error) {
      this.log.error({ board: boardLogRef(target.boardId), err: error }, 'round tick failed');
    }
  }

  /** The round as stored, closed first if its closing time has passed. */
  private async current(boardId: string, roundId: string): Promise<StoredRound | null> {
    const round = await this.store.getRound(boardId, roundId);
    if (round?.state === 'open' && isDue(round)) return this.closeNow(round);
    return round;
  }

  /** Closes an open round and publishes its exact count: the only time an exact count of an unrevealed round is shown. */
  private async closeNow(round: StoredRound): Promise<StoredRound> {
    await this.store.setState(round.boardId, round.roundId, 'closed', ['open']);
    const closed = (await this.store.getRound(round.boardId, round.roundId))!;
    await this.store.setPublishedCount(round.boardId, round.roundId, closed.answerCount);
    await this.publish(round.boardId, round.roundId, { state: 'closed', count: closed.answerCount });
    this.deadlines.delete(roundKey(round.boardId, round.roundId));
    this.dirty.delete(roundKey(round.boardId, round.roundId));
    return { ...closed, publishedCount: closed.answerCount };
  }

  /** Sets fields of `rounds.<roundId>` in the control document, from the server's own Yjs client. */
  private publish(boardId: string, roundId: string, fields: Record<string, unknown>): Promise<void> {
    return this.rooms.withRoom({ boardId, doc: 'control' }, (room) =>
      room.transactDurably(() => {
        const rounds = getRoundsMap(room.doc);
        let entry = rounds.get(roundId);
        if (!(entry instanceof Y.Map)) {
          entry = new Y.Map<unknown>();
          rounds.set(roundId, entry);
        }
        const map = entry as Y.Map<unknown>;
        for (const [field, value] of Object.entries(fields)) if (map.get(field) !== value) map.set(field, value);
      }, ROUND_ORIGIN),
    );
  }
}
