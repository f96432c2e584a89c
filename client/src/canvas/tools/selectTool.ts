import { isPositioned, rectContainsRect, rectFromPoints, rectsIntersect, type Point, type Rect } from '@clapboard/shared';
import type { BoardEditor } from '../../editor/BoardEditor.ts';
import { expandWithFrameMembers } from '../../editor/commands.ts';
import { HANDLE_SIZE, selectionBox } from '../drawOverlay.ts';
import { hitTest } from '../hitTest.ts';
import { editObjectAt } from './editObjectAt.ts';
import { IDLE, cornerPoints, resizeBox, type Corner } from './gesture.ts';
import { panning } from './handTool.ts';
import type { ToolContext, ToolDefinition, ToolState } from './ToolMachine.ts';

/** Screen pixels a press must travel before it counts as a drag, not a click. */
const DRAG_THRESHOLD = 3;

/**
 * Select, move and resize. A press on an object selects it (Shift, Ctrl or
 * ⌘ toggles it) and, once the pointer travels, drags the selection; a press
 * on a corner handle resizes it; a Shift-drag from empty board draws a
 * marquee, a plain drag there pans. Each gesture ends in one editor command,
 * so it is one undo step.
 */
export const selectTool: ToolDefinition = {
  id: 'select',
  writes: false,
  idle: (context) => ({
    name: 'idle',
    pointerDown: ({ board, screen, additive }) => {
      const { editor } = context;
      const zoom = editor.viewport.current.zoom;
      // Someone who may only look can select (to read it out) and pan, nothing else.
      if (!editor.canEdit) return pressing(context, { id: hitTest(editor.store, board, zoom)?.id ?? null, board, screen, additive: false });
      const corner = handleAt(context, board, zoom);
      if (corner) return resizing(context, corner);
      const hit = hitTest(editor.store, board, zoom);
      if (hit) {
        if (additive) editor.selection.toggle(hit.id);
        else if (!editor.selection.has(hit.id)) editor.selection.replace([hit.id]);
      }
      // A shift-click that deselected the object should not then drag it.
      const id = hit && editor.selection.has(hit.id) ? hit.id : null;
      return pressing(context, { id, board, screen, additive });
    },
    doubleClick: (event) => editObjectAt(context, event),
  }),
};

interface Press {
  /** The selected object pressed on, if any: travelling drags the selection. */
  id: string | null;
  board: Point;
  screen: Point;
  additive: boolean;
}

/** Pressed, not yet travelled far enough to be a drag: releasing here is a click. */
function pressing(context: ToolContext, press: Press): ToolState {
  const { editor, canvas } = context;
  return {
    name: 'pressing',
    enter: () => canvas.setGesture({ kind: 'pending', id: press.id, start: press.board, screen: press.screen, additive: press.additive }),
    exit: () => canvas.setGesture(IDLE),
    pointerMove: ({ screen, board }) => {
      if (Math.hypot(screen.x - press.screen.x, screen.y - press.screen.y) < DRAG_THRESHOLD) return;
      if (press.id && editor.canEdit) return dragging(context, press.board, board);
      if (press.additive && editor.canEdit) return marquee(context, press.board, board);
      return panning(context, press.screen, editor.viewport.current);
    },
    pointerUp: () => {
      if (!press.id && !press.additive) editor.selection.clear();
      else if (press.id && !press.additive) editor.selection.replace([press.id]);
      return 'idle';
    },
  };
}

/**
 * The selection (with the members of selected frames) follows the pointer,
 * drawn on the interaction layer; the document changes once, on release.
 */
