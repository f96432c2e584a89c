import { describe, expect, it } from 'vitest';
import { spriteScale } from '../../client/src/canvas/sprites/NoteSpriteCache.ts';
import { textDirection } from '../../client/src/canvas/sprites/textDirection.ts';

describe('note bitmap resolution', () => {
  it('is never below what the screen needs, and at most √2 above it', () => {
    for (let pixels = 0.05; pixels < 6; pixels *= 1.07) {
      const scale = spriteScale(pixels);
      expect(scale).toBeGreaterThanOrEqual(pixels - 1e-9);
      expect(scale).toBeLessThanOrEqual(pixels * Math.SQRT2 + 1e-9);
    }
  });

  it('changes only when zoom crosses a step, so small zooms reuse bitmaps', () => {
    expect(spriteScale(0.9)).toBe(spriteScale(0.95));
    expect(spriteScale(1)).toBe(1);
    expect(spriteScale(1.01)).toBeCloseTo(Math.SQRT2);
  });
});

describe('note text direction', () => {
  it('follows the first letter that has a direction, as dir="auto" does', () => {
    expect(textDirection('Hello')).toBe('ltr');
    expect(textDirection('مرحبا')).toBe('rtl'); // Arabic
    expect(textDirection('سلام دوست')).toBe('rtl'); // Persian
    expect(textDirection('שלום')).toBe('rtl'); // Hebrew
    expect(textDirection('12 - مرحبا')).toBe('rtl'); // digits and punctuation have no direction
    expect(textDirection('Bus 12 إلى المدينة')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
  });
});
