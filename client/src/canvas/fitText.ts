/**
 * Sticky-note text shrinks to fit its note, as on paper: the largest font
 * size (down to a floor) at which the word-wrapped text fits the box.
 *
 * Speed matters here: a burst of remote edits re-lays-out a hundred notes in
 * one frame. So text is measured word by word (a line's width is the sum of
 * its words' widths), each word once at a reference size and scaled
 * linearly, and the font size is found by binary search. Results are cached
 * per text and box, so an unchanged note is never laid out twice (on any
 * canvas: see below why these caches may be shared).
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

/*
 * The caches in this file are module-level on purpose, and right for any
 * number of canvases on a page (the board and an offscreen export): each is
 * a memo of a pure function, keyed by everything its result depends on.
 * - Layout is in board units. No canvas's zoom, transform or pixel ratio
 *   reaches it: measureText reports CSS pixels for a font string, whatever
 *   canvas it is called on and however that canvas is scaled.
 * - A width depends on the font string and the text, and is keyed by both.
 *   The fonts are the system's: no web font loads later and changes widths.
 * - A layout depends on the text, the box and the note font (a constant).
 * So the board on screen and an export at another zoom and resolution lay a
 * note out identically, as an export must, and share the work. Another
 * canvas can at most make a full cache clear and cost a re-measure, never
 * give a wrong result.
 */
const REFERENCE_FONT = canvasFont(REFERENCE_SIZE);
/** Widths at the reference size: by font string, then by text. */
const referenceWidths = new Map<string, Map<string, number>>();
/** Scratch for measuring only; its font is set before every measurement, so no state carries over. */
let measuringContext: CanvasRenderingContext2D | null = null;

function referenceWidth(font: string, text: string): number {
  let widths = referenceWidths.get(font);
  if (!widths) referenceWidths.set(font, (widths = new Map()));
  let width = widths.get(text);
  if (width === undefined) {
    measuringContext ??= document.createElement('canvas').getContext('2d')!;
    measuringContext.font = font;
    width = measuringContext.measureText(text).width;
    if (widths.size > CACHE_LIMIT) widths.clear();
    widths.set(text, width);
  }
  return width;
}

/** Canvas width of `text` at `size`, with the same font string the note is drawn with. */
export const measureText: MeasureFn = (text, size) => (referenceWidth(REFERENCE_FONT, text) * size) / REFERENCE_SIZE;

/**
 * Word-wraps `text` at `size` into `width`; words longer than a line break
 * anywhere. The canvas draws exactly these lines, so what was measured is
 * what is drawn.
 */
export function wrapLines(text: string, size: number, width: number, measureFn: MeasureFn = measureText): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const token of paragraph.split(/(\s+)/)) {
      if (token === '') continue;
      const tokenWidth = measureFn(token, size);
      if (lineWidth + tokenWidth <= width || line === '') {
        line += token;
        lineWidth += tokenWidth;
      } else {
        out.push(line.trimEnd());
        const isSpace = /^\s+$/.test(token);
        line = isSpace ? '' : token;
        lineWidth = isSpace ? 0 : tokenWidth;
      }
      // A word wider than a whole line (wherever it starts) wraps by characters.
      while (lineWidth > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measureFn(line.slice(0, cut), size) > width) cut--;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
        lineWidth = measureFn(line, size);
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

export function countLines(text: string, size: number, width: number, measureFn: MeasureFn = measureText): number {
  return wrapLines(text, size, width, measureFn).length;
}

export interface NoteTextLayout {
  fontSize: number;
  /** The wrapped lines, joined with newlines. */
  text: string;
}

/** By box and text (see above: nothing else changes a layout). */
const layoutCache = new Map<string, NoteTextLayout>();

/** Font size and pre-wrapped text for a note-like box. */
export function layoutNoteText(text: string, width: number, height: number): NoteTextLayout {
  const key = `${width}x${height}:${text}`;
  const cached = layoutCache.get(key);
  if (cached) return cached;
  const fontSize = fitFontSize(text, width, height);
  const lines = wrapLines(text, fontSize, innerWidth(width));
  const layout = { fontSize, text: lines.join('\n') };
  if (layoutCache.size > CACHE_LIMIT) layoutCache.clear();
  layoutCache.set(key, layout);
  return layout;
}

function innerWidth(width: number): number {
  return Math.max(1, width - NOTE_PADDING * 2 - WRAP_SLACK);
}

/** By box and text, for the note font's own measure only (an injected one is never cached). */
const sizeCache = new Map<string, number>();

export function fitFontSize(text: string, width: number, height: number, measureFn: MeasureFn = measureText): number {
  const useCache = measureFn === measureText;
  const key = `${width}x${height}:${text}`;
  const cached = useCache ? sizeCache.get(key) : undefined;
  if (cached !== undefined) return cached;
  const innerW = innerWidth(width);
  const innerH = Math.max(1, height - NOTE_PADDING * 2);
  // Prefer shrinking over breaking a word in the middle, as long as the
  // longest word can fit at a readable size.
  const longest = text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  const fits = (size: number) =>
    countLines(text || ' ', size, innerW, measureFn) * size * LINE_HEIGHT <= innerH &&
    (size <= MIN_READABLE_WORD_FONT || measureFn(longest, size) <= innerW);
  // Bigger text never takes fewer lines, so "fits" flips once: binary search.
  let low = MIN_FONT;
  let high = MAX_FONT;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  if (useCache) {
    if (sizeCache.size > CACHE_LIMIT) sizeCache.clear();
    sizeCache.set(key, low);
  }
  return low;
}
