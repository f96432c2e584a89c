import { compareStacking, distanceToSegment, rectContainsPoint, resolveConnector, type BoardObject, type Point } from '@clapboard/shared';
import type { BoardStore } from '../model/BoardStore.ts';
import { FRAME_HEADER } from './theme.ts';

/**
 * The topmost object under a board point, found with the R-tree instead of
 * Konva's hit canvas (which would cost a second full draw per frame).
 * Frames are hit on their title bar or border only, so dragging across a
 * frame's empty inside still pans or selects.
 */
export function hitTest(store: BoardStore, point: Point, zoom: number): BoardObject | null {
  const tolerance = 6 / zoom;
  const candidates = store
    .search({ x: point.x - tolerance, y: point.y - tolerance, width: tolerance * 2, height: tolerance * 2 })
    .map((item) => store.get(item.id))
    .filter((object): object is BoardObject => !!object)
    .sort(compareStacking)
    .reverse();
  for (const object of candidates) if (hits(store, object, point, tolerance)) return object;
  return null;
}

function hits(store: BoardStore, object: BoardObject, p: Point, tolerance: number): boolean {
  switch (object.type) {
    case 'connector': {
      const line = resolveConnector(object, store.rectOf);
      return !!line && distanceToSegment(p, line.from, line.to) <= tolerance;
    }
    case 'frame': {
      if (!rectContainsPoint(object, p)) return false;
      const inHeader = p.y <= object.y + FRAME_HEADER;
      const nearBorder =
        p.x - object.x <= tolerance ||
        object.x + object.width - p.x <= tolerance ||
        object.y + object.height - p.y <= tolerance;
      return inHeader || nearBorder;
    }
    case 'shape': {
      if (object.shape === 'rectangle') return rectContainsPoint(object, p);
      const rx = object.width / 2;
      const ry = object.height / 2;
      const nx = (p.x - object.x - rx) / rx;
      const ny = (p.y - object.y - ry) / ry;
      return nx * nx + ny * ny <= 1;
    }
    default:
      return rectContainsPoint(object, p);
  }
}
