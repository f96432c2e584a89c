import {
  CreateRoundResponseSchema,
  ReceiptLookupResponseSchema,
  RoundSummarySchema,
  SubmitAnswerResponseSchema,
  type CreateRoundRequest,
  type EditAnswerRequest,
  type ReceiptLookupResponse,
  type RoundSummary,
  type SubmitAnswerRequest,
} from '@clapboard/shared';
import { boardApiRequest, type BoardApiError, type BoardApiResult, type ResponseParser } from './boardApiRequest.ts';

/** Why a rounds request did not do what it asked (./boardApiRequest.ts). */
export type RoundsError = BoardApiError;
export type RoundsResult<T> = BoardApiResult<T>;

/**
 * The anonymous rounds HTTP API (docs/protocol.md, "Rounds"). Answers travel
 * here, as their own requests, and never through a Y.Doc or awareness: every
 * Yjs item carries its author's client id, which awareness maps to a name
 * (docs/anonymity.md). Receipts go in bodies only, never in a URL.
 */
export class RoundsApi {
  constructor(
    private readonly boardId: string,
    /** Null for `?dev` boards and links without a key: every call then fails as unauthorised, without a request. */
    private readonly token: string | null,
  ) {}

  createRound(body: CreateRoundRequest): Promise<RoundsResult<string>> {
    return this.request('POST', 'rounds', body, CreateRoundResponseSchema).then((result) => (result.ok ? { ok: true, value: result.value.roundId } : result));
  }

  /** Resolves with the receipt only once the server has stored the answer (its 201). */
  submitAnswer(roundId: string, body: SubmitAnswerRequest): Promise<RoundsResult<string>> {
    return this.request('POST', `rounds/${encodeURIComponent(roundId)}/answers`, body, SubmitAnswerResponseSchema).then((result) =>
      result.ok ? { ok: true, value: result.value.receipt } : result,
    );
  }

  /**
   * A facilitator types in an answer someone wrote on paper. The server
   * sends a receipt as for any answer; it is dropped here, unread: a receipt
   * on the facilitator's device would let the facilitator, not the author,
   * edit or withdraw it, and there is no way to hand it to the author.
   * No `lang`: the facilitator's interface language says nothing about the
   * paper's.
   */
  transcribeAnswer(roundId: string, text: string): Promise<RoundsResult<null>> {
    return this.request('POST', `rounds/${encodeURIComponent(roundId)}/answers`, { text, transcribed: true }, null);
  }

  editAnswer(roundId: string, body: EditAnswerRequest): Promise<RoundsResult<null>> {
    return this.request('PUT', `rounds/${encodeURIComponent(roundId)}/answers`, body, null);
  }

  /** The body is `{ receipt }` alone: the route's schema is strict, and a withdrawal needs no words. */
  withdrawAnswer(roundId: string, receipt: string): Promise<RoundsResult<null>> {
    return this.request('DELETE', `rounds/${encodeURIComponent(roundId)}/answers`, { receipt }, null);
  }

  closeRound(roundId: string): Promise<RoundsResult<RoundSummary>> {
    return this.request('POST', `rounds/${encodeURIComponent(roundId)}/close`, undefined, RoundSummarySchema);
  }

  revealRound(roundId: string): Promise<RoundsResult<RoundSummary>> {
    return this.request('POST', `rounds/${encodeURIComponent(roundId)}/reveal`, undefined, RoundSummarySchema);
  }

  /** Facilitators: replaces a revealed answer's words, on every copy of the board, with `reason`. */
  hideAnswer(answerId: string, reason: string): Promise<RoundsResult<null>> {
    return this.request('POST', `answers/${encodeURIComponent(answerId)}/hide`, { reason }, null);
  }

  lookupReceipt(receipt: string): Promise<RoundsResult<ReceiptLookupResponse>> {
    return this.request('POST', 'receipts/lookup', { receipt }, ReceiptLookupResponseSchema);
  }

  private request(method: string, path: string, body: unknown, schema: null): Promise<RoundsResult<null>>;
  private request<T>(method: string, path: string, body: unknown, schema: ResponseParser<T>): Promise<RoundsResult<T>>;
  private request<T>(method: string, path: string, body: unknown, schema: ResponseParser<T> | null): Promise<RoundsResult<T | null>> {
    return schema ? boardApiRequest(this.boardId, this.token, method, path, body, schema) : boardApiRequest(this.boardId, this.token, method, path, body, null);
  }
}
