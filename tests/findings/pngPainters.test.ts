/**
 * The shared painters (shared/src/render) on a real @napi-rs/canvas
 * context, with each fillText call noted on the way through: what text
 * lands where, cut how.
 */
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { NoteTextLayouter, paintFrame, paintShape, type RenderContext } from '@clapboard/shared/render';

interface Drawn {
  text: string;
  x: number;
  align: string;
}

/** A real canvas context whose fillText calls are also written down. */
function recordingContext(): { ctx: RenderContext; drawn: Drawn[]; layouter: NoteTextLayouter } {
  const real = createCanvas(2000, 1000).getContext('2d');
  const drawn: Drawn[] = [];
  const ctx = new Proxy(real, {
    get(target, key) {
      if (key === 'fillText') {
        return (text: string, x: number, y: number) => {
          drawn.push({ text, x, align: target.textAlign });
          target.fillText(text, x, y);
        };
      }
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, key, value) {
      return Reflect.set(target, key, value, target);
    },
  });
  return { ctx, drawn, layouter: new NoteTextLayouter(() => createCanvas(1, 1).getContext('2d')) };
}

describe('shared painters', () => {
  it('cuts a frame title that does not fit with an ellipsis, within the title bar, even a 20,000-character one', () => {
    const { ctx, drawn, layouter } = recordingContext();
    const title = 'Housing and repairs '.repeat(1000);
    paintFrame(ctx, { width: 600, height: 400, text: title }, false, layouter);
    expect(drawn).toHaveLength(1);
    const line = drawn[0]!.text;
    expect(line.endsWith('…')).toBe(true);
    expect(title.startsWith(line.slice(0, -1))).toBe(true);
    expect(layouter.measureBold(line, 22)).toBeLessThanOrEqual(600 - 28);
    // As long as fits: one more character would not.
    expect(layouter.measureBold(title.slice(0, line.length) + '…', 22)).toBeGreaterThan(600 - 28);
  });

  it('starts a right-to-left frame title from the right', () => {
    const { ctx, drawn, layouter } = recordingContext();
    paintFrame(ctx, { width: 600, height: 400, text: 'ما الذي يساعدك' }, false, layouter);
    expect(drawn).toEqual([{ text: 'ما الذي يساعدك', x: 600 - 14, align: 'right' }]);
  });

  it("keeps a shape's label to the lines that fit, the last cut with an ellipsis", () => {
    const { ctx, drawn, layouter } = recordingContext();
    paintShape(ctx, { shape: 'rectangle', width: 200, height: 80, stroke: 'black', fill: null, text: 'one two three four five six seven eight nine ten eleven twelve' }, false, layouter);
    // 80 units less padding leaves room for two 20-unit lines.
    expect(drawn).toHaveLength(2);
    expect(drawn[1]!.text.endsWith('…')).toBe(true);
    expect(drawn.every((line) => line.align === 'center' && line.x === 100)).toBe(true);
  });
});
