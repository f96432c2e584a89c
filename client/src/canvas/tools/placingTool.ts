import type { NewObjectKind } from '../../editor/commands.ts';
import { editObjectAt } from './editObjectAt.ts';
import type { ToolContext, ToolDefinition } from './ToolMachine.ts';

/**
 * The shape of the tools that put one object on the board: a press places
 * it there (selected), then the toolbar is back on select, as after placing
 * a sticky note by hand. `placed` runs after, with the new object's id.
 */
export function placingTool(kind: NewObjectKind, placed?: (context: ToolContext, id: string) => void): ToolDefinition {
  return {
    id: kind,
    writes: true,
    idle: (context) => ({
      name: 'idle',
      pointerDown: ({ board }) => {
        const id = context.editor.createAt(kind, board);
        context.editor.tool.set('select');
        if (id) placed?.(context, id);
      },
      doubleClick: (event) => editObjectAt(context, event),
    }),
  };
}
