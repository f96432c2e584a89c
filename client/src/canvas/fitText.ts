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
/** Below this size we break long words rather than shrink further. */
const MIN_READABLE_WORD_FONT = 14;

let context: CanvasRenderingContext2D | null = null;
const cache = new Map<string, number>();

function measure(text: string, size: number): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * size * 0.55;
  context.font = `${size}px ${NOTE_FONT_FAMILY}`;
  return context.measureText(text).width;
}

/** How many lines `text` wraps to at `size` in `width` (words longer than a line break anywhere). */
export function countLines(text: string, size: number, width: number, measureFn = measure): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = '';
    lines += 1;
    for (const word of paragraph.split(/(\s+)/)) {
      const candidate = line + word;
      if (measureFn(candidate, size) <= width || line === '') {
        line = candidate;
        // A single word wider than the line wraps by characters.
        while (measureFn(line, size) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && measureFn(line.slice(0, cut), size) > width) cut--;
          line = line.slice(cut);
          lines += 1;
        }
      } else {
        lines += 1;
        line = word.trimStart();
      }
    }
  }
  return lines;
}

export function fitFontSize(text: string, width: number, height: number, measureFn = measure): number {
  const key = `${width}x${height}:${text}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const innerW = Math.max(1, width - NOTE_PADDING * 2);
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
