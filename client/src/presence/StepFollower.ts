import type * as Y from 'yjs';
import { getSettingsMap, isPositioned, readCurrentStep } from '@clapboard/shared';
import type { BoardEditor } from '../editor/BoardEditor.ts';
import type { Presence } from './Presence.ts';

/** What StepFollower needs of the connection: whether the board has arrived from the server yet. */
export interface FirstSync {
  readonly isSynced: boolean;
  onFirstSync(listener: () => void): () => void;
}

/**
 * Moves this page's view to the frame of the step the facilitator is on
 * (`settings.step`, issue #8), each time the step changes: "next question"
 * brings everyone there. Like a facilitator's "bring everyone to me"
 * (Presence.summonEveryone) it stops following a person first, but it fits
 * the frame to this page's own screen rather than copying the
 * facilitator's zoom, which on a phone showed only the empty middle of a
 * frame. It works from the control document, so a page that opens while
 * a step is on lands on that step's frame too, once the board has arrived
 * (after the page's own first fit of the whole board).
 *
 * Each step is brought into view once: after that, people may look
 * elsewhere until the facilitator moves on.
 */
export class StepFollower {
  /** `index:frameId` of the step last brought into view, or of the state last seen without one. */
  private shown: string | null = null;
  private readonly cleanup: (() => void)[] = [];

  constructor(
    private readonly controlDoc: Y.Doc,
    private readonly editor: BoardEditor,
    private readonly presence: Presence,
    private readonly connection: FirstSync,
  ) {
    const settings = getSettingsMap(controlDoc);
    settings.observeDeep(this.update);
    this.cleanup.push(
      () => settings.unobserveDeep(this.update),
      connection.onFirstSync(this.update),
      // The step may name a frame that has not arrived yet.
      editor.store.subscribe(this.update),
    );
    this.update();
  }

  destroy(): void {
    for (const fn of this.cleanup) fn();
  }

  private readonly update = (): void => {
    // Before the board has arrived, an offline copy's old step must not move the view, nor count as shown.
    if (!this.connection.isSynced) return;
    const step = readCurrentStep(this.controlDoc);
    const key = step ? `${step.index}:${step.frameId ?? ''}` : '';
    if (key === this.shown) return;
    if (!step?.frameId) {
      this.shown = key;
      return;
    }
    const frame = this.editor.store.get(step.frameId);
    if (!frame || !isPositioned(frame)) return;
    this.shown = key;
    this.presence.follow(null);
    this.editor.viewport.fit(frame, 'follow');
  };
}
