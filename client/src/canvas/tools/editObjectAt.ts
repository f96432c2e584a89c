import { hitTest } from '../hitTest.ts';
import type { ToolContext, ToolPointer } from './ToolMachine.ts';

/**
 * Double-click: open the text of the object under the pointer (the editor
 * refuses if this person may not edit). Where notes are written in a sheet
 * (phones), a double-tap on empty board, or inside a frame away from its
 * title, writes a new note there.
 */
export function editObjectAt({ editor }: ToolContext, event: ToolPointer): void {
  const hit = hitTest(editor.store, event.board, editor.viewport.current.zoom);
  if (hit && hit.type !== 'connector') editor.startEditing(hit.id);
  else if (!hit && editor.writing.enabled.get()) editor.createAt('note', event.board);
}
