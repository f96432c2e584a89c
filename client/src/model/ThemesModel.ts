import type * as Y from 'yjs';
import { getObjectsMap, getThemesMap, readThemes, type Theme } from '@clapboard/shared';

type Listener = () => void;

const NONE: readonly Theme[] = Object.freeze([]);

/**
 * The board's themes for the canvas, the outline and the synthesis panel:
 * `readThemes` re-run when the `themes` root changes, or when an object is
 * added or deleted (a deleted note leaves its themes without any write to
 * them). Moving or typing in a note changes neither, so it costs nothing
 * here. Re-reads are batched to one per animation frame, like BoardStore.
 */
export class ThemesModel {
  private readonly themes: Y.Map<unknown>;
  private readonly objects: Y.Map<unknown>;
  private readonly listeners = new Set<Listener>();
  private snapshot: readonly Theme[] = NONE;
  private frameRequest = 0;

  constructor(private readonly doc: Y.Doc) {
    this.themes = getThemesMap(doc) as Y.Map<unknown>;
    this.objects = getObjectsMap(doc) as Y.Map<unknown>;
    this.snapshot = readThemes(doc);
    this.themes.observeDeep(this.handleChange);
    this.objects.observe(this.handleObjects);
  }

  destroy(): void {
    this.themes.unobserveDeep(this.handleChange);
    this.objects.unobserve(this.handleObjects);
    if (this.frameRequest !== 0) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = 0;
  }

  /** Every visible theme, sorted by (name, id); a new array only when something changed. */
  get = (): readonly Theme[] => this.snapshot;

  byId(id: string): Theme | undefined {
    return this.snapshot.find((theme) => theme.id === id);
  }

  /** The themes a note belongs to. */
  themesOf(noteId: string): Theme[] {
    return this.snapshot.filter((theme) => theme.noteIds.includes(noteId));
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Re-reads now instead of at the next frame (right after a local edit, and in tests). */
  flush = (): void => {
    if (this.frameRequest !== 0) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = 0;
    const next = readThemes(this.doc);
    if (JSON.stringify(next) === JSON.stringify(this.snapshot)) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  };

  private readonly handleChange = (): void => {
    if (this.frameRequest === 0) this.frameRequest = requestAnimationFrame(this.handleFrame);
  };

  private readonly handleFrame = (): void => {
    this.frameRequest = 0;
    this.flush();
  };

  /** A shallow observer: it fires when objects are added, replaced or deleted, not when one is moved or edited. */
  private readonly handleObjects = (): void => this.handleChange();
}
