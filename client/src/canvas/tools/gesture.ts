import type { ConnectorEnd, Point, Rect, ViewState } from '@clapboard/shared';
import type { PinchStart } from './pinch.ts';

export type Corner = 'nw' | 'ne' | 'sw' | 'se';

/**
 * What rendering shows of the pointer gesture in progress. The tools' states
 * (ToolMachine.ts) set it as they enter and clear it as they leave;
 * rendering only reads it.
 */
export type Gesture =
  | { kind: 'idle' }
  | { kind: 'pending'; id: string | null; start: Point; screen: Point; additive: boolean }
  | { kind: 'pan'; screen: Point; view: ViewState }
  | { kind: 'drag'; ids: ReadonlySet<string>; connectors: ReadonlySet<string>; start: Point; dx: number; dy: number }
  | { kind: 'marquee'; start: Point; current: Point; base: readonly string[] }
  | { kind: 'resize'; corner: Corner; ids: readonly string[]; startBox: Rect; box: Rect }
  | { kind: 'connect'; from: ConnectorEnd; start: Point; current: Point }
  /** Two fingers on a touch screen: zoom and pan together (pointer ids of the two fingers). */
  | { kind: 'pinch'; start: PinchStart; pointers: readonly [number, number] };

/** Shared by every canvas, so frozen. */
export const IDLE: Gesture = Object.freeze({ kind: 'idle' });

/** The box after dragging `corner` of `start` to `point`, never smaller than `min`. */
export function resizeBox(start: Rect, corner: Corner, point: Point, min = 16): Rect {
  const left = corner === 'nw' || corner === 'sw' ? Math.min(point.x, start.x + start.width - min) : start.x;
  const right = corner === 'ne' || corner === 'se' ? Math.max(point.x, start.x + min) : start.x + start.width;
  const top = corner === 'nw' || corner === 'ne' ? Math.min(point.y, start.y + start.height - min) : start.y;
  const bottom = corner === 'sw' || corner === 'se' ? Math.max(point.y, start.y + min) : start.y + start.height;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export function cornerPoints(box: Rect): Record<Corner, Point> {
  return {
    nw: { x: box.x, y: box.y },
    ne: { x: box.x + box.width, y: box.y },
    sw: { x: box.x, y: box.y + box.height },
    se: { x: box.x + box.width, y: box.y + box.height },
  };
}
