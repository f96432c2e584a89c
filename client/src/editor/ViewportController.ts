import { clampZoom, fitAvoiding, visibleRect, zoomAt, type Rect, type ViewState } from '@clapboard/shared';

export type ViewChangeSource = 'user' | 'follow' | 'program';

/**
 * The camera. Held outside React so panning never re-renders components:
 * the canvas subscribes and moves the stage imperatively.
 */
export class ViewportController {
  private view: ViewState = { x: -100, y: -100, zoom: 1 };
  width = 1;
  height = 1;
  private sized = false;
  private pendingFit: { rect: Rect; source: ViewChangeSource } | null = null;
  private readonly listeners = new Set<(source: ViewChangeSource) => void>();
  /** Screen rectangles (canvas pixels) drawn over the canvas, by owner: fitting keeps content out from under them. */
  private readonly overlays = new Map<string, Rect>();

  get current(): ViewState {
    return this.view;
  }

  subscribe(listener: (source: ViewChangeSource) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(view: ViewState, source: ViewChangeSource = 'user'): void {
    if (!Number.isFinite(view.x) || !Number.isFinite(view.y) || !Number.isFinite(view.zoom)) return;
    const next = { x: view.x, y: view.y, zoom: clampZoom(view.zoom) };
    if (next.x === this.view.x && next.y === this.view.y && next.zoom === this.view.zoom) return;
    this.view = next;
    for (const listener of this.listeners) listener(source);
  }

  setSize(width: number, height: number): void {
    const first = !this.sized;
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
    this.sized = width > 0 && height > 0;
    if (first && this.sized && this.pendingFit) {
      const { rect, source } = this.pendingFit;
      this.pendingFit = null;
      this.fit(rect, source);
    }
    for (const listener of this.listeners) listener('program');
  }

  panBy(dx: number, dy: number): void {
    this.set({ ...this.view, x: this.view.x + dx / this.view.zoom, y: this.view.y + dy / this.view.zoom });
  }

  zoomBy(factor: number, anchor = { x: this.width / 2, y: this.height / 2 }): void {
    this.set(zoomAt(this.view, anchor, this.view.zoom * factor));
  }

  fit(rect: Rect | null, source: ViewChangeSource = 'user'): void {
    if (!rect) return;
    // Before the canvas is laid out there is no screen size to fit to: do it once there is.
    if (!this.sized) {
      this.pendingFit = { rect, source };
      return;
    }
    this.set(fitAvoiding(rect, this.width, this.height, [...this.overlays.values()]), source);
  }

  /**
   * Declares (or, with null, withdraws) a panel drawn over the canvas, in
   * canvas pixels. Only fitting uses it: panning and zooming stay free, and a
   * view that was already fitted is not moved when an overlay changes.
   */
  setOverlay(owner: string, rect: Rect | null): void {
    if (rect && rect.width > 0 && rect.height > 0) this.overlays.set(owner, rect);
    else this.overlays.delete(owner);
  }

  /** The board area on screen. The same object until the camera or the size changes: hot paths call this per note. */
  visible(): Rect {
    const cached = this.visibleCache;
    if (cached && cached.view === this.view && cached.width === this.width && cached.height === this.height) return cached.rect;
    const rect = visibleRect(this.view, this.width, this.height);
    this.visibleCache = { view: this.view, width: this.width, height: this.height, rect };
    return rect;
  }

  private visibleCache: { view: ViewState; width: number; height: number; rect: Rect } | null = null;
}
