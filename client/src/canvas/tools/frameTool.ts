import { placingTool } from './placingTool.ts';

/** A press places a frame, a titled area that groups what is put inside it. */
export const frameTool = placingTool('frame');
