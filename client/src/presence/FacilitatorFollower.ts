import type { Awareness } from 'y-protocols/awareness';
import { AwarenessStateSchema, matchViewport, type Viewport } from '@clapboard/shared';
import type { BoardEditor } from '../editor/BoardEditor.ts';
import { Observable } from '../model/Observable.ts';

/**
 * Moves an editor's camera to a facilitator's view, and keeps it there (the
 * room display). Reads presence only: it announces none of its own, so a
 * projector is not one more "person" in everyone's list, and it never
 * sends a cursor.
 *
 * Whom it follows: `preferred` (the facilitator whose page opened the
 * display) while they are present, else the facilitator seen first, so two
 * co-facilitators do not pull the projector back and forth.
 */
export class FacilitatorFollower {
  /** The presence id being followed, or null while no facilitator is here. */
  readonly following = new Observable<number | null>(null);
  private readonly seen: number[] = [];
  private lastViewport = '';

  constructor(
    private readonly awareness: Awareness,
    private readonly editor: BoardEditor,
    private readonly preferred: number | null,
  ) {
    awareness.setLocalState(null);
    awareness.on('change', this.handleChange);
    this.handleChange();
  }

  destroy(): void {
    this.awareness.off('change', this.handleChange);
  }

  /** The display's own size changed (a window dragged to the projector): show the same view again, at the new size. */
  readonly refit = (): void => this.apply(true);

  private readonly handleChange = () => {
    const facilitators = new Map<number, Viewport | null>();
    for (const [clientId, raw] of this.awareness.getStates()) {
      // Remote states are untrusted input; the server has already checked `role` against the real one.
      const parsed = AwarenessStateSchema.safeParse(raw);
      if (!parsed.success || parsed.data.role !== 'facilitator' || clientId === this.awareness.clientID) continue;
      facilitators.set(clientId, parsed.data.viewport ?? null);
      if (!this.seen.includes(clientId)) this.seen.push(clientId);
    }
    const target = this.preferred !== null && facilitators.has(this.preferred) ? this.preferred : (this.seen.find((id) => facilitators.has(id)) ?? null);
    if (target !== this.following.get()) this.following.set(target);
    this.viewport = target === null ? null : (facilitators.get(target) ?? null);
    this.apply(false);
  };

  private viewport: Viewport | null = null;

  private apply(force: boolean): void {
    const viewport = this.viewport;
    const { width, height } = this.editor.viewport;
    if (!viewport || width === 0 || height === 0) return;
    const key = JSON.stringify(viewport);
    if (!force && key === this.lastViewport) return;
    this.lastViewport = key;
    this.editor.viewport.set(matchViewport(viewport, width, height), 'follow');
  }
}
