import type { NoteRecord } from '@clapboard/shared';
import { paintNote } from './paintNote.ts';

/** A note drawn once into its own bitmap at one resolution. */
interface Sprite {
  canvas: HTMLCanvasElement;
  scale: number;
  pixels: number;
  /** What the bitmap shows; any difference means it must be redrawn. */
  text: string;
  color: string;
  width: number;
  height: number;
  hideText: boolean;
}

/** Bitmaps larger than this (one note filling a zoomed-in screen) are not worth caching: drawn directly, text stays sharp. */
const MAX_SPRITE_PIXELS = 1_000_000;
/** Total cache size: 16 M pixels is 64 MiB of bitmaps, enough for the 1,500 notes full detail can show. */
const BUDGET_PIXELS = 16_000_000;

/**
 * Resolutions come in steps of √2, rounded up, so a sprite is never
 * stretched more than ~1.4× down (sharp) and zooming re-renders sprites
 * only when it crosses a step, not on every wheel tick.
 */
export function spriteScale(devicePixelsPerUnit: number): number {
  const step = Math.ceil(Math.log2(Math.max(devicePixelsPerUnit, 1 / 64)) * 2);
  return 2 ** (step / 2);
}

/**
 * Per-note bitmaps for the full-detail level. Text is what makes a canvas
 * slow — each line is shaped and rasterised on every frame — so each note is
 * painted once into its own canvas and every later frame is one drawImage
 * per note. A note's bitmap is redrawn only when what it shows changes, so a
 * remote edit costs one note, and panning costs no text at all.
 * Least recently drawn bitmaps are dropped first, within a pixel budget.
 */
export class NoteSpriteCache {
  private readonly sprites = new Map<string, Sprite>();
  private pixels = 0;
  /** Bitmaps painted so far (for the benchmark and tests). */
  painted = 0;

  draw(ctx: CanvasRenderingContext2D, note: NoteRecord, hideText: boolean, devicePixelsPerUnit: number): void {
    const scale = spriteScale(devicePixelsPerUnit);
    const width = Math.ceil(note.width * scale);
    const height = Math.ceil(note.height * scale);
    if (width * height > MAX_SPRITE_PIXELS || width === 0 || height === 0) {
      this.forget(note.id);
      paintNote(ctx, note, hideText);
      return;
    }
    const sprite = this.spriteFor(note, hideText, scale, width, height);
    ctx.drawImage(sprite.canvas, 0, 0, note.width, note.height);
  }

  forget(id: string): void {
    const sprite = this.sprites.get(id);
    if (!sprite) return;
    this.sprites.delete(id);
    this.pixels -= sprite.pixels;
  }

  get size(): number {
    return this.sprites.size;
  }

  private spriteFor(note: NoteRecord, hideText: boolean, scale: number, width: number, height: number): Sprite {
    const cached = this.sprites.get(note.id);
    // Re-inserting keeps the Map in least-recently-drawn order for eviction.
    if (cached) this.sprites.delete(note.id);
    if (cached && cached.scale === scale && cached.text === note.text && cached.color === note.color &&
      cached.width === note.width && cached.height === note.height && cached.hideText === hideText) {
      this.sprites.set(note.id, cached);
      return cached;
    }
    if (cached) this.pixels -= cached.pixels;
    const canvas = cached?.canvas ?? document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    paintNote(ctx, note, hideText);
    this.painted += 1;
    const sprite: Sprite = { canvas, scale, pixels: width * height, text: note.text, color: note.color, width: note.width, height: note.height, hideText };
    this.sprites.set(note.id, sprite);
    this.pixels += sprite.pixels;
    this.evict();
    return sprite;
  }

  private evict(): void {
    for (const [id, sprite] of this.sprites) {
      if (this.pixels <= BUDGET_PIXELS) break;
      this.sprites.delete(id);
      this.pixels -= sprite.pixels;
    }
  }
}

/** One cache for the page: sprites are keyed by note id and content, so boards never share stale bitmaps. */
export const noteSprites = new NoteSpriteCache();
