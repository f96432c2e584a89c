import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { ConnectorEnd } from '@clapboard/shared';
import type { BoardEditor } from '../../board/BoardEditor.ts';
import { expandWithFrameMembers } from '../../board/commands.ts';
import type { CanvasController } from '../CanvasController.ts';
import { HANDLE_SIZE, selectionBox } from '../drawOverlay.ts';
import { center, isPositioned, rectContainsRect, rectFromPoints, rectsIntersect, type Point } from '../geometry.ts';
import { hitTest } from '../hitTest.ts';
import { screenToBoard } from '../viewport.ts';
import { cornerPoints, resizeBox, type Corner } from './gesture.ts';
import { pinchView } from './pinch.ts';

/** Screen pixels a press must travel before it counts as a drag, not a click. */
const DRAG_THRESHOLD = 3;

interface Options {
  editor: BoardEditor;
  controller: CanvasController;
  container: RefObject<HTMLDivElement | null>;
  spaceHeld: RefObject<boolean>;
  onCursor: (point: Point | null) => void;
}

/**
 * The pointer side of the tools: each press starts a gesture (a small state
 * machine in CanvasController.gesture) that moves and ends with the pointer,
 * then becomes one editor command. Handled on the container element, with
 * the R-tree for hit-testing, so Konva never builds a hit canvas.
 */
