import { RetentionResponseSchema, type MonitoringAnswers, type RetentionResponse } from '@clapboard/shared';
import { boardApiRequest, type BoardApiResult } from './boardApiRequest.ts';

/**
 * Data protection over HTTP (docs/protocol.md, "Data protection"): a
 * participant's optional equality-monitoring answers and contact, each its
 * own request that carries nothing else (no receipt, no note, no client
 * id); a facilitator's retention date.
 */
export class PrivacyApi {
  constructor(
    private readonly boardId: string,
    /** Null for `?dev` boards: every call then fails as unauthorised, without a request. */
    private readonly token: string | null,
  ) {}

  submitMonitoring(answers: MonitoringAnswers): Promise<BoardApiResult<null>> {
    return boardApiRequest(this.boardId, this.token, 'POST', 'monitoring', answers, null);
  }

  leaveContact(contact: string): Promise<BoardApiResult<null>> {
    return boardApiRequest(this.boardId, this.token, 'POST', 'contact', { contact }, null);
  }

  /** Facilitators: erases the board now, for everyone (`DELETE /api/boards/:id`, 204). */
  deleteBoard(): Promise<BoardApiResult<null>> {
    return boardApiRequest(this.boardId, this.token, 'DELETE', '', undefined, null);
  }

  setRetentionDate(deleteOn: string): Promise<BoardApiResult<RetentionResponse>> {
    return boardApiRequest(this.boardId, this.token, 'PUT', 'retention', { deleteOn }, RetentionResponseSchema);
  }
}
