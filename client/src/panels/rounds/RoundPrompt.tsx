import { useTranslation } from 'react-i18next';
import type { RoundRecord } from '@clapboard/shared';
import { promptFor, readerLanguages } from './promptLanguage.ts';
import { usePromptTranslations } from './usePromptTranslations.ts';

/**
 * A round's question in the reader's language when the facilitator
 * translated it into one, with the original a click away (a translation can
 * be wrong, and some readers want both). With `roundId`, interpreters'
 * translations of it count too.
 */
export function RoundPrompt({ roundId, round }: { roundId?: string; round: Pick<RoundRecord, 'prompt' | 'translations'> }) {
  const { t, i18n } = useTranslation();
  const translations = usePromptTranslations(roundId, round);
  const shown = promptFor({ prompt: round.prompt, translations }, readerLanguages(i18n.language));
  return (
    <>
      <p className="round-prompt" dir="auto" lang={shown.lang} data-testid="round-prompt">
        {shown.text}
      </p>
      {shown.lang && (
        <details className="round-original" data-testid="round-original">
          <summary>{t('rounds.prompt.original')}</summary>
          <p dir="auto" className="round-original-text">
            {round.prompt}
          </p>
        </details>
      )}
    </>
  );
}
