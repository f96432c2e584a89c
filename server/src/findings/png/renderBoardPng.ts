import { createCanvas } from '@napi-rs/canvas';
import type * as Y from 'yjs';
import {
  NOTE_SIZE,
  connectorBounds,
  isPositioned,
  readAllObjects,
  readRevealedAnswer,
  readThemes,
  rectsIntersect,
  unionRects,
  type BoardObject,
  type FrameRecord,
  type Rect,
} from '@clapboard/shared';
import { DEFAULT_FINDINGS_LANGUAGE, findingsLocale, type FindingsLanguage, type FindingsLocale } from '@clapboard/shared/findings';
import { NoteTextLayouter, drawBlocks, paintBoardInSteps, paintTheme, type BoardScene, type DrawnTheme } from '@clapboard/shared/render';

/** Pixel budget when the caller names none: 16 MP is a 4,000 × 4,000 image, about 64 MiB of bitmap while it is drawn. */
export const DEFAULT_MAX_EXPORT_PIXELS = 16_000_000;
/** Never more than this many pixels per board unit: twice the screen's size is sharp on paper, more only costs. */
const MAX_SCALE = 2;
/** Skia refuses surfaces wider or taller than this, whatever the pixel count. */
const MAX_SIDE = 32_000;
/** Board units of white around the whole board (a frame is cut exactly at its edges). */
const MARGIN = 40;
/** Size of a board with nothing on it: a blank page rather than an error. */
const EMPTY: Rect = { x: 0, y: 0, width: 400, height: 300 };
/**
 * Below this many pixels per note, text cannot be read: notes become plain
 * blocks, as on the board when zoomed out this far (client CanvasController).
 */
const MIN_READABLE_NOTE_PX = 24;
/** Longest the drawing holds the event loop at a time. */
const SLICE_MS = 20;

export interface RenderBoardPngOptions {
  /** Draw only this frame's area (what lies over it included), cut at its edges. */
  frameId?: string;
  /** Largest image, in pixels (width × height); the board is scaled down to fit it. */
  maxPixels?: number;
  /** The language of the few words the image adds (themes' labels, a hidden answer's notice); English when absent. */
  lang?: FindingsLanguage;
}

/** The `frame` asked for is not a frame on this board. */
export class FrameNotFoundError extends Error {
  readonly code = 'FRAME_NOT_FOUND';
  constructor() {
    super('no such frame on this board');
  }
}

/**
 * The board (or one frame of it) as a PNG, drawn with the same shared code
 * the client draws its canvas with (shared/src/render; @napi-rs/canvas's
 * context satisfies its RenderContext as a browser's does), from the content
 * document's validated records: objects, themes, and the words of revealed
 * answers from the server-written `answers` root. Nothing else of the
 * document (no client ids, no update history) reaches the image.
 *
 * The scale is the largest, up to MAX_SCALE, that keeps the image within
 * `maxPixels`; a board so large that notes would be smaller than a readable
 * size is drawn as coloured blocks, as the canvas draws it zoomed out.
 */
export async function renderBoardPng(contentDoc: Y.Doc, options: RenderBoardPngOptions = {}): Promise<Uint8Array> {
  const objects = readAllObjects(contentDoc);
  const rects = new Map<string, Rect>();
  for (const object of objects) if (isPositioned(object)) rects.set(object.id, object);
  const rectOf = (id: string) => rects.get(id) ?? null;
  const locale = findingsLocale(options.lang ?? DEFAULT_FINDINGS_LANGUAGE);
  // Themes (shared/src/synthesis/themes.ts), labelled as the board labels them, drawn below everything.
  const themes: DrawnTheme[] = readThemes(contentDoc).map((theme) => ({ ...theme, label: themeLabel(theme.name, theme.noteIds.length, locale) }));

  const area = exportArea(objects, themes, rectOf, options.frameId);
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_EXPORT_PIXELS;
  const scale = Math.min(MAX_SCALE, Math.sqrt(maxPixels / (area.width * area.height)), MAX_SIDE / area.width, MAX_SIDE / area.height);
  const width = Math.max(1, Math.floor(area.width * scale));
  const height = Math.max(1, Math.floor(area.height * scale));

  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  // White, not the board's grey: an export is printed and pasted into reports.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.setTransform(scale, 0, 0, scale, -area.x * scale, -area.y * scale);
  // Only what reaches the image is drawn: a frame's export skips the rest of the board.
  const shown = objects.filter((object) => {
    const box = isPositioned(object) ? object : connectorBounds(object, rectOf);
    return box !== null && rectsIntersect(box, area);
  });

  const shownThemes = themes.filter((theme) => rectsIntersect(theme, area));
  // A layouter per export: it measures with this process's fonts, and its caches go with the image.
  const layouter = new NoteTextLayouter(() => createCanvas(1, 1).getContext('2d'));

  if (NOTE_SIZE * scale < MIN_READABLE_NOTE_PX) {
    // Themes are drawn at every level of detail, as on the board.
    for (const theme of shownThemes) {
      ctx.save();
      ctx.translate(theme.x, theme.y);
      paintTheme(ctx, theme, layouter);
      ctx.restore();
    }
    drawBlocks(ctx, shown, rectOf, area, new Set(), scale, new Map());
  } else {
    const scene: BoardScene = { objects: shown, themes: shownThemes, rectOf, answerText: (answerId) => answerText(contentDoc, answerId, locale) };
    // In slices, giving the event loop back between them: a 10,000-note board
    // takes seconds to draw, and the board's live connections must not wait for it.
    let sliceStarted = performance.now();
    for (const _ of paintBoardInSteps(ctx, scene, layouter)) {
      if (performance.now() - sliceStarted < SLICE_MS) continue;
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
  }
  // Encoding runs on libuv's thread pool, off the event loop.
  return new Uint8Array(await canvas.encode('png'));
}

/** The board area to draw: one frame's rectangle, or everything with a margin. */
function exportArea(objects: readonly BoardObject[], themes: readonly DrawnTheme[], rectOf: (id: string) => Rect | null, frameId: string | undefined): Rect {
  if (frameId !== undefined) {
    const frame = objects.find((object): object is FrameRecord => object.type === 'frame' && object.id === frameId);
    if (!frame) throw new FrameNotFoundError();
    return { x: frame.x, y: frame.y, width: frame.width, height: frame.height };
  }
  const boxes: Rect[] = [...themes];
  for (const object of objects) {
    const box = isPositioned(object) ? object : connectorBounds(object, rectOf);
    if (box) boxes.push(box);
  }
  const content = unionRects(boxes);
  if (!content) return EMPTY;
  return { x: content.x - MARGIN, y: content.y - MARGIN, width: content.width + MARGIN * 2, height: content.height + MARGIN * 2 };
}

/** A theme's label on the board (client: themes.canvasLabel), in the export's language. */
function themeLabel(name: string, count: number, { labels, count: counted }: FindingsLocale): string {
  return `${name || labels.themes.untitled} · ${counted('note', count)}`;
}

/** What an answer card shows: its words, or why it was hidden (in the export's language). */
function answerText(contentDoc: Y.Doc, answerId: string, { labels }: FindingsLocale): string {
  const answer = readRevealedAnswer(contentDoc, answerId);
  if (!answer) return '';
  return answer.hidden ? labels.hidden(answer.hiddenReason ?? '') : answer.text;
}
