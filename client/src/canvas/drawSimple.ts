import type { BoardObject, Rect } from '@clapboard/shared';
import { drawBlocks, type BlockBuckets } from '@clapboard/shared/render';
import type { BoardStore } from '../model/BoardStore.ts';

export type { BlockBuckets } from '@clapboard/shared/render';

/**
 * Zoomed-out level of detail: every visible object as a plain block, by the
 * shared drawBlocks (the PNG export draws large boards with it too), with
 * connector ends looked up in the page's store. Returns how many objects
 * were drawn.
 */
export function drawSimple(
  ctx: CanvasRenderingContext2D,
  store: BoardStore,
  objects: readonly BoardObject[],
  visible: Rect,
  hidden: ReadonlySet<string>,
  zoom: number,
  buckets: BlockBuckets,
): number {
  return drawBlocks(ctx, objects, store.rectOf, visible, hidden, zoom, buckets);
}
