import { BOARD_COLORS } from '@clapboard/shared/render';

export { FRAME_HEADER, simpleFill } from '@clapboard/shared/render';

/**
 * Colours of the board chrome (not of objects, which come from the shared
 * palette): what the shared drawing code uses, plus what only this page
 * draws (background, selection). Frozen: every canvas on the page reads the same one.
 */
export const THEME = Object.freeze({
  ...BOARD_COLORS,
  background: '#f4f4f1',
  selection: '#1565c0',
  selectionFill: 'rgba(21, 101, 192, 0.08)',
  handleFill: '#ffffff',
});
