import { useEffect, useMemo, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { Point } from '@clapboard/shared';
import type { BoardEditor } from '../../editor/BoardEditor.ts';
import { PointerDispatcher, type DispatchedPointer } from './PointerDispatcher.ts';
import { TOOLS, type ToolRegistry } from './registry.ts';
import type { ToolCanvas } from './ToolMachine.ts';

interface Options {
  editor: BoardEditor;
  canvas: ToolCanvas;
  container: RefObject<HTMLDivElement | null>;
  spaceHeld: RefObject<boolean>;
  onCursor: (point: Point | null) => void;
  tools?: ToolRegistry;
}

/**
 * The canvas element's pointer, wheel and key handlers: DOM events become
 * plain ones for the PointerDispatcher, which routes them to the tools.
 * Handled on the container element, with the R-tree for hit-testing, so
 * Konva never builds a hit canvas. The wheel moves the camera here, whatever
 * the tool.
 */
export function usePointerDispatcher({ editor, canvas, container, spaceHeld, onCursor, tools = TOOLS }: Options) {
  const dispatcher = useMemo(() => new PointerDispatcher({ editor, canvas }, tools, () => spaceHeld.current), [editor, canvas, tools, spaceHeld]);

  const toScreen = (event: { clientX: number; clientY: number }): Point => {
    const rect = container.current?.getBoundingClientRect();
    return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
  };

  const pointerOf = (event: ReactPointerEvent<HTMLDivElement>): DispatchedPointer => ({
    pointerId: event.pointerId,
    touch: event.pointerType === 'touch',
    button: event.button,
    screen: toScreen(event),
    additive: event.shiftKey || event.ctrlKey || event.metaKey,
  });

  function handlePointerDown(event: ReactPointerEvent<HTMLDivElement>) {
    // Presses on the HTML over the canvas (the note editor, cursors' labels) are theirs.
    if (event.target !== event.currentTarget && !(event.target instanceof HTMLCanvasElement)) return;
    container.current?.focus({ preventScroll: true });
    if (dispatcher.down(pointerOf(event))) event.currentTarget.setPointerCapture(event.pointerId);
  }

  function handlePointerMove(event: ReactPointerEvent<HTMLDivElement>) {
    const board = dispatcher.move(pointerOf(event));
    if (board) onCursor(board);
  }

  function handlePointerUp(event: ReactPointerEvent<HTMLDivElement>) {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    dispatcher.up(pointerOf(event));
  }

  function handlePointerCancel(event: ReactPointerEvent<HTMLDivElement>) {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    dispatcher.cancel(event);
  }

  function handleKeyDown(event: ReactKeyboardEvent<HTMLDivElement>) {
    // Keys typed into the note editor (a child of the canvas element) are not the tool's.
    if (event.target === event.currentTarget && dispatcher.keyDown(event.nativeEvent)) event.preventDefault();
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
    onPointerLeave: () => onCursor(null),
    onDoubleClick: (event: ReactMouseEvent<HTMLDivElement>) => dispatcher.doubleClick(toScreen(event)),
    onKeyDown: handleKeyDown,
    onContextMenu: (event: ReactMouseEvent) => event.preventDefault(),
  };
}
