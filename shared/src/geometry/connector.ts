import type { ConnectorEnd, ConnectorRecord } from '../model/records/index.ts';
import { center, rectFromPoints, type Point, type Rect } from './rect.ts';

/**
 * Looks up the current rectangle of an object by id, or null when there is
 * none. The client passes one with any in-progress drag offset applied; an
 * export would pass the stored rectangles.
 */
export type RectLookup = (id: string) => Rect | null;

/**
 * Where a connector end sits. An attached end points at the border of its
 * object, on the line towards the other end, so arrows never hide under notes.
 * Null when an end is attached to an object that no longer exists.
 */
export function resolveConnector(connector: ConnectorRecord, lookup: RectLookup): { from: Point; to: Point } | null {
  const fromRect = endRect(connector.from, lookup);
  const toRect = endRect(connector.to, lookup);
  if (fromRect === undefined || toRect === undefined) return null;
  const fromCenter = fromRect ? center(fromRect) : (connector.from as Point);
  const toCenter = toRect ? center(toRect) : (connector.to as Point);
  return {
    from: fromRect ? borderPoint(fromRect, toCenter) : fromCenter,
    to: toRect ? borderPoint(toRect, fromCenter) : toCenter,
  };
}

/** null = a free point; undefined = attached to an object that no longer exists. */
function endRect(end: ConnectorEnd, lookup: RectLookup): Rect | null | undefined {
  if ('objectId' in end) return lookup(end.objectId) ?? undefined;
  return null;
}

/** Intersection of the segment from the rect's centre towards `toward` with the rect's border. */
export function borderPoint(rect: Rect, toward: Point): Point {
  const c = center(rect);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : rect.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : rect.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/** The box around a connector's drawn line, or null when it cannot be drawn (an end's object is gone). */
export function connectorBounds(connector: ConnectorRecord, lookup: RectLookup): Rect | null {
  const line = resolveConnector(connector, lookup);
  return line ? rectFromPoints(line.from, line.to) : null;
}
