import type * as Y from 'yjs';
import { getRoundsMap, readRound, type RoundRecord } from '@clapboard/shared';
import { Observable } from './Observable.ts';

export interface RoundEntry {
  id: string;
  round: RoundRecord;
}

/**
 * The anonymous rounds of a board, read from the control document's
 * server-written `rounds` root: prompt, state, threshold and the coarse
 * count. Never any answer's words: before reveal they are in no document
 * (docs/anonymity.md). Entries that do not parse are left out.
 */
export class Rounds {
  readonly all = new Observable<readonly RoundEntry[]>([]);
  private readonly map: Y.Map<unknown>;

  constructor(private readonly controlDoc: Y.Doc) {
    this.map = getRoundsMap(controlDoc);
    this.map.observeDeep(this.handleChange);
    this.handleChange();
  }

  destroy(): void {
    this.map.unobserveDeep(this.handleChange);
  }

  private readonly handleChange = (): void => {
    const entries: RoundEntry[] = [];
    for (const id of this.map.keys()) {
      const round = readRound(this.controlDoc, id);
      if (round) entries.push({ id, round });
    }
    // Round ids are random, so id order says nothing about when a round was
    // opened; open rounds first, then by id, so the list does not reshuffle.
    entries.sort((a, b) => Number(b.round.state === 'open') - Number(a.round.state === 'open') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.all.set(entries);
  };
}
