import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import {
  anonymousNotesApply,
  getAnswersMap,
  getObjectsMap,
  objectEntries,
  readAnonymousNotesMode,
  readRevealedAnswer,
  type AddAnonymousNoteRequest,
  type TransactionOrigin,
} from '@clapboard/shared';
import { hashToken } from '../auth/capabilityTokens.ts';
import type { AnonymousNoteLimits } from '../config.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';
import type { AnonymousNoteStore } from './AnonymousNoteStore.ts';
import { frameAtPoint, writeAnonymousNote } from './anonymousNoteLayout.ts';

const NOTE_ORIGIN = Object.freeze({ kind: 'server', reason: 'anonymous-note' } as const) satisfies TransactionOrigin;

export type AddOutcome = { ok: true; receipt: string; answerId: string } | { ok: false; reason: 'off' | 'full' };
export type ChangeOutcome = 'done' | 'missing' | 'hidden';

/** 256 random bits, base64url: the author's only handle on their note. */
function newReceipt(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Anonymous sticky notes: what the routes (anonymousNoteRoutes.ts) do. The
 * note reaches the board only from the server's own Yjs client, and the
 * store keeps only the receipt's hash next to the card's key
 * (docs/anonymity.md, "Anonymous notes"). Nothing here logs.
 */
export class AnonymousNoteService {
  constructor(
    private readonly store: AnonymousNoteStore,
    private readonly rooms: RoomRegistry,
    private readonly limits: AnonymousNoteLimits,
  ) {}

  /**
   * Writes a note if anonymous mode applies at its point: the whole board,
   * or the frame there. Resolves once both the receipt's hash and the card
   * are durable.
   */
  add(boardId: string, request: AddAnonymousNoteRequest): Promise<AddOutcome> {
    return this.rooms.withRoom({ boardId, doc: 'content' }, async (room) => {
      const mode = await this.rooms.withRoom({ boardId, doc: 'control' }, (control) => readAnonymousNotesMode(control.doc));
      const frameId = frameAtPoint(room.doc, { x: request.x, y: request.y });
      if (!anonymousNotesApply(mode, frameId)) return { ok: false, reason: 'off' };
      const receipt = newReceipt();
      const receiptHash = hashToken(receipt);
      const answerId = randomBytes(16).toString('base64url');
      // The receipt first: a note on the board that nobody could edit or
      // withdraw would be worse than a stored hash that names nothing.
      if ((await this.store.add(boardId, receiptHash, answerId, this.limits.maxPerBoard)) === 'full') return { ok: false, reason: 'full' };
      try {
        await room.transactDurably(
          () => writeAnonymousNote(room.doc, { answerId, text: request.text, lang: request.lang ?? null, color: request.color ?? 'yellow' }, frameId),
          NOTE_ORIGIN,
        );
      } catch (error) {
        await this.store.remove(boardId, receiptHash).catch(() => {});
        throw error;
      }
      return { ok: true, receipt, answerId };
    });
  }

  /** Rewrites a note's words, from the server's client; not a note a facilitator hid. */
  async edit(boardId: string, receipt: string, text: string, lang: string | null): Promise<ChangeOutcome> {
    const answerId = await this.store.find(boardId, hashToken(receipt));
    if (!answerId) return 'missing';
    return this.rooms.withRoom({ boardId, doc: 'content' }, async (room) => {
      let outcome: ChangeOutcome = 'missing';
      // Checked and written in one synchronous transaction: nothing can withdraw or hide it in between.
      await room.transactDurably(() => {
        const entry = getAnswersMap(room.doc).get(answerId);
        const current = readRevealedAnswer(room.doc, answerId);
        if (!(entry instanceof Y.Map) || !current || !('anonymousNote' in current)) return;
        if (current.hidden) {
          outcome = 'hidden';
          return;
        }
        if (entry.get('text') !== text) entry.set('text', text);
        if (lang) entry.set('lang', lang);
        else if (entry.has('lang')) entry.delete('lang');
        outcome = 'done';
      }, NOTE_ORIGIN);
      return outcome;
    });
  }

  /**
   * Removes a note's words and every card showing them (copies too), then
   * forgets its receipt. The board first: if that fails the receipt still
   * works, and a second try finishes the job.
   */
  async withdraw(boardId: string, receipt: string): Promise<'done' | 'missing'> {
    const receiptHash = hashToken(receipt);
    const answerId = await this.store.find(boardId, receiptHash);
    if (!answerId) return 'missing';
    await this.rooms.withRoom({ boardId, doc: 'content' }, (room) =>
      room.transactDurably(() => {
        const answers = getAnswersMap(room.doc);
        if (answers.has(answerId)) answers.delete(answerId);
        const objects = getObjectsMap(room.doc);
        for (const [id, map] of [...objectEntries(room.doc)]) if (map.get('type') === 'answer' && map.get('answerId') === answerId) objects.delete(id);
      }, NOTE_ORIGIN),
    );
    await this.store.remove(boardId, receiptHash);
    return 'done';
  }
}
