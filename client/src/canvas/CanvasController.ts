import Konva from 'konva';
import { NOTE_SIZE, compareStacking, type Rect } from '@clapboard/shared';
import type { BoardEditor } from '../editor/BoardEditor.ts';
import { Observable } from '../model/Observable.ts';
import { NoteSpriteCache } from './sprites/NoteSpriteCache.ts';
import { IDLE, type Gesture } from './tools/gesture.ts';
import type { ToolCanvas } from './tools/ToolMachine.ts';

export type Lod = 'full' | 'simple';

export interface VisibleSet {
  lod: Lod;
  /** Full-detail ids in stacking order (empty in the simple level of detail). */
  ids: readonly string[];
}

export interface RenderStats {
  total: number;
  drawn: number;
  lod: Lod;
  /** Note bitmaps this canvas has painted: a remote edit to one note must add exactly one. */
  notesPainted: number;
  /** Frames this canvas has drawn: an idle board draws none. */
  frames: number;
}

/** Below this on-screen note size text is unreadable, so notes become plain blocks. */
const MIN_READABLE_NOTE_PX = 24;
/** Above this many visible objects, per-object nodes cost more than they show. */
const MAX_FULL_DETAIL = 1500;
/** Extra board area around the screen kept mounted, so small pans do not re-render React. */
const CULL_MARGIN = 0.25;
/** Software-rendered canvases pay per pixel: the backing store is capped at 2 device pixels per CSS pixel. */
const MAX_PIXEL_RATIO = 2;

export interface CanvasOptions {
  /**
   * Device pixels per CSS pixel of this canvas's layers (default: the
   * screen's, capped). Per canvas, not Konva's global: an offscreen export
   * renders at its own resolution beside the board on screen.
   */
  pixelRatio?: number;
}

/**
 * Drives the canvas outside React: applies the camera to the stage, culls
 * with the R-tree, picks the level of detail and draws at most once per
 * animation frame however many changes arrive in between. React only hears
 * about it when the set of full-detail objects actually changes.
 *
 * Everything a canvas caches is owned here, one per canvas, so two canvases
 * on a page (the board and an offscreen export) never share bitmaps.
 */
