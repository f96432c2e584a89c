import { CloseCodeName, type CloseCode } from '@clapboard/shared';

/** A client broke the protocol; the connection that sent it is closed with `code`. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  constructor(
    readonly code: CloseCode,
    detail?: string,
  ) {
    super(detail ? `${CloseCodeName[code]}: ${detail}` : (CloseCodeName[code] ?? String(code)));
  }
}
