import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { Votes, type VoteEntry } from '../../model/Votes.ts';

/** The board's votes from its control document, kept current. */
export function useVotes(controlDoc: Y.Doc): readonly VoteEntry[] {
  const [entries, setEntries] = useState<readonly VoteEntry[]>([]);
  useEffect(() => {
    const votes = new Votes(controlDoc);
    setEntries(votes.all.get());
    const off = votes.all.subscribe(() => setEntries(votes.all.get()));
    return () => {
      off();
      votes.destroy();
    };
  }, [controlDoc]);
  return entries;
}
