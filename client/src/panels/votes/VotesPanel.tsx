import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasParticipantRights, type Role } from '@clapboard/shared';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { VoteBallots } from '../../model/VoteBallots.ts';
import { BallotBox } from './BallotBox.tsx';
import { VoteControls } from './VoteControls.tsx';
import { useVotes } from './useVotes.ts';
import { VoteResults } from './VoteResults.tsx';

/**
 * Dot votes for this role: a facilitator's controls; a participant's
 * ballot for each open vote and the results of closed ones; an observer
 * sees results only.
 */
export function VotesPanel({ connection, role }: { connection: BoardConnection; role: Role }) {
  const { t } = useTranslation();
  const votes = useVotes(connection.controlDoc);
  const [ballots] = useState(() => new VoteBallots(connection.session.boardId));
  if (role === 'facilitator') return <VoteControls api={connection.votes} votes={votes} />;
  if (hasParticipantRights(role)) {
    return (
      <>
        {votes.map(({ id, vote }) => (
          <BallotBox key={id} voteId={id} vote={vote} api={connection.votes} ballots={ballots} />
        ))}
      </>
    );
  }
  const closed = votes.filter(({ vote }) => vote.state === 'closed');
  return (
    <>
      {closed.map(({ id, vote }) => (
        <section key={id} className="round-controls panel" data-testid="vote-results" aria-label={t('votes.results.heading')}>
          <h2>{t('votes.results.heading')}</h2>
          <VoteResults vote={vote} />
        </section>
      ))}
    </>
  );
}