export class CanvasController implements ToolCanvas {
  stage: Konva.Stage | null = null;
  contentLayer: Konva.Layer | null = null;
  interactionLayer: Konva.Layer | null = null;
  dragGroup: Konva.Group | null = null;
  gesture: Gesture = IDLE;
  /** Objects drawn in the interaction layer (being dragged), hidden from the content layer. */
  hidden: ReadonlySet<string> = new Set();
  readonly visible = new Observable<VisibleSet>({ lod: 'full', ids: [] });
  readonly dragIds = new Observable<readonly string[]>([]);
  stats: RenderStats = { total: 0, drawn: 0, lod: 'full', notesPainted: 0, frames: 0 };
  /** Frames drawn so far; the test hook's isReady waits for one after the first sync. */
  frameCount = 0;
  remoteSelections: { color: string; ids: readonly string[] }[] = [];
  /** This canvas's note bitmaps, painted at its own resolution. */
  readonly sprites = new NoteSpriteCache();
  readonly pixelRatio: number;
  private request = 0;
  private mountedRect: Rect | null = null;
  private simpleDrawn = 0;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    readonly editor: BoardEditor,
    options: CanvasOptions = {},
  ) {
    this.pixelRatio = options.pixelRatio ?? Math.min(window.devicePixelRatio || 1, MAX_PIXEL_RATIO);
    this.sprites.onFrameNeeded = this.schedule;
    this.unsubscribe.push(
      editor.viewport.subscribe(() => this.schedule()),
      editor.store.subscribe(() => {
        this.mountedRect = null;
        this.schedule();
      }),
      editor.selection.subscribe(() => this.schedule()),
      editor.editing.subscribe(() => this.schedule()),
    );
  }

  destroy(): void {
    cancelAnimationFrame(this.request);
    this.sprites.onFrameNeeded = null;
    this.sprites.clear();
    for (const fn of this.unsubscribe) fn();
  }

  schedule = (): void => {
    if (this.request === 0) this.request = requestAnimationFrame(this.frame);
  };

  setGesture(gesture: Gesture): void {
    this.gesture = gesture;
    this.schedule();
  }

  /**
   * Lifts objects into the interaction layer while they are dragged: `drawn`
   * is drawn there (in stacking order), `hidden` left out of the content
   * layer. Empty sets put them back.
   */
  lift(hidden: ReadonlySet<string>, drawn: readonly string[]): void {
    this.hidden = hidden;
    this.dragIds.set(drawn);
    this.invalidate();
  }

  /** Count of drawn objects reported by the simple renderer's scene function. */
  reportSimpleDrawn(count: number): void {
    this.simpleDrawn = count;
  }

  /** Durations (ms) of the last frames' work, for the benchmark. */
  readonly frameTimes: number[] = [];

  frame = (): void => {
    this.request = 0;
    const started = performance.now();
    const stage = this.stage;
    if (!stage) return;
    this.sprites.beginFrame();
    const { viewport, store } = this.editor;
    store.flush();
    const view = viewport.current;
    stage.scale({ x: view.zoom, y: view.zoom });
    stage.position({ x: -view.x * view.zoom, y: -view.y * view.zoom });
    if (this.dragGroup) {
      const g = this.gesture;
      this.dragGroup.position(g.kind === 'drag' ? { x: g.dx, y: g.dy } : { x: 0, y: 0 });
    }

    const screen = viewport.visible();
    let lod: Lod = NOTE_SIZE * view.zoom < MIN_READABLE_NOTE_PX ? 'simple' : 'full';
    let drawn = 0;
    if (lod === 'full') {
      const mounted = this.mountedRect;
      // Re-cull when the view leaves the mounted area, and also after zooming
      // in, when the mounted area has become far larger than the view: every
      // mounted node is drawn each frame, on screen or not.
      const needsCull = !mounted || !contains(mounted, screen) || area(mounted) > area(grow(screen, CULL_MARGIN)) * 2;
      if (needsCull) {
        const rect = grow(screen, CULL_MARGIN);
        const items = store.search(rect);
        if (items.length > MAX_FULL_DETAIL * (1 + CULL_MARGIN * 2) ** 2) {
          lod = 'simple';
        } else {
          this.mountedRect = rect;
          const ids = items
            .map((item) => store.get(item.id))
            .filter((o) => !!o && !this.hidden.has(o.id))
            .sort((a, b) => compareStacking(a!, b!))
            .map((o) => o!.id);
          const current = this.visible.get();
          if (current.lod !== 'full' || !sameIds(current.ids, ids)) this.visible.set({ lod: 'full', ids });
        }
      }
      if (lod === 'full') drawn = store.search(screen).length;
    }
    if (lod === 'simple') {
      this.mountedRect = null;
      if (this.visible.get().lod !== 'simple') this.visible.set({ lod: 'simple', ids: [] });
    }
    // An empty interaction layer is hidden so the browser need not composite it.
    this.interactionLayer?.visible(
      this.gesture.kind !== 'idle' || this.editor.selection.current.length > 0 || this.remoteSelections.length > 0,
    );
    // Draw now rather than via batchDraw: we are already in an animation
    // frame, and waiting for Konva's own would add a frame of latency.
    stage.draw();
    if (lod === 'simple') drawn = this.simpleDrawn;
    this.frameCount += 1;
    this.stats = { total: store.size, drawn, lod, notesPainted: this.sprites.painted, frames: this.frameCount };
    this.frameTimes.push(performance.now() - started);
    if (this.frameTimes.length > 600) this.frameTimes.splice(0, this.frameTimes.length - 600);
  };

  /** Forces the next frame to re-cull (after the hidden set changes). */
  invalidate(): void {
    this.mountedRect = null;
    this.schedule();
  }
}

function grow(rect: Rect, by: number): Rect {
  return {
    x: rect.x - rect.width * by,
    y: rect.y - rect.height * by,
    width: rect.width * (1 + by * 2),
    height: rect.height * (1 + by * 2),
  };
}

function area(rect: Rect): number {
  return rect.width * rect.height;
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
