import { center, isPositioned, type ConnectorEnd, type Point } from '@clapboard/shared';
import { hitTest } from '../hitTest.ts';
import { editObjectAt } from './editObjectAt.ts';
import { IDLE } from './gesture.ts';
import type { ToolContext, ToolDefinition, ToolState } from './ToolMachine.ts';

/** Screen pixels an arrow to empty board must span; shorter is a slip, not an arrow. */
const MIN_FREE_ARROW = 10;

/**
 * Draws an arrow from the press to the release: each end sticks to the
 * object under it, or stays where it is on empty board. Then back to select.
 */
export const connectorTool: ToolDefinition = {
  id: 'connector',
  writes: true,
  idle: (context) => ({
    name: 'idle',
    pointerDown: ({ board }) => {
      const { editor } = context;
      const hit = hitTest(editor.store, board, editor.viewport.current.zoom);
      const attached = hit && isPositioned(hit) ? hit : null;
      const from: ConnectorEnd = attached ? { objectId: attached.id } : { x: board.x, y: board.y };
      return connecting(context, from, attached ? center(attached) : board, board);
    },
    doubleClick: (event) => editObjectAt(context, event),
  }),
};

function connecting({ editor, canvas }: ToolContext, from: ConnectorEnd, start: Point, at: Point): ToolState {
  const show = (current: Point) => canvas.setGesture({ kind: 'connect', from, start, current });
  return {
    name: 'connecting',
    enter: () => show(at),
    exit: () => canvas.setGesture(IDLE),
    pointerMove: ({ board }) => show(board),
    pointerUp: ({ board }) => {
      const zoom = editor.viewport.current.zoom;
      const hit = hitTest(editor.store, board, zoom);
      const fromId = 'objectId' in from ? from.objectId : null;
      const to: ConnectorEnd = hit && isPositioned(hit) && hit.id !== fromId ? { objectId: hit.id } : { x: board.x, y: board.y };
      const length = Math.hypot(board.x - start.x, board.y - start.y) * zoom;
      if ('objectId' in to || length >= MIN_FREE_ARROW) {
        editor.createConnector(from, to);
        editor.tool.set('select');
      }
      return 'idle';
    },
  };
}
