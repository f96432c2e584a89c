import Konva from 'konva';

/**
 * Sticky-note text shrinks to fit its note, as on paper: the largest font
 * size (down to a floor) at which the word-wrapped text fits the box. Sizes
 * are cached per text and box, so a redraw never re-measures.
 */
export const NOTE_FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
export const NOTE_PADDING = 12;
export const LINE_HEIGHT = 1.2;
const MAX_FONT = 28;
const MIN_FONT = 8;
/** Board units kept free at the line end so rounding never pushes a glyph past the padding. */
const WRAP_SLACK = 4;
/** Below this size we break long words rather than shrink further. */
const MIN_READABLE_WORD_FONT = 14;

const cache = new Map<string, number>();
let probe: Konva.Text | null = null;

/** Measures with Konva itself, so the font string (Konva normalises family names) is the one it draws with. */
function measure(text: string, size: number): number {
  probe ??= new Konva.Text({ fontFamily: NOTE_FONT_FAMILY });
  probe.fontSize(size);
  return probe.measureSize(text).width;
}

/**
 * Word-wraps `text` at `size` into `width`; words longer than a line break
 * anywhere. The canvas draws exactly these lines (Konva's own wrapping is
 * off), so what was measured is what is drawn.
 */
export function wrapLines(text: string, size: number, width: number, measureFn = measure): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/(\s+)/)) {
      if (word === '') continue;
      const candidate = line + word;
      if (measureFn(candidate, size) <= width || line === '') {
        line = candidate;
        // A single word wider than the line wraps by characters.
        while (measureFn(line, size) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && measureFn(line.slice(0, cut), size) > width) cut--;
          out.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      } else {
        out.push(line.trimEnd());
        line = /^\s+$/.test(word) ? '' : word;
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

export function countLines(text: string, size: number, width: number, measureFn = measure): number {
  return wrapLines(text, size, width, measureFn).length;
}

const layoutCache = new Map<string, { fontSize: number; text: string }>();

/** Font size and pre-wrapped text for a note-like box. */
export function layoutNoteText(text: string, width: number, height: number): { fontSize: number; text: string } {
  const key = `${width}x${height}:${text}`;
  const cached = layoutCache.get(key);
  if (cached) return cached;
  const fontSize = fitFontSize(text, width, height);
  const lines = wrapLines(text, fontSize, Math.max(1, width - NOTE_PADDING * 2 - WRAP_SLACK));
  const layout = { fontSize, text: lines.join('\n') };
  if (layoutCache.size > 5000) layoutCache.clear();
  layoutCache.set(key, layout);
  return layout;
}

export function fitFontSize(text: string, width: number, height: number, measureFn = measure): number {
  const key = `${width}x${height}:${text}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  // A little slack: Konva measures with its own font string, and a word that
  // fits here by a hair must not wrap mid-word there.
  const innerW = Math.max(1, width - NOTE_PADDING * 2 - WRAP_SLACK);
  const innerH = Math.max(1, height - NOTE_PADDING * 2);
  // Prefer shrinking over breaking a word in the middle, as long as the
  // longest word can fit at a readable size.
  const longest = text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  let size = MAX_FONT;
  while (
    size > MIN_FONT &&
    (countLines(text || ' ', size, innerW, measureFn) * size * LINE_HEIGHT > innerH ||
      (size > MIN_READABLE_WORD_FONT && measureFn(longest, size) > innerW))
  )
    size -= 1;
  if (cache.size > 5000) cache.clear();
  cache.set(key, size);
  return size;
}
