import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundRecord } from '@clapboard/shared';
import { ClosingTime } from './ClosingTime.tsx';
import { RoundPrompt } from './RoundPrompt.tsx';

/**
 * An open round as an observer sees it: the question and when it closes,
 * nothing to answer with. Observers follow the session too (a room display,
 * a commissioner sitting in), and "five minutes left" is part of it.
 */
export function RoundNotice({ roundId, round }: { roundId: string; round: RoundRecord }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="round-notice panel" aria-labelledby={`${id}-heading`} data-testid="round-notice" data-round-id={roundId}>
      <h2 id={`${id}-heading`}>{t('rounds.observer.heading')}</h2>
      <RoundPrompt roundId={roundId} round={round} />
      {round.closesAt && <ClosingTime closesAt={round.closesAt} />}
    </section>
  );
}
