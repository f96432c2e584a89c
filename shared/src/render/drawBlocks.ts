import { resolveConnector, type RectLookup } from '../geometry/connector.ts';
import type { Rect } from '../geometry/rect.ts';
import { INK_PALETTE } from '../model/palette.ts';
import type { BoardObject } from '../model/records/index.ts';
import type { RenderContext } from './context.ts';
import { BOARD_COLORS, simpleFill } from './theme.ts';

/**
 * Rectangles to fill, as x, y, width, height runs, by fill colour. Kept by
 * the caller (one per layer) and reused from frame to frame, so drawing ten
 * thousand blocks allocates nothing.
 */
export type BlockBuckets = Map<string, number[]>;

/**
 * Zoomed-out level of detail: every visible object as a plain block, drawn
 * in one pass with one path per fill colour (nine fills for ten thousand
 * notes) instead of one shape each. Text is unreadable at this size, so it
 * is not drawn. `zoom` keeps outlines one pixel wide. Returns how many
 * objects were drawn.
 */
export function drawBlocks(
  ctx: RenderContext,
  objects: readonly BoardObject[],
  rectOf: RectLookup,
  visible: Rect,
  hidden: ReadonlySet<string>,
  zoom: number,
  buckets: BlockBuckets,
): number {
  const right = visible.x + visible.width;
  const bottom = visible.y + visible.height;
  for (const list of buckets.values()) list.length = 0;
  let drawn = 0;
  ctx.lineWidth = 1 / zoom;
  for (const object of objects) {
    if (hidden.has(object.id)) continue;
    if (object.type === 'connector') continue;
    if (object.x > right || object.y > bottom || object.x + object.width < visible.x || object.y + object.height < visible.y) continue;
    drawn += 1;
    if (object.type === 'frame') {
      // Frames are few and sit below everything: draw them straight away.
      ctx.fillStyle = BOARD_COLORS.frameFill;
      ctx.fillRect(object.x, object.y, object.width, object.height);
      ctx.strokeStyle = BOARD_COLORS.frameStroke;
      ctx.strokeRect(object.x, object.y, object.width, object.height);
      continue;
    }
    const fill = simpleFill(object) ?? INK_PALETTE.gray;
    let list = buckets.get(fill);
    if (!list) buckets.set(fill, (list = []));
    list.push(object.x, object.y, object.width, object.height);
  }
  for (const [fill, list] of buckets) {
    if (list.length === 0) continue;
    ctx.fillStyle = fill;
    ctx.beginPath();
    for (let i = 0; i < list.length; i += 4) ctx.rect(list[i]!, list[i + 1]!, list[i + 2]!, list[i + 3]!);
    ctx.fill();
  }
  ctx.strokeStyle = INK_PALETTE.gray;
  ctx.beginPath();
  for (const object of objects) {
    if (object.type !== 'connector' || hidden.has(object.id)) continue;
    const line = resolveConnector(object, rectOf);
    if (!line) continue;
    drawn += 1;
    ctx.moveTo(line.from.x, line.from.y);
    ctx.lineTo(line.to.x, line.to.y);
  }
  ctx.stroke();
  return drawn;
}
