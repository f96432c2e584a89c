import type { BoardObject, ConnectorEnd, ConnectorRecord, PositionedObject } from '@clapboard/shared';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}

export function isPositioned(object: BoardObject): object is PositionedObject {
  return object.type !== 'connector';
}

export function rectContainsPoint(rect: Rect, p: Point): boolean {
  return p.x >= rect.x && p.x <= rect.x + rect.width && p.y >= rect.y && p.y <= rect.y + rect.height;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && a.x + a.width >= b.x && a.y <= b.y + b.height && a.y + a.height >= b.y;
}

export function rectContainsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

export function unionRects(rects: Iterable<Rect>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export function rectFromPoints(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

export function center(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** Looks up the current rectangle of an object, with any in-progress drag offset applied. */
export type RectLookup = (id: string) => Rect | null;

/**
 * Where a connector end sits. An attached end points at the border of its
 * object, on the line towards the other end, so arrows never hide under notes.
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

export function connectorBounds(connector: ConnectorRecord, lookup: RectLookup): Rect | null {
  const line = resolveConnector(connector, lookup);
  return line ? rectFromPoints(line.from, line.to) : null;
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * The top-left of the free spot nearest to `rect`: the spot itself if
 * `isFree` accepts it, else the closest cell of a grid of `step`-sized offsets
 * around it (ties broken clockwise from the right, so repeated placements form
 * a predictable ring). Looks at most `maxRings` cells out in each direction —
 * a bounded number of index queries — and returns null if all are taken.
 */
export function nearestFreeSpot(
  rect: Rect,
  isFree: (candidate: Rect) => boolean,
  step: { x: number; y: number },
  maxRings = 6,
): Point | null {
  const offsets: { i: number; j: number; distance: number; angle: number }[] = [];
  for (let i = -maxRings; i <= maxRings; i++) {
    for (let j = -maxRings; j <= maxRings; j++) {
      const angle = Math.atan2(j, i);
      offsets.push({ i, j, distance: Math.hypot(i * step.x, j * step.y), angle: angle < 0 ? angle + 2 * Math.PI : angle });
    }
  }
  offsets.sort((a, b) => a.distance - b.distance || a.angle - b.angle);
  for (const { i, j } of offsets) {
    const candidate = { ...rect, x: rect.x + i * step.x, y: rect.y + j * step.y };
    if (isFree(candidate)) return { x: candidate.x, y: candidate.y };
  }
  return null;
}
