import type * as Y from 'yjs';
import { ANONYMOUS_NOTES_OFF, getSettingsMap, readAnonymousNotesMode, type AnonymousNotesMode } from '@clapboard/shared';
import { Observable } from './Observable.ts';

/**
 * Where new notes are anonymous on this board, read from the control
 * document's `settings` (which only facilitators write) and kept current.
 */
export class AnonymousNotesModeModel {
  readonly mode = new Observable<AnonymousNotesMode>(ANONYMOUS_NOTES_OFF);
  private readonly settings: Y.Map<unknown>;

  constructor(private readonly controlDoc: Y.Doc) {
    this.settings = getSettingsMap(controlDoc);
    this.settings.observeDeep(this.handleChange);
    this.handleChange();
  }

  destroy(): void {
    this.settings.unobserveDeep(this.handleChange);
  }

  private readonly handleChange = (): void => {
    const next = readAnonymousNotesMode(this.controlDoc);
    const current = this.mode.get();
    // A title change also lands here: keep the same object, so nothing re-renders for it.
    if (next.board === current.board && next.frames.size === current.frames.size && [...next.frames].every((id) => current.frames.has(id))) return;
    this.mode.set(next);
  };
}
