import { placingTool } from './placingTool.ts';

/** A press places a rectangle. */
export const rectangleTool = placingTool('rectangle');

/** A press places an ellipse. */
export const ellipseTool = placingTool('ellipse');
