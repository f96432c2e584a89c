import { placingTool } from './placingTool.ts';

/** A press places a text box and opens it for typing. */
export const textTool = placingTool('text', ({ editor }, id) => {
  // After this press's default focus handling, or the editor would lose focus at once.
  setTimeout(() => editor.startEditing(id), 0);
});
