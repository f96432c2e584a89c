import { placingTool } from './placingTool.ts';

/** A press places a sticky note (at the nearest free spot, see createObject). */
export const noteTool = placingTool('note');
