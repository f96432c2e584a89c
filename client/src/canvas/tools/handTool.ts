import type { Point, ViewState } from '@clapboard/shared';
import { editObjectAt } from './editObjectAt.ts';
import { IDLE } from './gesture.ts';
import type { ToolContext, ToolDefinition, ToolState } from './ToolMachine.ts';

/**
 * Moves the camera with the pointer. Also what the other tools use for a
 * drag that moves nothing (empty board, a press by someone who may only
 * look), and what a middle or right button or a held Space gives any tool.
 */
export const handTool: ToolDefinition = {
  id: 'hand',
  writes: false,
  idle: (context) => ({
    name: 'idle',
    pointerDown: (event) => panning(context, event.screen, context.editor.viewport.current),
    doubleClick: (event) => editObjectAt(context, event),
  }),
};

/** The camera follows the pointer from where it was at `screen` with `view`. */
export function panning({ editor, canvas }: ToolContext, screen: Point, view: ViewState): ToolState {
  return {
    name: 'panning',
    enter: () => canvas.setGesture({ kind: 'pan', screen, view }),
    exit: () => canvas.setGesture(IDLE),
    pointerMove: (event) => {
      editor.viewport.set({
        x: view.x - (event.screen.x - screen.x) / view.zoom,
        y: view.y - (event.screen.y - screen.y) / view.zoom,
        zoom: view.zoom,
      });
    },
    pointerUp: () => 'idle',
  };
}
