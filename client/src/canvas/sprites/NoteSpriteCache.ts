import { NOTE_PALETTE, type NoteRecord } from '@clapboard/shared';
import { paintNote } from '@clapboard/shared/render';
import { noteTextLayouter } from '../fitText.ts';

/** A note drawn once into its own bitmap at one resolution. */
interface Sprite {
  canvas: HTMLCanvasElement;
  /** Device pixels per board unit the bitmap was painted at. */
  scale: number;
  pixels: number;
  /** What the bitmap shows; any difference means it must be repainted. */
  text: string;
  color: string;
  width: number;
  height: number;
  hideText: boolean;
  /** The frame it was last drawn in: never evicted during that frame. */
  lastFrame: number;
}

/** Bitmaps larger than this (one note filling a zoomed-in screen) are not worth caching: painted directly. */
const MAX_SPRITE_PIXELS = 1_000_000;
/** Total cache size: 16 M pixels is 64 MiB of bitmaps, more than the 1,500 notes full detail can show need. */
const BUDGET_PIXELS = 16_000_000;
/** Painting beyond this much per frame waits for the next frame, so a zoom or a burst of edits never stalls one. */
const PAINT_BUDGET_MS = 5;
/** A draw this long after the last beginFrame is a draw Konva started itself: it gets a budget of its own. */
const FRAME_GAP_MS = 50;

/**
 * Where a note lands on the device canvas: scale and translation (the
 * camera times the canvas's pixel ratio). Passed as numbers so the hot path
 * allocates nothing per note.
 */
export interface DeviceTransform {
  scale: number;
  x: number;
  y: number;
}

/**
 * Per-note bitmaps for the full level of detail. Text is what makes a
 * canvas slow — each line is shaped and rasterised on every frame — so each
 * note is painted once into its own canvas, and every later frame copies it.
 *
 * The copy is a plain blit: the bitmap is painted at exactly the screen's
 * resolution and placed on whole device pixels. A software-rendered canvas
 * pays about three times as much to draw a bitmap scaled (measured: 48 notes
 * scaled 4.3 ms, blitted 1.3 ms per frame).
 *
 * Repainting is budgeted per frame. Over budget, a note whose bitmap is only
 * at the wrong resolution (mid-zoom) is drawn scaled, and a note never
 * painted is drawn as a plain block; either way the next frame is requested
 * and carries on. A note is repainted only when what it shows changes, so a
 * remote edit costs one note and panning costs none. The least recently
 * drawn bitmaps are dropped first, within a pixel budget.
 *
 * One cache per canvas (CanvasController owns it): bitmaps are keyed by note
 * id only, and one canvas's resolution, frames and budget are not
 * another's. Shared, a second canvas at another zoom or pixel ratio would
 * repaint every note the first had painted, and evict its bitmaps.
 */
export class NoteSpriteCache {
  private readonly sprites = new Map<string, Sprite>();
  private pixels = 0;
  private frame = 0;
  private frameStarted = -Infinity;
  /** Time spent painting bitmaps in this frame, and how many. */
  private paintMs = 0;
  private paintsThisFrame = 0;
  /** Bitmaps painted so far (for tests and the benchmark). */
  painted = 0;
  /** Called when some notes were drawn provisionally and need another frame. */
  onFrameNeeded: (() => void) | null = null;

  /** Starts a frame's paint budget. */
  beginFrame(): void {
    this.frame += 1;
    this.frameStarted = performance.now();
    this.paintMs = 0;
    this.paintsThisFrame = 0;
  }

  /**
   * Only painting counts against the budget (not copying bitmaps), and every
   * frame may paint at least one note, so painting always makes progress.
   */
  private canPaint(): boolean {
    if (performance.now() - this.frameStarted > FRAME_GAP_MS) this.beginFrame();
    return this.paintsThisFrame === 0 || this.paintMs < PAINT_BUDGET_MS;
  }

  /** Draws `note` with its top-left at the context's origin, which `device` places on the canvas. */
  draw(ctx: CanvasRenderingContext2D, note: NoteRecord, hideText: boolean, device: DeviceTransform): void {
    const { scale } = device;
    const width = Math.round(note.width * scale);
    const height = Math.round(note.height * scale);
    if (width * height > MAX_SPRITE_PIXELS || width < 1 || height < 1) {
      this.forget(note.id);
      paintNote(ctx, note, hideText, noteTextLayouter);
      return;
    }
    let sprite = this.touch(note.id);
    const current = sprite !== undefined && shows(sprite, note, hideText);
    if (!current || sprite!.scale !== scale) {
      if (this.canPaint()) {
        sprite = this.paint(note, hideText, scale, width, height, sprite);
      } else {
        this.onFrameNeeded?.();
        if (current) ctx.drawImage(sprite!.canvas, 0, 0, note.width, note.height);
        else drawPlaceholder(ctx, note);
        return;
      }
    }
    // Identity transform and whole pixels: the cheapest copy a canvas has.
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(sprite!.canvas, Math.round(device.x), Math.round(device.y));
    ctx.setTransform(scale, 0, 0, scale, device.x, device.y);
  }

  /** Drops every bitmap (the canvas is going away). */
  clear(): void {
    this.sprites.clear();
    this.pixels = 0;
  }

  private forget(id: string): void {
    const sprite = this.sprites.get(id);
    if (!sprite) return;
    this.sprites.delete(id);
    this.pixels -= sprite.pixels;
  }

  /** The cached sprite, moved to the most-recently-drawn end of the eviction order. */
  private touch(id: string): Sprite | undefined {
    const sprite = this.sprites.get(id);
    if (sprite) {
      this.sprites.delete(id);
      this.sprites.set(id, sprite);
      sprite.lastFrame = this.frame;
    }
    return sprite;
  }

  private paint(note: NoteRecord, hideText: boolean, scale: number, width: number, height: number, previous: Sprite | undefined): Sprite {
    const started = performance.now();
    if (previous) this.pixels -= previous.pixels;
    const canvas = previous?.canvas ?? document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(width / note.width, 0, 0, height / note.height, 0, 0);
    paintNote(ctx, note, hideText, noteTextLayouter);
    this.painted += 1;
    const sprite: Sprite = {
      canvas,
      scale,
      pixels: width * height,
      text: note.text,
      color: note.color,
      width: note.width,
      height: note.height,
      hideText,
      lastFrame: this.frame,
    };
    this.sprites.delete(note.id);
    this.sprites.set(note.id, sprite);
    this.pixels += sprite.pixels;
    this.evict();
    this.paintsThisFrame += 1;
    this.paintMs += performance.now() - started;
    return sprite;
  }

  /**
   * Oldest first, and never a bitmap drawn in this frame: if what is on
   * screen needs more than the budget, the cache grows for now rather than
   * repaint the same notes every frame.
   */
  private evict(): void {
    for (const [id, sprite] of this.sprites) {
      if (this.pixels <= BUDGET_PIXELS || sprite.lastFrame === this.frame) break;
      this.forget(id);
    }
  }
}

function shows(sprite: Sprite, note: NoteRecord, hideText: boolean): boolean {
  return (
    sprite.text === note.text &&
    sprite.color === note.color &&
    sprite.width === note.width &&
    sprite.height === note.height &&
    sprite.hideText === hideText
  );
}

/** A note not painted yet: its colour for one frame, as the zoomed-out view draws it. */
function drawPlaceholder(ctx: CanvasRenderingContext2D, note: NoteRecord): void {
  ctx.fillStyle = NOTE_PALETTE[note.color].fill;
  ctx.fillRect(0, 0, note.width, note.height);
}
