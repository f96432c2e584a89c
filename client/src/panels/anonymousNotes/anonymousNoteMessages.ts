import type { TFunction } from 'i18next';
import { interfaceLanguageTag, readableZodMessage } from '../apiMessages.ts';
import { ApiErrorCode } from '@clapboard/shared';
import type { AnonymousNotesError } from '../../connection/anonymousNotesApi.ts';

/**
 * A refused request in words a person can act on. The server's own message
 * is shown only for a 400 (it names the field and the limit); every other
 * refusal has a sentence of ours, by code.
 */
export function anonymousNoteErrorText(t: TFunction, error: AnonymousNotesError): string {
  if (error.status === null) return t('anonymousNotes.error.network');
  switch (error.code) {
    case ApiErrorCode.AnonymousNotesOff:
      return t('anonymousNotes.error.off');
    case ApiErrorCode.AnonymousNotesFull:
      return t('anonymousNotes.error.full');
    case ApiErrorCode.AnswerHidden:
      return t('anonymousNotes.error.hidden');
    case ApiErrorCode.NotFound:
      return t('anonymousNotes.error.noNote');
    case ApiErrorCode.Unauthorized:
    case ApiErrorCode.Forbidden:
      return t('anonymousNotes.error.forbidden');
    case ApiErrorCode.BadRequest:
      return t('anonymousNotes.error.invalid', { message: readableZodMessage(error.message) });
    default:
      return t('anonymousNotes.error.unknown', { status: error.status });
  }
}

/** A note's `lang`: the interface language when it is a language tag. */
export const noteLanguage = interfaceLanguageTag;
