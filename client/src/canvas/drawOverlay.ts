import { INK_PALETTE, isPositioned, rectFromPoints, resolveConnector, unionRects, type ConnectorRecord, type Rect, type RectLookup } from '@clapboard/shared';
import type { BoardStore } from '../model/BoardStore.ts';
import { THEME } from './theme.ts';
import { cornerPoints, type Gesture } from './tools/gesture.ts';

export const HANDLE_SIZE = 10;

export interface OverlayInput {
  store: BoardStore;
  selection: readonly string[];
  gesture: Gesture;
  zoom: number;
  showHandles: boolean;
  remoteSelections: readonly { color: string; ids: readonly string[] }[];
}

/** A rect lookup that applies the drag offset to the objects being dragged. */
export function dragLookup(store: BoardStore, gesture: Gesture): RectLookup {
  if (gesture.kind === 'drag') {
    return (id) => {
      const rect = store.rectOf(id);
      return rect && gesture.ids.has(id) ? { ...rect, x: rect.x + gesture.dx, y: rect.y + gesture.dy } : rect;
    };
  }
  return store.rectOf;
}

/** The selection's bounding box as it is currently shown (dragged or resized). */
export function selectionBox(store: BoardStore, ids: readonly string[], gesture: Gesture): Rect | null {
  if (gesture.kind === 'resize') return gesture.box;
  const lookup = dragLookup(store, gesture);
  return unionRects(ids.map(lookup).filter((r): r is Rect => !!r));
}

/**
 * Everything drawn over the content: the selection (a thick outline, so it
 * is not signalled by colour alone), handles, the marquee, the arrow being
 * drawn, connectors following a drag, and other people's selections.
 */
export function drawOverlay(ctx: CanvasRenderingContext2D, input: OverlayInput): void {
  const { store, gesture, zoom } = input;
  const px = 1 / zoom;
  const lookup = dragLookup(store, gesture);

  if (gesture.kind === 'drag') {
    for (const id of gesture.connectors) {
      const connector = store.get(id);
      if (connector?.type === 'connector') drawConnector(ctx, shiftFree(connector, gesture), lookup, px);
    }
  }

  for (const remote of input.remoteSelections) {
    ctx.strokeStyle = remote.color;
    ctx.lineWidth = 2 * px;
    ctx.setLineDash([6 * px, 4 * px]);
    for (const id of remote.ids) {
      const rect = store.rectOf(id);
      if (rect) ctx.strokeRect(rect.x - 4 * px, rect.y - 4 * px, rect.width + 8 * px, rect.height + 8 * px);
    }
    ctx.setLineDash([]);
  }

  ctx.strokeStyle = THEME.selection;
  for (const id of input.selection) {
    const object = store.get(id);
    if (!object) continue;
    if (object.type === 'connector') {
      const line = resolveConnector(gesture.kind === 'drag' ? shiftFree(object, gesture) : object, lookup);
      if (!line) continue;
      ctx.lineWidth = 8 * px;
      ctx.globalAlpha = 0.35;
      ctx.beginPath();
      ctx.moveTo(line.from.x, line.from.y);
      ctx.lineTo(line.to.x, line.to.y);
      ctx.stroke();
      ctx.globalAlpha = 1;
      continue;
    }
    const rect = lookup(id);
    if (!rect) continue;
    ctx.lineWidth = 3 * px;
    ctx.strokeRect(rect.x - 2 * px, rect.y - 2 * px, rect.width + 4 * px, rect.height + 4 * px);
  }

  const box = input.showHandles ? selectionBox(store, input.selection.filter((id) => isPositionedId(store, id)), gesture) : null;
  if (box && (gesture.kind === 'idle' || gesture.kind === 'resize' || gesture.kind === 'pending')) {
    ctx.lineWidth = 1 * px;
    ctx.strokeRect(box.x, box.y, box.width, box.height);
    const size = HANDLE_SIZE * px;
    for (const corner of Object.values(cornerPoints(box))) {
      ctx.fillStyle = THEME.handleFill;
      ctx.fillRect(corner.x - size / 2, corner.y - size / 2, size, size);
      ctx.lineWidth = 2 * px;
      ctx.strokeRect(corner.x - size / 2, corner.y - size / 2, size, size);
    }
  }

  if (gesture.kind === 'marquee') {
    const rect = rectFromPoints(gesture.start, gesture.current);
    ctx.fillStyle = THEME.selectionFill;
    ctx.fillRect(rect.x, rect.y, rect.width, rect.height);
    ctx.lineWidth = 1 * px;
    ctx.strokeRect(rect.x, rect.y, rect.width, rect.height);
  }

  if (gesture.kind === 'connect') {
    ctx.strokeStyle = INK_PALETTE.black;
    ctx.lineWidth = 2.5 * px;
    ctx.setLineDash([8 * px, 6 * px]);
    ctx.beginPath();
    ctx.moveTo(gesture.start.x, gesture.start.y);
    ctx.lineTo(gesture.current.x, gesture.current.y);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

function isPositionedId(store: BoardStore, id: string): boolean {
  const object = store.get(id);
  return !!object && isPositioned(object);
}

/** During a drag, free ends of a dragged connector move with it. */
function shiftFree(connector: ConnectorRecord, gesture: Extract<Gesture, { kind: 'drag' }>): ConnectorRecord {
  if (!gesture.ids.has(connector.id)) return connector;
  const shift = (end: ConnectorRecord['from']) => ('objectId' in end ? end : { x: end.x + gesture.dx, y: end.y + gesture.dy });
  return { ...connector, from: shift(connector.from), to: shift(connector.to) };
}

function drawConnector(ctx: CanvasRenderingContext2D, connector: ConnectorRecord, lookup: RectLookup, px: number): void {
  const line = resolveConnector(connector, lookup);
  if (!line) return;
  const color = INK_PALETTE[connector.stroke];
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(line.from.x, line.from.y);
  ctx.lineTo(line.to.x, line.to.y);
  ctx.stroke();
  if (!connector.arrow) return;
  const angle = Math.atan2(line.to.y - line.from.y, line.to.x - line.from.x);
  const size = 12;
  ctx.beginPath();
  ctx.moveTo(line.to.x, line.to.y);
  ctx.lineTo(line.to.x - size * Math.cos(angle - 0.45), line.to.y - size * Math.sin(angle - 0.45));
  ctx.lineTo(line.to.x - size * Math.cos(angle + 0.45), line.to.y - size * Math.sin(angle + 0.45));
  ctx.closePath();
  ctx.fill();
  void px;
}
