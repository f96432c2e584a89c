import type { TFunction } from 'i18next';
import { interfaceLanguageTag, readableZodMessage } from '../apiMessages.ts';
import { ApiErrorCode, type RoundRecord } from '@clapboard/shared';
import type { RoundsError } from '../../connection/roundsApi.ts';

/**
 * A refused rounds request in words a person can act on. The server's own
 * message is shown only for a 400 (it names the field and the limit); every
 * other refusal has a sentence of ours, by code.
 */
export function roundErrorText(t: TFunction, error: RoundsError, round?: Pick<RoundRecord, 'k'>): string {
  if (error.status === null) return t('rounds.error.network');
  switch (error.code) {
    case ApiErrorCode.RoundClosed:
      return t('rounds.error.closed');
    case ApiErrorCode.RoundFull:
      return t('rounds.error.full');
    case ApiErrorCode.AnswerHidden:
      return t('rounds.error.hidden');
    case ApiErrorCode.BelowThreshold:
      return t('rounds.error.belowThreshold', { k: round?.k ?? '?' });
    case ApiErrorCode.AlreadyRevealed:
      return t('rounds.error.alreadyRevealed');
    case ApiErrorCode.NotFound:
      return t('rounds.error.noAnswer');
    case ApiErrorCode.Unauthorized:
    case ApiErrorCode.Forbidden:
      return t('rounds.error.forbidden');
    case ApiErrorCode.BadRequest:
      return t('rounds.error.invalid', { message: readableZodMessage(error.message) });
    default:
      return t('rounds.error.unknown', { status: error.status });
  }
}

/** An answer's `lang`: the interface language when it is a language tag. */
export const answerLanguage = interfaceLanguageTag;
