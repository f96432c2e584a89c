import { clampZoom, screenToBoard, type Point, type ViewState } from '@clapboard/shared';

export interface PinchStart {
  /** The two fingers' screen positions when the second one touched. */
  a: Point;
  b: Point;
  view: ViewState;
}

/**
 * The camera for a two-finger pinch, as on a phone's map: the board point
 * that was under the fingers' midpoint stays under it, and the zoom follows
 * the change in distance between them. Moving both fingers together pans.
 */
export function pinchView(start: PinchStart, a: Point, b: Point): ViewState {
  const startDistance = Math.max(1, Math.hypot(start.b.x - start.a.x, start.b.y - start.a.y));
  const distance = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
  const zoom = clampZoom(start.view.zoom * (distance / startDistance));
  const anchor = screenToBoard(start.view, midpoint(start.a, start.b));
  const mid = midpoint(a, b);
  return { x: anchor.x - mid.x / zoom, y: anchor.y - mid.y / zoom, zoom };
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
