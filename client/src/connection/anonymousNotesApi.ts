import {
  AddAnonymousNoteResponseSchema,
  type AddAnonymousNoteRequest,
  type AddAnonymousNoteResponse,
  type EditAnonymousNoteRequest,
} from '@clapboard/shared';
import { boardApiRequest, type BoardApiError, type BoardApiResult } from './boardApiRequest.ts';

/** Why a request did not do what it asked (`ANONYMOUS_NOTES_OFF`, `ANSWER_HIDDEN`, no network…). */
export type AnonymousNotesError = BoardApiError;
export type AnonymousNotesResult<T> = BoardApiResult<T>;

/**
 * The anonymous notes HTTP API (docs/protocol.md, "Anonymous notes"). A note
 * in anonymous mode travels here, as its own request, and never through a
 * Y.Doc or awareness: every Yjs item carries its author's client id, which
 * awareness maps to a name (docs/anonymity.md). The token goes in
 * `Authorization: Bearer`, receipts in bodies: neither is ever in a URL.
 */
export class AnonymousNotesApi {
  constructor(
    private readonly boardId: string,
    /** Null for `?dev` boards and links without a key: every call then fails as unauthorised, without a request. */
    private readonly token: string | null,
  ) {}

  /** Resolves with the receipt only on the 201, which the server sends once the note is on the board. */
  add(body: AddAnonymousNoteRequest): Promise<AnonymousNotesResult<AddAnonymousNoteResponse>> {
    return boardApiRequest(this.boardId, this.token, 'POST', 'anonymous-notes', body, AddAnonymousNoteResponseSchema);
  }

  edit(body: EditAnonymousNoteRequest): Promise<AnonymousNotesResult<null>> {
    return boardApiRequest(this.boardId, this.token, 'PUT', 'anonymous-notes', body, null);
  }

  /** The body is `{ receipt }` alone: the route's schema is strict. */
  withdraw(receipt: string): Promise<AnonymousNotesResult<null>> {
    return boardApiRequest(this.boardId, this.token, 'DELETE', 'anonymous-notes', { receipt }, null);
  }
}
