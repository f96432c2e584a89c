import type { StoredVote } from './VoteStore.ts';
import type { VoteTallyState } from './voteTally.d.mts';

export declare const VOTE_SQL: Readonly<Record<'insertVote' | 'selectVote' | 'writeVote', string>>;
export declare function tallyFromRow(row: unknown): VoteTallyState;
export declare function voteFromRow(row: unknown): StoredVote;
