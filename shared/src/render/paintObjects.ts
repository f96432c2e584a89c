import { resolveConnector, type RectLookup } from '../geometry/connector.ts';
import type { Point } from '../geometry/rect.ts';
import { INK_PALETTE, NOTE_PALETTE } from '../model/palette.ts';
import type { ConnectorRecord, FrameRecord, ShapeRecord, TextRecord } from '../model/records/index.ts';
import type { RenderContext } from './context.ts';
import { LINE_HEIGHT, NOTE_PADDING, canvasFont, type MeasureFn, type NoteTextLayouter } from './noteText.ts';
import { textDirection } from './textDirection.ts';
import { BOARD_COLORS, FRAME_HEADER } from './theme.ts';

/*
 * Painters for the objects other than notes, in board units with the
 * object's top-left at the origin (connectors, which have no box, in board
 * coordinates). Each sets every context property it relies on, so they can
 * be called in any order on one context.
 */

const FRAME_CORNER = 6;
const FRAME_TITLE_SIZE = 22;
const FRAME_TITLE_INSET = 14;
const FRAME_TITLE_TOP = 10;
const SHAPE_TEXT_SIZE = 20;
const CONNECTOR_WIDTH = 2.5;
const ARROW_HEAD = 12;
const ELLIPSIS = '…';

/**
 * `text` cut to `width` at `size`, ending in an ellipsis when it was cut.
 * The cut is found by binary search (a longer prefix is never narrower), so
 * a title thousands of characters long costs a dozen measurements, not one
 * per character.
 */
function fitOneLine(text: string, size: number, width: number, measure: MeasureFn): string {
  if (measure(text, size) <= width) return text;
  let low = 0;
  let high = text.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, mid) + ELLIPSIS, size) <= width) low = mid;
    else high = mid - 1;
  }
  return low > 0 ? text.slice(0, low).trimEnd() + ELLIPSIS : '';
}

/** Sets the text alignment for `text`'s direction and returns the x its lines start from, within [left, right]. */
function alignStart(ctx: RenderContext, text: string, left: number, right: number): number {
  const rtl = textDirection(text) === 'rtl';
  ctx.direction = rtl ? 'rtl' : 'ltr';
  ctx.textAlign = rtl ? 'right' : 'left';
  return rtl ? right : left;
}

/** A frame: a white area with a grey title bar and its title on one line, cut with an ellipsis. */
export function paintFrame(ctx: RenderContext, frame: Pick<FrameRecord, 'width' | 'height' | 'text'>, hideText: boolean, text: NoteTextLayouter): void {
  ctx.beginPath();
  ctx.roundRect(0, 0, frame.width, frame.height, FRAME_CORNER);
  ctx.fillStyle = BOARD_COLORS.frameFill;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = BOARD_COLORS.frameStroke;
  ctx.stroke();
  ctx.beginPath();
  ctx.roundRect(0, 0, frame.width, Math.min(FRAME_HEADER, frame.height), [FRAME_CORNER, FRAME_CORNER, 0, 0]);
  ctx.fillStyle = BOARD_COLORS.frameHeader;
  ctx.fill();
  if (hideText || !frame.text) return;
  const title = frame.text.split('\n')[0]!;
  ctx.font = canvasFont(FRAME_TITLE_SIZE, 'bold');
  ctx.fillStyle = BOARD_COLORS.frameTitle;
  ctx.textBaseline = 'middle';
  const x = alignStart(ctx, title, FRAME_TITLE_INSET, frame.width - FRAME_TITLE_INSET);
  ctx.fillText(fitOneLine(title, FRAME_TITLE_SIZE, Math.max(1, frame.width - FRAME_TITLE_INSET * 2), text.measureBold), x, FRAME_TITLE_TOP + FRAME_TITLE_SIZE / 2);
}

/**
 * What a theme (shared/src/synthesis/themes.ts) needs to be drawn: its area,
 * colour and the label to show (its name and member count, in the reader's
 * language: the caller words it).
 */
export interface DrawnTheme {
  x: number;
  y: number;
  width: number;
  height: number;
  /** A note colour name; anything else is drawn grey. */
  color: string;
  label: string;
}

const THEME_CORNER = 12;
const THEME_TINT_ALPHA = 0.28;
const THEME_EDGE = '#424242';
const THEME_DASH = [12, 8];
const THEME_LABEL_SIZE = 24;
const THEME_LABEL_INSET = 16;
const THEME_LABEL_TOP = 12;

/**
 * A theme's area: a pale tint of its colour under a dashed edge, with its
 * label across the top. Drawn below everything, frames included, so the
 * notes it groups sit on it.
 */
export function paintTheme(ctx: RenderContext, theme: Omit<DrawnTheme, 'x' | 'y'>, text: NoteTextLayouter): void {
  const palette = NOTE_PALETTE[theme.color as keyof typeof NOTE_PALETTE] ?? NOTE_PALETTE.gray;
  ctx.beginPath();
  ctx.roundRect(0, 0, theme.width, theme.height, THEME_CORNER);
  ctx.globalAlpha = THEME_TINT_ALPHA;
  ctx.fillStyle = palette.fill;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.lineWidth = 2;
  ctx.strokeStyle = THEME_EDGE;
  ctx.setLineDash(THEME_DASH);
  ctx.stroke();
  ctx.setLineDash([]);
  if (!theme.label) return;
  ctx.font = canvasFont(THEME_LABEL_SIZE, 'bold');
  ctx.fillStyle = BOARD_COLORS.frameTitle;
  ctx.textBaseline = 'middle';
  const x = alignStart(ctx, theme.label, THEME_LABEL_INSET, theme.width - THEME_LABEL_INSET);
  const line = fitOneLine(theme.label, THEME_LABEL_SIZE, Math.max(1, theme.width - THEME_LABEL_INSET * 2), text.measureBold);
  ctx.fillText(line, x, THEME_LABEL_TOP + THEME_LABEL_SIZE / 2);
}

