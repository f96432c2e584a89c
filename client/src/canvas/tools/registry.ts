import type { Tool } from '../../editor/BoardEditor.ts';
import { connectorTool } from './connectorTool.ts';
import { frameTool } from './frameTool.ts';
import { handTool } from './handTool.ts';
import { noteTool } from './noteTool.ts';
import { selectTool } from './selectTool.ts';
import { ellipseTool, rectangleTool } from './shapeTool.ts';
import { textTool } from './textTool.ts';
import type { ToolDefinition } from './ToolMachine.ts';

export type ToolRegistry = Readonly<Record<Tool, ToolDefinition>>;

/**
 * Every tool, by the id the toolbar sets. A new tool is a file of its own
 * and a line here (the type makes the line required once its id exists).
 */
export const TOOLS: ToolRegistry = {
  select: selectTool,
  hand: handTool,
  note: noteTool,
  text: textTool,
  rectangle: rectangleTool,
  ellipse: ellipseTool,
  connector: connectorTool,
  frame: frameTool,
};
