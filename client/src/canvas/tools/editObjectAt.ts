import { hitTest } from '../hitTest.ts';
import type { ToolContext, ToolPointer } from './ToolMachine.ts';

/**
 * Double-click: open the text of the object under the pointer (the editor
 * refuses if this person may not edit). On empty board, or inside a frame
 * away from its title, it writes a new note there: open for typing on a
 * laptop, in the writing sheet on a phone (createAt diverts it there, and to
 * the anonymous box where notes are anonymous).
 */
export function editObjectAt({ editor }: ToolContext, event: ToolPointer): void {
  const hit = hitTest(editor.store, event.board, editor.viewport.current.zoom);
  if (hit && hit.type !== 'connector') return void editor.startEditing(hit.id);
  if (hit) return;
  const id = editor.createAt('note', event.board);
  if (id) editor.startEditing(id);
}
