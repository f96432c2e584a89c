import { describe, expect, it } from 'vitest';
import { textDirection } from '../../client/src/canvas/sprites/textDirection.ts';

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