function dragging(context: ToolContext, start: Point, at: Point): ToolState {
  const { editor, canvas } = context;
  const { store } = editor;
  const ids = expandWithFrameMembers(store, editor.selection.current);
  const positioned = new Set([...ids].filter((id) => {
    const object = store.get(id);
    return object && isPositioned(object);
  }));
  const connectors = new Set<string>();
  for (const id of ids) {
    if (store.get(id)?.type === 'connector') connectors.add(id);
    for (const connectorId of store.connectorsAttachedTo(id)) connectors.add(connectorId);
  }
  const moving = new Set([...positioned, ...[...ids].filter((id) => connectors.has(id))]);
  let dx = at.x - start.x;
  let dy = at.y - start.y;
  const show = () => canvas.setGesture({ kind: 'drag', ids: moving, connectors, start, dx, dy });
  return {
    name: 'dragging',
    enter: () => {
      canvas.lift(new Set([...positioned, ...connectors]), [...positioned].sort((a, b) => (store.get(a)?.z ?? 0) - (store.get(b)?.z ?? 0)));
      show();
    },
    exit: () => {
      canvas.lift(new Set(), []);
      canvas.setGesture(IDLE);
    },
    pointerMove: ({ board }) => {
      dx = board.x - start.x;
      dy = board.y - start.y;
      show();
    },
    pointerUp: () => {
      if (dx !== 0 || dy !== 0) editor.moveSelection(dx, dy, editor.selection.current);
      return 'idle';
    },
  };
}

/** Shift-drag from empty board: what the rectangle touches joins the selection there was. */
function marquee({ editor, canvas }: ToolContext, start: Point, at: Point): ToolState {
  const base = editor.selection.current;
  return {
    name: 'marquee',
    enter: () => canvas.setGesture({ kind: 'marquee', start, current: at, base }),
    exit: () => canvas.setGesture(IDLE),
    pointerMove: ({ board }) => {
      canvas.setGesture({ kind: 'marquee', start, current: board, base });
      editor.selection.replace(inMarquee(editor, base, rectFromPoints(start, board)));
    },
    pointerUp: () => 'idle',
  };
}

function inMarquee({ store }: BoardEditor, base: readonly string[], rect: Rect): Set<string> {
  const picked = new Set(base);
  for (const item of store.search(rect)) {
    const object = store.get(item.id);
    if (!object) continue;
    const bounds = { x: item.minX, y: item.minY, width: item.maxX - item.minX, height: item.maxY - item.minY };
    // Frames and arrows only when wholly inside, so a marquee drawn inside a frame picks its notes.
    const inside = object.type === 'frame' || object.type === 'connector' ? rectContainsRect(rect, bounds) : rectsIntersect(rect, bounds);
    if (inside) picked.add(object.id);
  }
  return picked;
}

/** Dragging a corner handle of the selection's box; the objects scale with it on release. */
function resizing({ editor, canvas }: ToolContext, corner: Corner): ToolState {
  const ids = positionedSelection(editor);
  const startBox = selectionBox(editor.store, ids, canvas.gesture)!;
  let box = startBox;
  return {
    name: 'resizing',
    enter: () => canvas.setGesture({ kind: 'resize', corner, ids, startBox, box }),
    exit: () => canvas.setGesture(IDLE),
    pointerMove: ({ board }) => {
      box = resizeBox(startBox, corner, board);
      canvas.setGesture({ kind: 'resize', corner, ids, startBox, box });
    },
    pointerUp: () => {
      editor.resizeSelection(ids, startBox, box);
      return 'idle';
    },
  };
}

/** The corner handle of the selection's box under `board`, if any. */
function handleAt(context: ToolContext, board: Point, zoom: number): Corner | null {
  const { editor, canvas } = context;
  if (editor.selection.current.length === 0) return null;
  const box = selectionBox(editor.store, positionedSelection(editor), canvas.gesture);
  if (!box) return null;
  const reach = HANDLE_SIZE / zoom;
  for (const [corner, point] of Object.entries(cornerPoints(box)) as [Corner, Point][]) {
    if (Math.abs(point.x - board.x) <= reach && Math.abs(point.y - board.y) <= reach) return corner;
  }
  return null;
}

function positionedSelection(editor: BoardEditor): string[] {
  return editor.selection.current.filter((id) => {
    const object = editor.store.get(id);
    return object && isPositioned(object);
  });
}
