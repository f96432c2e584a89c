import type { BoardObject, PositionedObject } from '../model/records/index.ts';
import { isPositioned, rectContainsPoint, type Point, type Rect } from './rect.ts';

/**
 * What placement needs to know about a board: the objects whose bounds meet
 * a box, and each object by id. The client's BoardStore (an R-tree) is one;
 * a server-side template or export can answer the same from a plain list.
 */
export interface SpatialIndex {
  /** Objects whose bounds intersect `rect`, in any order. */
  search(rect: Rect): readonly { id: string }[];
  get(id: string): BoardObject | undefined;
}

/** A spatial index that also knows the bounds of everything on the board (null when empty). */
export interface BoundedSpatialIndex extends SpatialIndex {
  allBounds(): Rect | null;
}

/** Space left between placed objects, and around the edges of a frame. */
export const PLACEMENT_GAP = 20;
/** Height at the top of a frame kept free of members, below its title. */
export const FRAME_TITLE_CLEARANCE = 60;

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

/** What a new note must not cover: content, not the frames it may sit in or the arrows between things. */
function blocksPlacement(object: BoardObject | undefined): boolean {
  return !!object && object.type !== 'frame' && object.type !== 'connector';
}

/**
 * The top-left nearest to `rect` where it covers no other content, stepping a
 * note's width (plus a gap) at a time so notes added in a row line up. Falls
 * back to `rect` itself when the neighbourhood is full: a note on top is better
 * than none, or than one placed far out of view.
 */
export function freeSpotNear(index: SpatialIndex, rect: Rect): Point {
  const isFree = (candidate: Rect) => !index.search(candidate).some((item) => blocksPlacement(index.get(item.id)));
  return nearestFreeSpot(rect, isFree, { x: rect.width + PLACEMENT_GAP, y: rect.height + PLACEMENT_GAP }) ?? { x: rect.x, y: rect.y };
}

/** The next grid cell in the frame (below its title) not covered by content. */
export function freeSlotInFrame(index: SpatialIndex, frameId: string, size: { width: number; height: number }): Point {
  const frame = index.get(frameId);
  if (!frame || !isPositioned(frame)) return { x: 0, y: 0 };
  const top = frame.y + FRAME_TITLE_CLEARANCE;
  const cols = Math.max(1, Math.floor((frame.width - PLACEMENT_GAP) / (size.width + PLACEMENT_GAP)));
  // Bounded: a frame packed full still answers (its first cell) instead of searching forever.
  for (let i = 0; i < 500; i++) {
    const x = frame.x + PLACEMENT_GAP + (i % cols) * (size.width + PLACEMENT_GAP);
    const y = top + Math.floor(i / cols) * (size.height + PLACEMENT_GAP);
    const cell = { x, y, width: size.width, height: size.height };
    if (!index.search(cell).some((item) => blocksPlacement(index.get(item.id)))) return { x, y };
  }
  return { x: frame.x + PLACEMENT_GAP, y: top };
}

/** A place to the right of everything, so an unframed object does not land inside a frame. */
export function freeSlotOutsideFrames(index: BoundedSpatialIndex, size: { width: number; height: number }): Point {
  const bounds = index.allBounds();
  if (!bounds) return { x: 0, y: 0 };
  const x = bounds.x + bounds.width + PLACEMENT_GAP * 4;
  for (let y = bounds.y; y < bounds.y + bounds.height + 10_000; y += size.height + PLACEMENT_GAP) {
    if (index.search({ x, y, width: size.width, height: size.height }).length === 0) return { x, y };
  }
  return { x, y: bounds.y };
}

/**
 * The topmost frame whose rectangle contains the point, ignoring `exclude`:
 * the frame an object dropped with its centre there joins.
 */
export function frameAt(index: SpatialIndex, point: Point, exclude: ReadonlySet<string> = new Set()): string | null {
  let best: PositionedObject | null = null;
  for (const item of index.search({ x: point.x, y: point.y, width: 0, height: 0 })) {
    const object = index.get(item.id);
    if (object?.type !== 'frame' || exclude.has(object.id) || !rectContainsPoint(object, point)) continue;
    if (!best || object.z > best.z || (object.z === best.z && object.id > best.id)) best = object;
  }
  return best?.id ?? null;
}
