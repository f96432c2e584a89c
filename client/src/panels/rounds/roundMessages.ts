import type { TFunction } from 'i18next';
import { ApiErrorCode, LanguageTagSchema, type RoundRecord } from '@clapboard/shared';
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

/** zod's prettified message ("✖ text must not be empty\n  → at text") without its decorations. */
function readableZodMessage(message: string): string {
  return message
    .split('\n')
    .filter((line) => !line.trim().startsWith('→'))
    .map((line) => line.replace(/^\s*✖\s*/, '').trim())
    .filter(Boolean)
    .join('; ');
}

/**
 * The prompt in the reader's language when the facilitator gave one: the
 * exact tag first (`pt-BR`), then its base (`pt`). `lang` is set only for a
 * translation; the original's language is not recorded.
 */
export function localPrompt(round: Pick<RoundRecord, 'prompt' | 'translations'>, language: string): { text: string; lang?: string } {
  const translations = round.translations ?? {};
  const base = language.split('-')[0] ?? language;
  const tag = [language, base].find((candidate) => typeof translations[candidate] === 'string');
  return tag ? { text: translations[tag]!, lang: tag } : { text: round.prompt };
}

/** The interface language as a `lang` for an answer, or nothing when it is not a language tag (i18next's `cimode`). */
export function answerLanguage(language: string): string | undefined {
  return LanguageTagSchema.safeParse(language).success ? language : undefined;
}
