import { useEffect, useState } from 'react';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { Rounds, type RoundEntry } from '../../model/Rounds.ts';

/** The board's rounds from its control document, kept current. */
export function useRounds(connection: BoardConnection): readonly RoundEntry[] {
  const [entries, setEntries] = useState<readonly RoundEntry[]>([]);
  useEffect(() => {
    const rounds = new Rounds(connection.controlDoc);
    setEntries(rounds.all.get());
    const off = rounds.all.subscribe(() => setEntries(rounds.all.get()));
    return () => {
      off();
      rounds.destroy();
    };
  }, [connection]);
  return entries;
}