/** A rectangle or ellipse with its label centred, cut to the lines that fit. */
export function paintShape(ctx: RenderContext, shape: Pick<ShapeRecord, 'shape' | 'width' | 'height' | 'stroke' | 'fill' | 'text'>, hideText: boolean, text: NoteTextLayouter): void {
  const measure = text.measure;
  ctx.beginPath();
  if (shape.shape === 'ellipse') ctx.ellipse(shape.width / 2, shape.height / 2, shape.width / 2, shape.height / 2, 0, 0, Math.PI * 2);
  else ctx.rect(0, 0, shape.width, shape.height);
  if (shape.fill) {
    ctx.fillStyle = INK_PALETTE[shape.fill];
    ctx.fill();
  }
  ctx.lineWidth = 2;
  ctx.strokeStyle = INK_PALETTE[shape.stroke];
  ctx.stroke();
  if (hideText || !shape.text) return;
  const innerW = Math.max(1, shape.width - NOTE_PADDING * 2);
  const innerH = Math.max(1, shape.height - NOTE_PADDING * 2);
  const lines = clampLines(text.wrap(shape.text, SHAPE_TEXT_SIZE, innerW), Math.floor(innerH / SHAPE_TEXT_SIZE), SHAPE_TEXT_SIZE, innerW, measure);
  ctx.font = canvasFont(SHAPE_TEXT_SIZE);
  ctx.fillStyle = shape.fill === 'black' ? '#ffffff' : INK_PALETTE.black;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.direction = textDirection(shape.text);
  const top = shape.height / 2 - (lines.length * SHAPE_TEXT_SIZE) / 2;
  for (let i = 0; i < lines.length; i++) ctx.fillText(lines[i]!, shape.width / 2, top + i * SHAPE_TEXT_SIZE + SHAPE_TEXT_SIZE / 2);
}

/** The first `max` lines, the last ending in an ellipsis when some were left out. */
function clampLines(lines: readonly string[], max: number, size: number, width: number, measure: MeasureFn): readonly string[] {
  if (lines.length <= max) return lines;
  if (max <= 0) return [];
  const kept = lines.slice(0, max);
  kept[max - 1] = fitOneLine(kept[max - 1]! + ELLIPSIS, size, width, measure);
  return kept;
}

/** Free text: word-wrapped in its box from the edge its direction starts at; lines below the box are not drawn. */
export function paintText(ctx: RenderContext, object: Pick<TextRecord, 'width' | 'height' | 'fontSize' | 'color' | 'text'>, hideText: boolean, text: NoteTextLayouter): void {
  if (hideText || !object.text) return;
  const lineHeight = object.fontSize * LINE_HEIGHT;
  const lines = text.wrap(object.text, object.fontSize, object.width);
  ctx.font = canvasFont(object.fontSize);
  ctx.fillStyle = INK_PALETTE[object.color];
  ctx.textBaseline = 'middle';
  const x = alignStart(ctx, object.text, 0, object.width);
  for (let i = 0; i < lines.length && (i + 1) * lineHeight <= object.height + 0.5; i++) {
    ctx.fillText(lines[i]!, x, i * lineHeight + lineHeight / 2);
  }
}

/** An arrow between its two ends, derived from the objects they are attached to; nothing when an end's object is gone. */
export function paintConnector(ctx: RenderContext, connector: ConnectorRecord, rectOf: RectLookup): void {
  const line = resolveConnector(connector, rectOf);
  if (line) paintConnectorLine(ctx, line, connector);
}

/** A connector along an already resolved line (the client resolves it with drags applied), in board coordinates. */
export function paintConnectorLine(ctx: RenderContext, line: { from: Point; to: Point }, connector: Pick<ConnectorRecord, 'stroke' | 'arrow'>): void {
  const color = INK_PALETTE[connector.stroke];
  ctx.lineWidth = CONNECTOR_WIDTH;
  ctx.lineCap = 'butt';
  ctx.lineJoin = 'miter';
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(line.from.x, line.from.y);
  ctx.lineTo(line.to.x, line.to.y);
  ctx.stroke();
  if (!connector.arrow) return;
  const dx = line.to.x - line.from.x;
  const dy = line.to.y - line.from.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return;
  // The head's two back corners, ARROW_HEAD behind the tip and half as far to either side.
  const ux = dx / length;
  const uy = dy / length;
  const backX = line.to.x - ux * ARROW_HEAD;
  const backY = line.to.y - uy * ARROW_HEAD;
  ctx.beginPath();
  ctx.moveTo(line.to.x, line.to.y);
  ctx.lineTo(backX - (uy * ARROW_HEAD) / 2, backY + (ux * ARROW_HEAD) / 2);
  ctx.lineTo(backX + (uy * ARROW_HEAD) / 2, backY - (ux * ARROW_HEAD) / 2);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
}
