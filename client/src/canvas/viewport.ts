import type { Point, Rect } from './geometry.ts';

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

/** A view that shows `rect` whole, centred, with a margin in screen pixels. */
export function fitRect(rect: Rect, width: number, height: number, margin = 48, maxZoom = 2): ViewState {
  const availW = Math.max(1, width - margin * 2);
  const availH = Math.max(1, height - margin * 2);
  const zoom = clampZoom(Math.min(availW / Math.max(rect.width, 1), availH / Math.max(rect.height, 1), maxZoom));
  return {
    x: rect.x + rect.width / 2 - width / 2 / zoom,
    y: rect.y + rect.height / 2 - height / 2 / zoom,
    zoom,
  };
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
