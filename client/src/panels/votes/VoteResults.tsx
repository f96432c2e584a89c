import { useTranslation } from 'react-i18next';
import type { VoteRecord } from '@clapboard/shared';
import { useEditor, useStoreRevision } from '../../editor/EditorContext.ts';
import { targetLabel } from './targetLabel.ts';

/** A closed vote's counts, most dots first; the same counts are drawn on the board. */
export function VoteResults({ vote }: { vote: VoteRecord }) {
  const { t } = useTranslation();
  const { store } = useEditor();
  useStoreRevision();
  if (!vote.counts) return null;
  const rows = Object.entries(vote.counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return (
    <div className="vote-results" data-testid="vote-results-list">
      <p>{t('votes.results.summary', { count: vote.ballots ?? 0 })}</p>
      <ol className="vote-results-list">
        {rows.map(([id, count]) => (
          <li key={id}>
            <span className="vote-dots">{t('votes.results.dots', { count })}</span> <bdi>{targetLabel(t, store, id)}</bdi>
          </li>
        ))}
      </ol>
    </div>
  );
}
