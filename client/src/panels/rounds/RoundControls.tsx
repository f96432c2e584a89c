import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundsApi } from '../../connection/roundsApi.ts';
import type { RoundEntry } from '../../model/Rounds.ts';
import { NewRoundForm } from './NewRoundForm.tsx';
import { RoundRow } from './RoundRow.tsx';

/**
 * A facilitator's rounds: ask a question, watch its state and coarse count
 * (from the control document, which the server writes), close and reveal.
 * No answer's words reach this panel before reveal: there are none to read
 * (docs/anonymity.md).
 */
export function RoundControls({ api, rounds }: { api: RoundsApi; rounds: readonly RoundEntry[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="round-controls panel" aria-labelledby={`${id}-heading`} data-testid="round-controls">
      <h2 id={`${id}-heading`}>{t('rounds.controls.heading')}</h2>
      <p className="round-note">{t('rounds.controls.intro')}</p>
      <NewRoundForm api={api} />
      <h3>{t('rounds.controls.list')}</h3>
      {rounds.length === 0 ? (
        <p className="round-note">{t('rounds.controls.none')}</p>
      ) : (
        <ul className="round-list">
          {rounds.map(({ id: roundId, round }) => (
            <RoundRow key={roundId} roundId={roundId} round={round} api={api} />
          ))}
        </ul>
      )}
    </section>
  );
}
