/**
 * Note text layout on this page: the shared layout code
 * (shared/src/render/noteText.ts) measuring with the page's fonts.
 *
 * One layouter for the page, on purpose, and right for any number of
 * canvases on it (the board and an offscreen export): its caches are memos
 * of pure functions keyed by everything their results depend on, and every
 * canvas on a page measures with the same system fonts (no web font loads
 * later and changes widths). So two canvases at different zooms lay a note
 * out identically and share the work; another canvas can at most make a
 * full cache clear and cost a re-measure, never give a wrong result.
 */
import {
  NoteTextLayouter,
  countLines as countLinesWith,
  fitFontSize as fitFontSizeWith,
  wrapLines as wrapLinesWith,
  type MeasureFn,
  type NoteTextLayout,
} from '@clapboard/shared/render';

export { LINE_HEIGHT, NOTE_FONT_FAMILY, NOTE_PADDING, canvasFont, type MeasureFn, type NoteTextLayout } from '@clapboard/shared/render';

export const noteTextLayouter = new NoteTextLayouter(() => document.createElement('canvas').getContext('2d')!);

/** Canvas width of `text` at `size`, with the same font string the note is drawn with. */
export const measureText: MeasureFn = noteTextLayouter.measure;

export function wrapLines(text: string, size: number, width: number, measureFn: MeasureFn = measureText): string[] {
  return wrapLinesWith(text, size, width, measureFn);
}

export function countLines(text: string, size: number, width: number, measureFn: MeasureFn = measureText): number {
  return countLinesWith(text, size, width, measureFn);
}

/** Cached for the page's own measure; an injected one (tests) is never cached. */
export function fitFontSize(text: string, width: number, height: number, measureFn: MeasureFn = measureText): number {
  return measureFn === measureText ? noteTextLayouter.fitFontSize(text, width, height) : fitFontSizeWith(text, width, height, measureFn);
}

/** Font size and pre-wrapped text for a note-like box. */
export function layoutNoteText(text: string, width: number, height: number): NoteTextLayout {
  return noteTextLayouter.layout(text, width, height);
}
