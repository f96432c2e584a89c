import { NOTE_PALETTE, type NoteRecord } from '@clapboard/shared';
import { LINE_HEIGHT, NOTE_PADDING, canvasFont, layoutNoteText } from '../fitText.ts';
import { THEME } from '../theme.ts';
import { textDirection } from './textDirection.ts';

const CORNER = 3;

/**
 * Draws a sticky note in board units with its top-left at the origin: the
 * paper, its edge, and the text laid out by layoutNoteText (already wrapped
 * and shrunk to fit). Used both to fill a note's cached bitmap and, when a
 * bitmap would be too large, straight onto the layer.
 */
export function paintNote(ctx: CanvasRenderingContext2D, note: NoteRecord, hideText: boolean): void {
  const palette = NOTE_PALETTE[note.color];
  ctx.beginPath();
  ctx.roundRect(0.5, 0.5, note.width - 1, note.height - 1, CORNER);
  ctx.fillStyle = palette.fill;
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = THEME.noteEdge;
  ctx.stroke();
  if (hideText || !note.text) return;

  const layout = layoutNoteText(note.text, note.width, note.height);
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
