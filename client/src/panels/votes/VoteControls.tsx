import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VotesApi } from '../../connection/votesApi.ts';
import type { VoteEntry } from '../../model/Votes.ts';
import { NewVoteForm } from './NewVoteForm.tsx';
import { voteErrorMessage } from './voteErrors.ts';
import { VoteResults } from './VoteResults.tsx';
import { VotingCodes } from './VotingCodes.tsx';

/**
 * A facilitator's votes: start one, close it, read its results. While a
 * vote is open not even this panel knows how it stands: the server shows
 * counts only once it is closed (docs/anonymity.md, "Votes").
 */
export function VoteControls({ api, votes }: { api: VotesApi; votes: readonly VoteEntry[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [codes, setCodes] = useState<{ voteId: string; codes: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = async (voteId: string) => {
    setError(null);
    const result = await api.closeVote(voteId);
    if (!result.ok) setError(voteErrorMessage(t, result.error));
  };
  return (
    <section className="round-controls panel" aria-labelledby={`${id}-heading`} data-testid="vote-controls">
      <h2 id={`${id}-heading`}>{t('votes.controls.heading')}</h2>
      <p className="round-note">{t('votes.controls.intro')}</p>
      {codes ? <VotingCodes codes={codes.codes} onDone={() => setCodes(null)} /> : <NewVoteForm api={api} onCodes={(voteId, list) => setCodes({ voteId, codes: list })} />}
      {votes.length > 0 && (
        <ul className="round-list">
          {votes.map(({ id: voteId, vote }) => (
            <li key={voteId} className="round-row" data-testid="vote-row" data-state={vote.state}>
              <p className="round-meta">
                {vote.state === 'open'
                  ? t('votes.controls.openSummary', { count: vote.targets.length, dots: vote.perPerson })
                  : t('votes.controls.closedSummary', { count: vote.targets.length })}
                {vote.access === 'codes' ? ` ${t('votes.controls.codesOnly')}` : ''}
              </p>
              {vote.state === 'open' ? (
                <div className="round-actions">
                  <button type="button" data-testid="vote-close" onClick={() => void close(voteId)}>
                    {t('votes.controls.close')}
                  </button>
                </div>
              ) : (
                <VoteResults vote={vote} />
              )}
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="round-status error">
        {error ?? ''}
      </p>
    </section>
  );
}
