import { nearestFreeSpot, PLACEMENT_GAP } from '../geometry/placement.ts';
import { isPositioned, rectsIntersect, unionRects, type Point, type Rect } from '../geometry/rect.ts';
import type { BoardObject } from '../model/records/index.ts';
import { COORDINATE_LIMIT } from '../model/records/common.ts';

/** Space kept between a template and what was on the board before: wider than between notes, so it reads as its own area. */
const TEMPLATE_MARGIN = PLACEMENT_GAP * 4;

/**
 * Where a template of `size` goes on a board holding `existing`: centred
 * on `at` (the middle of the facilitator's view) if that covers nothing,
 * else the nearest spot that covers nothing, else to the right of
 * everything. Frames count as content here, unlike for a single note: a
 * template's frames on top of existing frames would mix their members.
 * Connectors have no box of their own and are ignored.
 *
 * Linear in the board per candidate; a few hundred candidates over a
 * board of thousands of objects is a few milliseconds, once per template.
 */
export function placeTemplate(size: { width: number; height: number }, at: Point, existing: readonly BoardObject[]): Point {
  const boxes: Rect[] = existing.filter(isPositioned).map(({ x, y, width, height }) => ({ x, y, width, height }));
  const wanted = clampToBoard({ x: at.x - size.width / 2, y: at.y - size.height / 2 }, size);
  if (boxes.length === 0) return wanted;
  const isFree = (candidate: Rect) => {
    const padded = { x: candidate.x - TEMPLATE_MARGIN, y: candidate.y - TEMPLATE_MARGIN, width: candidate.width + 2 * TEMPLATE_MARGIN, height: candidate.height + 2 * TEMPLATE_MARGIN };
    return !boxes.some((box) => rectsIntersect(box, padded));
  };
  // Quarter-size steps: fine enough to land close to `at`, coarse enough that 8 rings reach two template sizes away.
  const step = { x: size.width / 4 + PLACEMENT_GAP, y: size.height / 4 + PLACEMENT_GAP };
  const spot = nearestFreeSpot({ ...wanted, width: size.width, height: size.height }, isFree, step, 8);
  if (spot) return clampToBoard(spot, size);
  const bounds = unionRects(boxes)!;
  return clampToBoard({ x: bounds.x + bounds.width + TEMPLATE_MARGIN * 2, y: bounds.y }, size);
}

/** Keeps every frame inside the board's coordinate limits, which every object's schema enforces. */
function clampToBoard(point: Point, size: { width: number; height: number }): Point {
  const clamp = (value: number, extent: number) => Math.min(Math.max(value, -COORDINATE_LIMIT), COORDINATE_LIMIT - extent);
  return { x: clamp(point.x, size.width), y: clamp(point.y, size.height) };
}
