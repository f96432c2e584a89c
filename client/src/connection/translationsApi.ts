import type { DeleteTranslationRequest, PutTranslationRequest } from '@clapboard/shared';
import { boardApiRequest, type BoardApiResult } from './boardApiRequest.ts';

/**
 * Translations (docs/protocol.md, "Translations"): sent as their own
 * request, and written by the server, never by this page's Y.Doc, so the
 * original keeps its author and an anonymous answer stays anonymous.
 */
export class TranslationsApi {
  constructor(
    private readonly boardId: string,
    private readonly token: string | null,
  ) {}

  put(body: PutTranslationRequest): Promise<BoardApiResult<null>> {
    return boardApiRequest(this.boardId, this.token, 'PUT', 'translations', body, null);
  }

  remove(body: DeleteTranslationRequest): Promise<BoardApiResult<null>> {
    return boardApiRequest(this.boardId, this.token, 'DELETE', 'translations', body, null);
  }
}
