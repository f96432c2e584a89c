import type * as Y from 'yjs';
import { getVotesMap, readVotes, type VoteRecord } from '@clapboard/shared';
import { Observable } from './Observable.ts';

export interface VoteEntry {
  id: string;
  vote: VoteRecord;
}

/**
 * The dot votes of a board, from the control document's server-written
 * `votes` root: targets, dots per person, and counts once closed. No ballot
 * is ever in a document (docs/anonymity.md, "Votes").
 */
export class Votes {
  readonly all = new Observable<readonly VoteEntry[]>([]);
  private readonly map: Y.Map<unknown>;

  constructor(private readonly controlDoc: Y.Doc) {
    this.map = getVotesMap(controlDoc);
    this.map.observeDeep(this.handleChange);
    this.handleChange();
  }

  destroy(): void {
    this.map.unobserveDeep(this.handleChange);
  }

  private readonly handleChange = (): void => {
    // Vote ids are random: open votes first, then by id, so the list holds still.
    const entries = readVotes(this.controlDoc).sort(
      (a, b) => Number(b.vote.state === 'open') - Number(a.vote.state === 'open') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    this.all.set(entries);
  };
}

/** Every target's dots across closed votes, for drawing on the board. */
export function closedCounts(entries: readonly VoteEntry[]): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const { vote } of entries) {
    if (vote.state !== 'closed' || !vote.counts) continue;
    for (const [id, count] of Object.entries(vote.counts)) if (count > 0) out.set(id, (out.get(id) ?? 0) + count);
  }
  return out;
}
