import {
  CreatedLinkResponseSchema,
  ListLinksResponseSchema,
  type CreatedLinkResponse,
  type ListLinksResponse,
  type Role,
} from '@clapboard/shared';
import { boardApiRequest, type BoardApiResult } from './boardApiRequest.ts';

/**
 * The board's links (docs/protocol.md, "Links"), for facilitators: list,
 * add, rotate, revoke. A new link's token is in the answer that creates it
 * and nowhere else: the list names links by id and role only.
 */
export class LinksApi {
  constructor(
    private readonly boardId: string,
    /** Null for `?dev` boards: every call then fails as unauthorised, without a request. */
    private readonly token: string | null,
  ) {}

  list(): Promise<BoardApiResult<ListLinksResponse>> {
    return boardApiRequest(this.boardId, this.token, 'GET', 'links', undefined, ListLinksResponseSchema);
  }

  create(role: Role): Promise<BoardApiResult<CreatedLinkResponse>> {
    return boardApiRequest(this.boardId, this.token, 'POST', 'links', { role }, CreatedLinkResponseSchema);
  }

  /** A new link for the same role; the old one stops working, and its open pages are disconnected. */
  rotate(linkId: string): Promise<BoardApiResult<CreatedLinkResponse>> {
    return boardApiRequest(this.boardId, this.token, 'POST', `links/${encodeURIComponent(linkId)}/rotate`, undefined, CreatedLinkResponseSchema);
  }

  revoke(linkId: string): Promise<BoardApiResult<null>> {
    return boardApiRequest(this.boardId, this.token, 'DELETE', `links/${encodeURIComponent(linkId)}`, undefined, null);
  }
}
