import type { RenderContext } from './context.ts';
import { characterCount, lineBreaks, type LineToken } from './lineBreaks.ts';

/**
 * Sticky-note text shrinks to fit its note, as on paper: the largest font
 * size (down to a floor) at which the word-wrapped text fits the box.
 *
 * Speed matters here: a burst of remote edits re-lays-out a hundred notes in
 * one frame, and an export lays out ten thousand. So text is measured word
 * by word (a line's width is the sum of its words' widths), each word once
 * at a reference size and scaled linearly, and the font size is found by
 * binary search. NoteTextLayouter caches the results per text and box.
 */
export const NOTE_FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
export const NOTE_PADDING = 12;
export const LINE_HEIGHT = 1.2;
const MAX_FONT = 28;
const MIN_FONT = 8;
/** Board units kept free at the line end so rounding and kerning never push a glyph past the padding. */
const WRAP_SLACK = 4;
/** Below this size we break long words rather than shrink further. */
const MIN_READABLE_WORD_FONT = 14;
/** Words are measured once at this size; widths at other sizes scale linearly. */
const REFERENCE_SIZE = 100;
const CACHE_LIMIT = 20_000;

export type MeasureFn = (text: string, size: number) => number;

/** The CSS font string for the note family, with multi-word names quoted so the canvas parses it. */
export function canvasFont(size: number, weight = 'normal'): string {
  const families = NOTE_FONT_FAMILY.split(',').map((family) => {
    const name = family.trim();
    return name.includes(' ') && !/["']/.test(name) ? `"${name}"` : name;
  });
  return `normal ${weight} ${size}px ${families.join(', ')}`;
}

/**
 * Word-wraps `text` at `size` into `width`. Lines break at spaces, and
 * between the words of scripts written without spaces (see lineBreaks.ts);
 * a word longer than a line is cut between grapheme clusters. The canvas
 * draws exactly these lines, so what was measured is what is drawn.
 */
export function wrapLines(text: string, size: number, width: number, measureFn: MeasureFn): string[] {
  return wrapParagraphs(paragraphTokens(text), size, width, measureFn);
}

type Paragraphs = readonly (readonly LineToken[])[];

let lastText: string | undefined;
let lastParagraphs: Paragraphs = [];

/**
 * A text's words and spaces, by paragraph: split once and wrapped at every
 * size fitFontSize tries. The last text's are kept, because a note is laid
 * out by fitFontSize and then wrapLines on the same text, and the word
 * segmenter (for scripts without spaces) costs more than the wrapping.
 */
function paragraphTokens(text: string): Paragraphs {
  if (text !== lastText) {
    const breaks = lineBreaks();
    lastParagraphs = text.split('\n').map((paragraph) => breaks.tokens(paragraph));
    lastText = text;
  }
  return lastParagraphs;
}

function wrapParagraphs(paragraphs: Paragraphs, size: number, width: number, measureFn: MeasureFn): string[] {
  const out: string[] = [];
  for (const tokens of paragraphs) {
    let line = '';
    let lineWidth = 0;
    for (const token of tokens) {
      const tokenWidth = measureFn(token.text, size);
      if (lineWidth + tokenWidth <= width || line === '') {
        line += token.text;
        lineWidth += tokenWidth;
      } else {
        out.push(line.trimEnd());
        line = token.space ? '' : token.text;
        lineWidth = token.space ? 0 : tokenWidth;
      }
      // Only a token that starts a line can be wider than it: a word wider
      // than a whole line (wherever it starts) wraps between clusters.
      if (lineWidth > width) [line, lineWidth] = cutWord(line, lineWidth, size, width, measureFn, out);
    }
    out.push(line.trimEnd());
  }
  return out;
}

/**
 * Cuts a word wider than `width` between grapheme clusters: pushes full
 * lines to `out` and returns the rest and its width. Each line is the
 * longest run of clusters that fits, found by binary search over the
 * cluster boundaries; a single cluster wider than a line stays whole.
 */
function cutWord(word: string, wordWidth: number, size: number, width: number, measureFn: MeasureFn, out: string[]): [string, number] {
  const boundaries = lineBreaks().graphemeBoundaries(word);
  const last = boundaries.length - 1;
  let start = 0;
  let restWidth = wordWidth;
  while (restWidth > width && last - start > 1) {
    const from = boundaries[start]!;
    let low = start + 1;
    let high = last - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (measureFn(word.slice(from, boundaries[mid]), size) <= width) low = mid;
      else high = mid - 1;
    }
    out.push(word.slice(from, boundaries[low]));
    start = low;
    restWidth = measureFn(word.slice(boundaries[start]), size);
  }
  return [word.slice(boundaries[start]), restWidth];
}

/** The word with the most characters (the first of equals), or '' if there is none. */
function longestWord(paragraphs: Paragraphs): string {
  let longest = '';
  let longestCount = 0;
  for (const tokens of paragraphs) {
    for (const { text, space } of tokens) {
      // A word has at most as many characters as code units.
      if (space || text.length <= longestCount) continue;
      const count = characterCount(text);
      if (count > longestCount) [longest, longestCount] = [text, count];
    }
  }
  return longest;
}