export function usePointerTools({ editor, controller, container, spaceHeld, onCursor }: Options) {
  const lastScreen = useRef<Point>({ x: 0, y: 0 });
  /** Fingers on the screen (touch pointers only, at most the two a pinch uses), by pointer id. */
  const touches = useRef(new Map<number, Point>());
  /** The pointer whose press started the gesture in progress; other pointers cannot move or end it. */
  const owner = useRef<number | null>(null);

  const toScreen = (event: { clientX: number; clientY: number }): Point => {
    const rect = container.current?.getBoundingClientRect();
    return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
  };

  function handlePointerDown(event: ReactPointerEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget && !(event.target instanceof HTMLCanvasElement)) return;
    container.current?.focus({ preventScroll: true });
    if (editor.editing.get()) editor.editing.set(null);
    const screen = toScreen(event);
    if (event.pointerType === 'touch') {
      // A third finger is ignored (and not tracked: it is not captured, so its lift may never reach us).
      if (touches.current.size >= 2) return;
      // A finger landing during a mouse gesture leaves that gesture alone.
      if (busy() && touches.current.size === 0) return;
      touches.current.set(event.pointerId, screen);
      // A second finger turns whatever the first one started into a pinch.
      if (touches.current.size === 2) {
        startPinch(event.currentTarget, event.pointerId);
        return;
      }
    } else if (busy()) {
      // A second mouse or pen press while a gesture is under way: ignore it.
      return;
    }
    owner.current = event.pointerId;
    const view = editor.viewport.current;
    const board = screenToBoard(view, screen);
    const tool = editor.tool.get();
    event.currentTarget.setPointerCapture(event.pointerId);
    const additive = event.shiftKey || event.ctrlKey || event.metaKey;

    if (event.button === 1 || event.button === 2 || spaceHeld.current || tool === 'hand') {
      controller.setGesture({ kind: 'pan', screen, view });
      return;
    }
    if (!editor.canEdit) {
      const hit = hitTest(editor.store, board, view.zoom);
      controller.setGesture({ kind: 'pending', id: hit?.id ?? null, start: board, screen, additive: false });
      return;
    }
    if (tool === 'note' || tool === 'text' || tool === 'rectangle' || tool === 'ellipse' || tool === 'frame') {
      const id = editor.createAt(tool, board);
      editor.tool.set('select');
      // After this press's default focus handling, or the editor would lose focus at once.
      if (id && tool === 'text') window.setTimeout(() => editor.startEditing(id), 0);
      return;
    }
    if (tool === 'connector') {
      const hit = hitTest(editor.store, board, view.zoom);
      const from: ConnectorEnd = hit && isPositioned(hit) ? { objectId: hit.id } : { x: board.x, y: board.y };
      const start = hit && isPositioned(hit) ? center(hit) : board;
      controller.setGesture({ kind: 'connect', from, start, current: board });
      return;
    }
    const corner = handleAt(board, view.zoom);
    if (corner) {
      const ids = editor.selection.current.filter((id) => {
        const object = editor.store.get(id);
        return object && isPositioned(object);
      });
      const box = selectionBox(editor.store, ids, controller.gesture)!;
      controller.setGesture({ kind: 'resize', corner, ids, startBox: box, box });
      return;
    }
    const hit = hitTest(editor.store, board, view.zoom);
    if (hit) {
      if (additive) editor.selection.toggle(hit.id);
      else if (!editor.selection.has(hit.id)) editor.selection.replace([hit.id]);
      // A shift-click that deselected the object should not then drag it.
      const id = editor.selection.has(hit.id) ? hit.id : null;
      controller.setGesture({ kind: 'pending', id, start: board, screen, additive });
      return;
    }
    controller.setGesture({ kind: 'pending', id: null, start: board, screen, additive });
  }

  function startPinch(element: HTMLDivElement, pointerId: number) {
    const [[firstId, a], [secondId, b]] = [...touches.current.entries()] as [[number, Point], [number, Point]];
    abandonGesture();
    element.setPointerCapture(pointerId);
    owner.current = firstId;
    controller.setGesture({ kind: 'pinch', start: { a, b, view: editor.viewport.current }, pointers: [firstId, secondId] });
  }

  /** Drops the gesture in progress without committing it (a drag puts its notes back). */
  function abandonGesture() {
    if (controller.gesture.kind === 'drag') {
      controller.hidden = new Set();
      controller.dragIds.set([]);
      controller.invalidate();
    }
    owner.current = null;
    controller.setGesture({ kind: 'idle' });
  }

  /** Another pointer's gesture is under way (an owner with an idle gesture is stale: its release never came). */
  function busy(): boolean {
    return owner.current !== null && controller.gesture.kind !== 'idle';
  }

  /** Whether this pointer may move or end the gesture in progress. */
  function ownsGesture(pointerId: number): boolean {
    const gesture = controller.gesture;
    if (gesture.kind === 'pinch') return gesture.pointers.includes(pointerId);
    return owner.current === null || owner.current === pointerId;
  }

  function handleAt(board: Point, zoom: number): Corner | null {
    if (editor.selection.current.length === 0) return null;
    const ids = editor.selection.current.filter((id) => {
      const object = editor.store.get(id);
      return object && isPositioned(object);
    });
    const box = selectionBox(editor.store, ids, controller.gesture);
    if (!box) return null;
    const reach = HANDLE_SIZE / zoom;
    for (const [corner, point] of Object.entries(cornerPoints(box)) as [Corner, Point][]) {
      if (Math.abs(point.x - board.x) <= reach && Math.abs(point.y - board.y) <= reach) return corner;
    }
    return null;
  }

  function handlePointerMove(event: ReactPointerEvent<HTMLDivElement>) {
    const screen = toScreen(event);
    lastScreen.current = screen;
    if (event.pointerType === 'touch' && touches.current.has(event.pointerId)) touches.current.set(event.pointerId, screen);
    if (!ownsGesture(event.pointerId)) return;
    const pinch = controller.gesture;
    if (pinch.kind === 'pinch') {
      const a = touches.current.get(pinch.pointers[0]);
      const b = touches.current.get(pinch.pointers[1]);
      if (a && b) editor.viewport.set(pinchView(pinch.start, a, b));
      return;
    }
    const view = editor.viewport.current;
    const board = screenToBoard(view, screen);
    onCursor(board);
    const gesture = controller.gesture;
    switch (gesture.kind) {
      case 'pending': {
        if (Math.hypot(screen.x - gesture.screen.x, screen.y - gesture.screen.y) < DRAG_THRESHOLD) return;
        if (gesture.id && editor.canEdit) startDrag(gesture.start, board);
        else if (gesture.additive && editor.canEdit) {
          controller.setGesture({ kind: 'marquee', start: gesture.start, current: board, base: editor.selection.current });
        } else controller.setGesture({ kind: 'pan', screen: gesture.screen, view });
        return;
      }
      case 'pan': {
        editor.viewport.set({
          x: gesture.view.x - (screen.x - gesture.screen.x) / gesture.view.zoom,
          y: gesture.view.y - (screen.y - gesture.screen.y) / gesture.view.zoom,
          zoom: gesture.view.zoom,
        });
        return;
      }
      case 'drag':
        controller.setGesture({ ...gesture, dx: board.x - gesture.start.x, dy: board.y - gesture.start.y });
        return;
      case 'marquee': {
        controller.setGesture({ ...gesture, current: board });
        selectInMarquee(gesture.base, rectFromPoints(gesture.start, board));
        return;
      }
      case 'resize':
        controller.setGesture({ ...gesture, box: resizeBox(gesture.startBox, gesture.corner, board) });
        return;
      case 'connect':
        controller.setGesture({ ...gesture, current: board });
        return;
      default:
    }
  }

  function startDrag(start: Point, board: Point) {
    const selected = editor.selection.current;
    const ids = expandWithFrameMembers(editor.store, selected);
    const positioned = new Set([...ids].filter((id) => {
      const object = editor.store.get(id);
      return object && isPositioned(object);
    }));
    const connectors = new Set<string>();
    for (const id of ids) {
      if (editor.store.get(id)?.type === 'connector') connectors.add(id);
      for (const connectorId of editor.store.connectorsAttachedTo(id)) connectors.add(connectorId);
    }
    controller.hidden = new Set([...positioned, ...connectors]);
    controller.dragIds.set([...positioned].sort((a, b) => (editor.store.get(a)?.z ?? 0) - (editor.store.get(b)?.z ?? 0)));
    controller.invalidate();
    controller.setGesture({
      kind: 'drag',
      ids: new Set([...positioned, ...[...ids].filter((id) => connectors.has(id))]),
      connectors,
      start,
      dx: board.x - start.x,
      dy: board.y - start.y,
    });
  }

  function selectInMarquee(base: readonly string[], rect: ReturnType<typeof rectFromPoints>) {
    const picked = new Set(base);
    for (const item of editor.store.search(rect)) {
      const object = editor.store.get(item.id);
      if (!object) continue;
      const bounds = { x: item.minX, y: item.minY, width: item.maxX - item.minX, height: item.maxY - item.minY };
      // Frames and arrows only when wholly inside, so a marquee drawn inside a frame picks its notes.
      const inside = object.type === 'frame' || object.type === 'connector' ? rectContainsRect(rect, bounds) : rectsIntersect(rect, bounds);
      if (inside) picked.add(object.id);
    }
    editor.selection.replace(picked);
  }

  /** The browser took the pointer away (a system gesture, a palm, a call): drop what it was doing, commit nothing. */
  function handlePointerCancel(event: ReactPointerEvent<HTMLDivElement>) {
    touches.current.delete(event.pointerId);
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    if (ownsGesture(event.pointerId)) abandonGesture();
  }

  function handlePointerUp(event: ReactPointerEvent<HTMLDivElement>) {
    touches.current.delete(event.pointerId);
    if (!ownsGesture(event.pointerId)) return;
    owner.current = null;
    const gesture = controller.gesture;
    const board = screenToBoard(editor.viewport.current, toScreen(event));
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    controller.setGesture({ kind: 'idle' });
    switch (gesture.kind) {
      case 'pending':
        if (!gesture.id && !gesture.additive) editor.selection.clear();
        else if (gesture.id && !gesture.additive) editor.selection.replace([gesture.id]);
        return;
      case 'drag': {
        const selected = editor.selection.current;
        if (gesture.dx !== 0 || gesture.dy !== 0) editor.moveSelection(gesture.dx, gesture.dy, selected);
        controller.hidden = new Set();
        controller.dragIds.set([]);
        controller.invalidate();
        return;
      }
      case 'resize':
        editor.resizeSelection(gesture.ids, gesture.startBox, gesture.box);
        return;
      case 'connect': {
        const hit = hitTest(editor.store, board, editor.viewport.current.zoom);
        const fromId = 'objectId' in gesture.from ? gesture.from.objectId : null;
        const to: ConnectorEnd = hit && isPositioned(hit) && hit.id !== fromId ? { objectId: hit.id } : { x: board.x, y: board.y };
        const length = Math.hypot(board.x - gesture.start.x, board.y - gesture.start.y) * editor.viewport.current.zoom;
        if (!('objectId' in to) && length < 10) return;
        editor.createConnector(gesture.from, to);
        editor.tool.set('select');
        return;
      }
      default:
    }
  }

  function handleDoubleClick(event: React.MouseEvent<HTMLDivElement>) {
    const board = screenToBoard(editor.viewport.current, toScreen(event));
    const hit = hitTest(editor.store, board, editor.viewport.current.zoom);
    if (hit && hit.type !== 'connector') editor.startEditing(hit.id);
  }

  function handlePointerLeave() {
    onCursor(null);
  }

  // Wheel: pan by default, zoom with Ctrl/⌘ (Chromium reports pinch as Ctrl+wheel).
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const handleWheel = (event: WheelEvent) => {
      event.preventDefault();
      const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? element.clientHeight : 1;
      const dx = event.deltaX * scale;
      const dy = event.deltaY * scale;
      if (event.ctrlKey || event.metaKey) {
        const clamped = Math.max(-60, Math.min(60, dy));
        editor.viewport.zoomBy(Math.exp(-clamped * 0.01), toScreen(event));
      } else if (event.shiftKey && dx === 0) {
        editor.viewport.panBy(dy, 0);
      } else {
        editor.viewport.panBy(dx, dy);
      }
    };
    element.addEventListener('wheel', handleWheel, { passive: false });
    return () => element.removeEventListener('wheel', handleWheel);
  });

  return {
    onPointerDown: handlePointerDown,
    onPointerMove: handlePointerMove,
    onPointerUp: handlePointerUp,
    onPointerCancel: handlePointerCancel,
    onPointerLeave: handlePointerLeave,
    onDoubleClick: handleDoubleClick,
    onContextMenu: (event: React.MouseEvent) => event.preventDefault(),
  };
}
