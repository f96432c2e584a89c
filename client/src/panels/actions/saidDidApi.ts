import {
  SaidDidLinkResponseSchema,
  SaidDidReceiptResponseSchema,
  SaidDidResponseSchema,
  type SaidDidLinkResponse,
  type SaidDidReceiptResponse,
  type SaidDidResponse,
} from '@clapboard/shared';
import { boardApiRequest, type BoardApiResult } from '../../connection/boardApiRequest.ts';

/**
 * The "You said, we did" routes (docs/protocol.md): the page's body, a
 * facilitator publishing a public link, and a receipt lookup. The token is
 * a board token or a public link's; receipts go in the body of one request
 * and are kept nowhere by the page.
 */
export class SaidDidApi {
  constructor(
    private readonly boardId: string,
    private readonly token: string | null,
  ) {}

  read(): Promise<BoardApiResult<SaidDidResponse>> {
    return boardApiRequest(this.boardId, this.token, 'GET', 'said-did', undefined, SaidDidResponseSchema);
  }

  publish(): Promise<BoardApiResult<SaidDidLinkResponse>> {
    return boardApiRequest(this.boardId, this.token, 'POST', 'said-did/link', undefined, SaidDidLinkResponseSchema);
  }

  themesOfReceipt(receipt: string): Promise<BoardApiResult<SaidDidReceiptResponse>> {
    return boardApiRequest(this.boardId, this.token, 'POST', 'said-did/receipt', { receipt }, SaidDidReceiptResponseSchema);
  }
}
