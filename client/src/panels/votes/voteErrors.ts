import type { TFunction } from 'i18next';
import { readableZodMessage } from '../apiMessages.ts';
import type { FlowResult } from './ballotFlow.ts';

/** A person-readable sentence for a failed vote request. */
export function voteErrorMessage(t: TFunction, failure: Extract<FlowResult, { ok: false }>['error']): string {
  if (failure === 'insecure') return t('votes.error.insecure');
  if (failure.status === null) return t('votes.error.network');
  switch (failure.code) {
    case 'VOTE_CLOSED':
      return t('votes.error.closed');
    case 'BALLOT_REFUSED':
      return t('votes.error.code');
    case 'FORBIDDEN':
      return t('votes.error.forbidden');
    default:
      return t('votes.error.invalid', { message: readableZodMessage(failure.message) });
  }
}
