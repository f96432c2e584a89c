import { FRAME_TITLE_CLEARANCE, PLACEMENT_GAP } from '../geometry/placement.ts';
import type { Rect } from '../geometry/rect.ts';
import { NOTE_SIZE } from '../model/records/note.ts';

/** Size of a frame's instructions text on the board: readable from the back of a room at "fit board". */
export const INSTRUCTIONS_FONT_SIZE = 20;
/** The board client's line height for text objects (client/src/canvas/fitText.ts). */
const LINE_HEIGHT = 1.2;
/**
 * Average glyph width as a share of the font size. Proportional fonts
 * average about half an em; 0.6 over-estimates on purpose, because the
 * canvas clips text taller than its box and word wrapping wastes the end of
 * lines. A box a little too tall costs nothing.
 */
const GLYPH_WIDTH = 0.6;

/** What placing a frame's content needs to know about the frame. */
export interface FrameContentInput {
  width: number;
  instructions?: string | undefined;
  noteCount: number;
}

/** Where a frame's instructions and starter notes go, relative to the frame's top-left corner. */
export interface FrameContentLayout {
  instructions: Rect | null;
  notes: Rect[];
  /** The height the frame needs to hold all of it. */
  neededHeight: number;
  /** The width the frame needs for one column of notes (0 without notes). */
  neededWidth: number;
}

/** Height of a text box of `width` that holds `text` at the instructions size, line breaks kept. */
export function instructionsHeight(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (INSTRUCTIONS_FONT_SIZE * GLYPH_WIDTH)));
  const lines = text.split('\n').reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
  return Math.ceil(lines * INSTRUCTIONS_FONT_SIZE * LINE_HEIGHT + INSTRUCTIONS_FONT_SIZE / 2);
}

/**
 * The one layout of a template frame's content, used by the schema (does it
 * fit?), the builder (where does it go?) and the export (how many notes fit
 * back?), so the three can never disagree: instructions under the title,
 * then starter notes in a grid of note-sized cells, in reading order.
 */
export function layoutFrameContent(frame: FrameContentInput): FrameContentLayout {
  const innerWidth = frame.width - 2 * PLACEMENT_GAP;
  let top = FRAME_TITLE_CLEARANCE;
  let instructions: Rect | null = null;
  if (frame.instructions) {
    instructions = { x: PLACEMENT_GAP, y: top, width: Math.max(1, innerWidth), height: instructionsHeight(frame.instructions, Math.max(1, innerWidth)) };
    top += instructions.height + PLACEMENT_GAP;
  }
  const cell = NOTE_SIZE + PLACEMENT_GAP;
  const columns = Math.max(1, Math.floor((frame.width - PLACEMENT_GAP) / cell));
  const notes: Rect[] = [];
  for (let i = 0; i < frame.noteCount; i++) {
    notes.push({ x: PLACEMENT_GAP + (i % columns) * cell, y: top + Math.floor(i / columns) * cell, width: NOTE_SIZE, height: NOTE_SIZE });
  }
  const last = notes.at(-1) ?? instructions;
  return {
    instructions,
    notes,
    neededHeight: (last ? last.y + last.height : FRAME_TITLE_CLEARANCE) + PLACEMENT_GAP,
    neededWidth: notes.length > 0 ? NOTE_SIZE + 2 * PLACEMENT_GAP : 0,
  };
}
