import {
  ApiErrorSchema,
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

/**
 * Why a rounds request did not do what it asked. `status` is null when no
 * answer came back at all (offline, server down); `code` is the server's
 * ApiErrorCode when it sent one, so callers can tell `ROUND_CLOSED` from
 * `BELOW_THRESHOLD` without reading prose.
 */
export interface RoundsError {
  status: number | null;
  code: string | null;
  message: string;
}

/** What `request` needs of a zod schema (the client does not depend on zod itself). */
interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export type RoundsResult<T> = { ok: true; value: T } | { ok: false; error: RoundsError };

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

  lookupReceipt(receipt: string): Promise<RoundsResult<ReceiptLookupResponse>> {
    return this.request('POST', 'receipts/lookup', { receipt }, ReceiptLookupResponseSchema);
  }

  private async request(method: string, path: string, body: unknown, schema: null): Promise<RoundsResult<null>>;
  private async request<T>(method: string, path: string, body: unknown, schema: Parser<T>): Promise<RoundsResult<T>>;
  private async request<T>(method: string, path: string, body: unknown, schema: Parser<T> | null): Promise<RoundsResult<T | null>> {
    if (!this.token) return { ok: false, error: { status: 401, code: null, message: 'no board token' } };
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}` };
    // No content type without a body: Fastify refuses an empty JSON body.
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`/api/boards/${encodeURIComponent(this.boardId)}/${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        // Nothing here may be replayed from a cache or leak through a referrer.
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
    } catch {
      return { ok: false, error: { status: null, code: null, message: 'network' } };
    }
    if (!response.ok) {
      const parsed = ApiErrorSchema.safeParse(await response.json().catch(() => null));
      return { ok: false, error: { status: response.status, code: parsed.success ? parsed.data.code : null, message: parsed.success ? parsed.data.message : response.statusText } };
    }
    if (!schema) return { ok: true, value: null };
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) return { ok: false, error: { status: response.status, code: null, message: 'invalid response' } };
    return { ok: true, value: parsed.data };
  }
}
