import { Observable } from './Observable.ts';

/**
 * What this device keeps about its own ballot in one vote. `ballot` is
 * the random secret (or, for a `codes` vote, the prepared message) that the
 * server refuses a second time; `signature` what a voting code bought;
 * `inverse` and `blindedBallot` the blinding state between sending a code
 * and unblinding the answer. `cast` once the server counted it.
 *
 * The choices are deliberately not kept: the device need not remember what
 * its owner voted for, and a borrowed phone should not tell.
 */
export interface StoredBallot {
  ballot: string;
  signature?: string;
  blindedBallot?: string;
  inverse?: string;
  cast: boolean;
}

const KEY_PREFIX = 'clapboard.ballot.';

function parse(raw: string | null): StoredBallot | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredBallot>;
    if (typeof value.ballot !== 'string') return null;
    const optional = (field: unknown) => (typeof field === 'string' ? field : undefined);
    return { ballot: value.ballot, signature: optional(value.signature), blindedBallot: optional(value.blindedBallot), inverse: optional(value.inverse), cast: value.cast === true };
  } catch {
    return null;
  }
}

/** This device's ballots on one board, in localStorage, one key per vote. */
export class VoteBallots {
  readonly byVote = new Observable<ReadonlyMap<string, StoredBallot>>(new Map());

  constructor(private readonly boardId: string) {
    const out = new Map<string, StoredBallot>();
    const prefix = `${KEY_PREFIX}${boardId}.`;
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (!key?.startsWith(prefix)) continue;
        const stored = parse(localStorage.getItem(key));
        if (stored) out.set(key.slice(prefix.length), stored);
      }
    } catch {
      // No storage: no ballots from earlier visits.
    }
    this.byVote.set(out);
  }

  get(voteId: string): StoredBallot | undefined {
    return this.byVote.get().get(voteId);
  }

  save(voteId: string, stored: StoredBallot): void {
    try {
      localStorage.setItem(`${KEY_PREFIX}${this.boardId}.${voteId}`, JSON.stringify(stored));
    } catch {
      // Storage full or disabled: the ballot still lives for this page.
    }
    const next = new Map(this.byVote.get());
    next.set(voteId, stored);
    this.byVote.set(next);
  }
}
