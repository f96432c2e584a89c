import { AnswerReceipts } from './AnswerReceipts.ts';

/**
 * Receipts of this device's own anonymous notes on one board, keyed by the
 * note's card key (`answerId`): the same kind of record as a round answer's
 * receipt, under keys of their own (`clapboard.anonymous-note.<boardId>.<answerId>`),
 * so neither list ever reads the other's. They never leave the device except
 * in the body of a request about that note (docs/anonymity.md).
 */
export class AnonymousNoteReceipts extends AnswerReceipts {
  constructor(boardId: string) {
    super(boardId, 'clapboard.anonymous-note.');
  }
}
