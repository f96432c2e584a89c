import type { StoredRound } from './RoundStore.ts';

export declare const ROUND_SQL: Readonly<Record<
  | 'insertRound'
  | 'insertAnswerSet'
  | 'selectRound'
  | 'selectRoundsInState'
  | 'selectState'
  | 'selectAnswerSet'
  | 'selectBoardAnswerSets'
  | 'writeAnswerSet'
  | 'setState'
  | 'setPublishedCount',
  string
>>;

export interface StoredAnswerEntry {
  id: string;
  receipt: string;
  text: string | null;
  lang: string | null;
}

/** A round's answers as stored (one JSON array sorted by id). */
export declare function parseAnswerSet(json: string): StoredAnswerEntry[];
export declare function serializeAnswerSet(answers: readonly StoredAnswerEntry[]): string;
export declare function roundFromRow(row: unknown): StoredRound;