export function countLines(text: string, size: number, width: number, measureFn: MeasureFn): number {
  return wrapLines(text, size, width, measureFn).length;
}

export interface NoteTextLayout {
  fontSize: number;
  /** The wrapped lines, joined with newlines. */
  text: string;
}

/** Width a note's text may take: the box less padding and slack. */
export function noteInnerWidth(width: number): number {
  return Math.max(1, width - NOTE_PADDING * 2 - WRAP_SLACK);
}

/** The largest font size at which `text` fits a note-like box (uncached: see NoteTextLayouter). */
export function fitFontSize(text: string, width: number, height: number, measureFn: MeasureFn): number {
  const innerW = noteInnerWidth(width);
  const innerH = Math.max(1, height - NOTE_PADDING * 2);
  // Prefer shrinking over breaking a word in the middle, as long as the
  // longest word can fit at a readable size.
  const paragraphs = paragraphTokens(text || ' ');
  const longest = longestWord(paragraphs);
  const fits = (size: number) =>
    wrapParagraphs(paragraphs, size, innerW, measureFn).length * size * LINE_HEIGHT <= innerH &&
    (size <= MIN_READABLE_WORD_FONT || measureFn(longest, size) <= innerW);
  // Bigger text never takes fewer lines, so "fits" flips once: binary search.
  let low = MIN_FONT;
  let high = MAX_FONT;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Note text layout for one measuring environment (a page's fonts, or the
 * server's), with its caches. Every cache is a memo of a pure function,
 * keyed by everything its result depends on:
 * - Layout is in board units. No canvas's zoom, transform or pixel ratio
 *   reaches it: measureText reports CSS pixels for a font string, whatever
 *   canvas it is called on and however that canvas is scaled.
 * - A width depends on the font string and the text, and is keyed by both.
 * - A layout depends on the text, the box and the note font (a constant).
 * So every canvas measuring with the same fonts may share one layouter: the
 * board on screen and an export at another zoom lay a note out identically,
 * as an export must.
 */
export class NoteTextLayouter {
  private readonly referenceFont = canvasFont(REFERENCE_SIZE);
  private readonly referenceBoldFont = canvasFont(REFERENCE_SIZE, 'bold');
  /** Widths at the reference size: by font string, then by text. */
  private readonly referenceWidths = new Map<string, Map<string, number>>();
  /** By box and text. */
  private readonly sizes = new Map<string, number>();
  private readonly layouts = new Map<string, NoteTextLayout>();
  private readonly wrapped = new Map<string, readonly string[]>();
  /** Scratch for measuring only; its font is set before every measurement, so no state carries over. */
  private context: RenderContext | null = null;

  /** `createContext` makes the scratch context, once, when the first word is measured. */
  constructor(private readonly createContext: () => RenderContext) {}

  /** Canvas width of `text` at `size`, with the same font string the note is drawn with. */
  readonly measure: MeasureFn = (text, size) => (this.referenceWidth(this.referenceFont, text) * size) / REFERENCE_SIZE;
  /** The same in bold, for titles. */
  readonly measureBold: MeasureFn = (text, size) => (this.referenceWidth(this.referenceBoldFont, text) * size) / REFERENCE_SIZE;

  /** fitFontSize with this layouter's measure, cached. */
  fitFontSize(text: string, width: number, height: number): number {
    const key = `${width}x${height}:${text}`;
    let size = this.sizes.get(key);
    if (size === undefined) {
      size = fitFontSize(text, width, height, this.measure);
      if (this.sizes.size > CACHE_LIMIT) this.sizes.clear();
      this.sizes.set(key, size);
    }
    return size;
  }

  /** wrapLines with this layouter's measure, cached: shapes and text blocks are redrawn every frame, their words rarely change. */
  wrap(text: string, size: number, width: number): readonly string[] {
    const key = `${size}@${width}:${text}`;
    let lines = this.wrapped.get(key);
    if (!lines) {
      lines = wrapLines(text, size, width, this.measure);
      if (this.wrapped.size > CACHE_LIMIT) this.wrapped.clear();
      this.wrapped.set(key, lines);
    }
    return lines;
  }

  /** Font size and pre-wrapped text for a note-like box. */
  layout(text: string, width: number, height: number): NoteTextLayout {
    const key = `${width}x${height}:${text}`;
    const cached = this.layouts.get(key);
    if (cached) return cached;
    const fontSize = this.fitFontSize(text, width, height);
    const layout = { fontSize, text: wrapLines(text, fontSize, noteInnerWidth(width), this.measure).join('\n') };
    if (this.layouts.size > CACHE_LIMIT) this.layouts.clear();
    this.layouts.set(key, layout);
    return layout;
  }

  private referenceWidth(font: string, text: string): number {
    let widths = this.referenceWidths.get(font);
    if (!widths) this.referenceWidths.set(font, (widths = new Map()));
    let width = widths.get(text);
    if (width === undefined) {
      this.context ??= this.createContext();
      this.context.font = font;
      width = this.context.measureText(text).width;
      if (widths.size > CACHE_LIMIT) widths.clear();
      widths.set(text, width);
    }
    return width;
  }
}
