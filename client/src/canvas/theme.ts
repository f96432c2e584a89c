import { INK_PALETTE, NOTE_PALETTE, type BoardObject } from '@clapboard/shared';

/** Colours of the board chrome (not of objects, which come from the shared palette). Frozen: every canvas on the page reads the same one. */
export const THEME = Object.freeze({
  background: '#f4f4f1',
  frameFill: '#ffffff',
  frameStroke: '#9e9e9e',
  frameHeader: '#eeeeee',
  selection: '#1565c0',
  selectionFill: 'rgba(21, 101, 192, 0.08)',
  handleFill: '#ffffff',
  noteEdge: 'rgba(0, 0, 0, 0.18)',
});

export const FRAME_HEADER = 44;

/** Fill used when the object is drawn as a plain block (zoomed-out level of detail, minimap). */
export function simpleFill(object: BoardObject): string | null {
  switch (object.type) {
    case 'note':
    case 'answer':
      return NOTE_PALETTE[object.color].fill;
    case 'frame':
      return THEME.frameFill;
    case 'shape':
      return object.fill ? INK_PALETTE[object.fill] : null;
    case 'text':
      return '#bdbdbd';
    default:
      return null;
  }
}
