import { unionRects, type Point, type Rect } from './rect.ts';

/** x, y = the board point at the top-left of the screen; zoom = screen pixels per board unit. */
export interface ViewState {
  x: number;
  y: number;
  zoom: number;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 8;

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function screenToBoard(view: ViewState, p: Point): Point {
  return { x: view.x + p.x / view.zoom, y: view.y + p.y / view.zoom };
}

export function boardToScreen(view: ViewState, p: Point): Point {
  return { x: (p.x - view.x) * view.zoom, y: (p.y - view.y) * view.zoom };
}

/** Zooms keeping the board point under `anchor` (screen px) fixed. */
export function zoomAt(view: ViewState, anchor: Point, nextZoom: number): ViewState {
  const zoom = clampZoom(nextZoom);
  const board = screenToBoard(view, anchor);
  return { x: board.x - anchor.x / zoom, y: board.y - anchor.y / zoom, zoom };
}

/** The board rectangle visible on a screen of the given size. */
export function visibleRect(view: ViewState, width: number, height: number): Rect {
  return { x: view.x, y: view.y, width: width / view.zoom, height: height / view.zoom };
}

/** Screen pixels along each edge of the canvas that something is drawn over. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * A view that shows `rect` whole, centred in the part of the screen inside
 * `insets`, with a margin in screen pixels.
 */
export function fitRect(rect: Rect, width: number, height: number, margin = 48, maxZoom = 2, insets: Insets = NO_INSETS): ViewState {
  const innerW = Math.max(1, width - insets.left - insets.right);
  const innerH = Math.max(1, height - insets.top - insets.bottom);
  const availW = Math.max(1, innerW - margin * 2);
  const availH = Math.max(1, innerH - margin * 2);
  const zoom = clampZoom(Math.min(availW / Math.max(rect.width, 1), availH / Math.max(rect.height, 1), maxZoom));
  return {
    x: rect.x + rect.width / 2 - (insets.left + innerW / 2) / zoom,
    y: rect.y + rect.height / 2 - (insets.top + innerH / 2) / zoom,
    zoom,
  };
}

/** More overlays than this are fitted around as one box (each adds a factor of four to the search). */
const MAX_SEPARATE_OVERLAYS = 3;
/** Avoiding overlays may cost at most this share of the zoom a plain fit would give. */
const MIN_ZOOM_KEPT = 0.5;

/**
 * Like `fitRect`, but keeps `rect` clear of `overlays` (screen rectangles drawn
 * over the canvas, such as the minimap). Each overlay is avoided by giving up
 * the strip between it and one canvas edge; of every such choice, the one that
 * shows the content largest wins (then the one giving up the least area), so a
 * corner overlay costs either a column or a row, whichever matters less for
 * this content's shape.
 */
export function fitAvoiding(rect: Rect, width: number, height: number, overlays: readonly Rect[], margin = 48, maxZoom = 2): ViewState {
  const onScreen = overlays
    .map((o) => clip(o, width, height))
    .filter((o): o is Rect => o !== null);
  const boxes = onScreen.length > MAX_SEPARATE_OVERLAYS ? [unionRects(onScreen)!] : onScreen;
  let best: { view: ViewState; lost: number } | null = null;
  for (const insets of insetChoices(boxes, width, height)) {
    const view = fitRect(rect, width, height, margin, maxZoom, insets);
    const lost = width * height - Math.max(0, width - insets.left - insets.right) * Math.max(0, height - insets.top - insets.bottom);
    if (!best || view.zoom > best.view.zoom + 1e-9 || (Math.abs(view.zoom - best.view.zoom) <= 1e-9 && lost < best.lost)) best = { view, lost };
  }
  const plain = fitRect(rect, width, height, margin, maxZoom);
  // On a screen too small to work around the overlays, a covered corner beats a board shown as a speck.
  return best && best.view.zoom >= plain.zoom * MIN_ZOOM_KEPT ? best.view : plain;
}

/** Every combination of "which edge's strip each overlay is cut away with". */
function insetChoices(boxes: readonly Rect[], width: number, height: number): Insets[] {
  let out: Insets[] = [NO_INSETS];
  for (const o of boxes) {
    const cuts: Partial<Insets>[] = [{ left: o.x + o.width }, { right: width - o.x }, { top: o.y + o.height }, { bottom: height - o.y }];
    out = out.flatMap((insets) =>
      cuts.map((cut) => ({
        top: Math.max(insets.top, cut.top ?? 0),
        right: Math.max(insets.right, cut.right ?? 0),
        bottom: Math.max(insets.bottom, cut.bottom ?? 0),
        left: Math.max(insets.left, cut.left ?? 0),
      })),
    );
  }
  return out;
}

function clip(o: Rect, width: number, height: number): Rect | null {
  const x = Math.max(0, o.x);
  const y = Math.max(0, o.y);
  const right = Math.min(width, o.x + o.width);
  const bottom = Math.min(height, o.y + o.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** The view that centres another person's viewport on this screen at their zoom. */
export function matchViewport(
  other: { x: number; y: number; zoom: number; width: number; height: number },
  width: number,
  height: number,
): ViewState {
  const cx = other.x + other.width / other.zoom / 2;
  const cy = other.y + other.height / other.zoom / 2;
  const zoom = clampZoom(other.zoom);
  return { x: cx - width / zoom / 2, y: cy - height / zoom / 2, zoom };
}

/** What another person's screen shows: the board point at its top-left, their zoom and their canvas size in pixels. */
export interface SeenViewport {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

/** The board rectangle another person's canvas shows. */
export function viewportRect(other: SeenViewport): Rect {
  return visibleRect(other, other.width, other.height);
}

/**
 * The view that shows, on a screen of this size, everything another person
 * sees (for "follow" and "bring everyone to me"). Centred on their view, at
 * their zoom when this screen is big enough, else zoomed out just enough
 * that their whole visible area fits: a phone following a laptop would
 * otherwise get the middle of the laptop's view at the laptop's zoom, with
 * the notes at its edges cut in half or out of sight. Never zoomed in past
 * their zoom, so a bigger screen shows more around their view, not less.
 */
export function fitViewport(other: SeenViewport, width: number, height: number): ViewState {
  const seen = viewportRect(other);
  const fits = Math.min(Math.max(1, width) / Math.max(seen.width, 1e-9), Math.max(1, height) / Math.max(seen.height, 1e-9));
  const zoom = clampZoom(Math.min(other.zoom, fits));
  return { x: seen.x + seen.width / 2 - width / zoom / 2, y: seen.y + seen.height / 2 - height / zoom / 2, zoom };
}
