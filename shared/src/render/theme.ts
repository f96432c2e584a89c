import type { BoardObject } from '../model/records/index.ts';
import { INK_PALETTE, NOTE_PALETTE } from '../model/palette.ts';

/**
 * Colours of what the board draws around objects (frames, note edges): the
 * objects' own colours come from the palette. Frozen: every canvas, on a
 * page or on the server, reads the same one.
 */
export const BOARD_COLORS = Object.freeze({
  frameFill: '#ffffff',
  frameStroke: '#9e9e9e',
  frameHeader: '#eeeeee',
  frameTitle: '#1a1a1a',
  noteEdge: 'rgba(0, 0, 0, 0.18)',
  /** Blocks of free text at the zoomed-out level of detail, where the words cannot be read. */
  textBlock: '#bdbdbd',
});

/** Height of a frame's title bar, board units (also where a click selects the frame rather than what is in it). */
export const FRAME_HEADER = 44;

/** Fill used when the object is drawn as a plain block (zoomed-out level of detail, minimap). */
export function simpleFill(object: BoardObject): string | null {
  switch (object.type) {
    case 'note':
    case 'answer':
      return NOTE_PALETTE[object.color].fill;
    case 'frame':
      return BOARD_COLORS.frameFill;
    case 'shape':
      return object.fill ? INK_PALETTE[object.fill] : null;
    case 'text':
      return BOARD_COLORS.textBlock;
    default:
      return null;
  }
}
