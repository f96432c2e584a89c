import type { NoteRecord } from '../model/records/index.ts';
import { NOTE_PALETTE } from '../model/palette.ts';
import type { RenderContext } from './context.ts';
import { LINE_HEIGHT, NOTE_PADDING, canvasFont, type NoteTextLayouter } from './noteText.ts';
import { textDirection } from './textDirection.ts';
import { BOARD_COLORS } from './theme.ts';

const CORNER = 3;

/**
 * Draws a sticky note in board units with its top-left at the origin: the
 * paper, its edge, and the text laid out by `layouter` (wrapped and shrunk
 * to fit), starting from the right for right-to-left text. The client paints
 * its note bitmaps with it; the PNG export paints the board with it.
 */
export function paintNote(ctx: RenderContext, note: NoteRecord, hideText: boolean, layouter: NoteTextLayouter): void {
  const palette = NOTE_PALETTE[note.color];
  ctx.beginPath();
  ctx.roundRect(0.5, 0.5, note.width - 1, note.height - 1, CORNER);
  ctx.fillStyle = palette.fill;
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = BOARD_COLORS.noteEdge;
  ctx.stroke();
  if (hideText || !note.text) return;

  const layout = layouter.layout(note.text, note.width, note.height);
  const lineHeight = layout.fontSize * LINE_HEIGHT;
  const rtl = textDirection(note.text) === 'rtl';
  ctx.font = canvasFont(layout.fontSize);
  ctx.fillStyle = palette.ink;
  ctx.textBaseline = 'middle';
  ctx.direction = rtl ? 'rtl' : 'ltr';
  ctx.textAlign = rtl ? 'right' : 'left';
  const x = rtl ? note.width - NOTE_PADDING : NOTE_PADDING;
  const lines = layout.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const y = NOTE_PADDING + i * lineHeight + lineHeight / 2;
    if (y - lineHeight / 2 > note.height) break;
    ctx.fillText(lines[i]!, x, y);
  }
}
