import {
  CastBallotResponseSchema,
  CreateVoteResponseSchema,
  RedeemCodeResponseSchema,
  VoteRecordSchema,
  type CreateVoteRequest,
  type CreateVoteResponse,
  type VoteRecord,
} from '@clapboard/shared';
import { boardApiRequest, type BoardApiResult, type ResponseParser } from './boardApiRequest.ts';

/**
 * The anonymous votes HTTP API (docs/protocol.md, "Votes"). Ballots travel
 * here as their own requests and never through a Y.Doc or awareness, for
 * the same reason as answers (docs/anonymity.md).
 */
export class VotesApi {
  constructor(
    private readonly boardId: string,
    private readonly token: string | null,
  ) {}

  /** Facilitators. The codes, for a `codes` vote, come back this once. */
  createVote(body: CreateVoteRequest): Promise<BoardApiResult<CreateVoteResponse>> {
    return this.request('POST', 'votes', body, CreateVoteResponseSchema);
  }

  getVote(voteId: string): Promise<BoardApiResult<VoteRecord>> {
    return this.request('GET', `votes/${encodeURIComponent(voteId)}`, undefined, VoteRecordSchema);
  }

  closeVote(voteId: string): Promise<BoardApiResult<VoteRecord>> {
    return this.request('POST', `votes/${encodeURIComponent(voteId)}/close`, undefined, VoteRecordSchema);
  }

  /** Resolves ok only once the server has durably counted the ballot (its 201). */
  castBallot(voteId: string, ballot: string, choices: string[], signature?: string): Promise<BoardApiResult<unknown>> {
    return this.request('POST', `votes/${encodeURIComponent(voteId)}/ballots`, { ballot, choices, ...(signature ? { signature } : {}) }, CastBallotResponseSchema);
  }

  /** Spends a one-time code for a blind signature on a blinded ballot (./blindBallot.ts). */
  redeemCode(voteId: string, code: string, blindedBallot: string): Promise<BoardApiResult<string>> {
    return this.request('POST', `votes/${encodeURIComponent(voteId)}/tokens`, { code, blindedBallot }, RedeemCodeResponseSchema).then((result) =>
      result.ok ? { ok: true, value: result.value.blindSignature } : result,
    );
  }

  private request<T>(method: string, path: string, body: unknown, schema: ResponseParser<T>): Promise<BoardApiResult<T>> {
    return boardApiRequest(this.boardId, this.token, method, path, body, schema);
  }
}
