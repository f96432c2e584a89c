/**
 * The board's drawing code: pure functions from plain records to Canvas 2D
 * calls, with no DOM, React or Konva. The client paints its canvas with
 * them, and the server paints PNG exports with the same functions, so an
 * export looks like the board.
 */
export * from './context.ts';
export * from './drawBlocks.ts';
export * from './lineBreaks.ts';
export * from './noteText.ts';
export * from './paintBoard.ts';
export * from './paintNote.ts';
export * from './paintObjects.ts';
export * from './textDirection.ts';
export * from './theme.ts';
