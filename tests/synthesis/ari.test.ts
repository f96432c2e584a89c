import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../shared/src/synthesis/adjustedRandIndex.ts';

describe('adjustedRandIndex', () => {
  it('gives the textbook value for a known pair of clusterings', () => {
    // Contingency 2,1 / 1,2: sum C(nij,2) = 2, rows 6, columns 3, expected 6*3/15 = 1.2, max 4.5.
    expect(adjustedRandIndex(['a', 'a', 'a', 'b', 'b', 'b'], ['x', 'x', 'y', 'y', 'z', 'z'])).toBeCloseTo((2 - 1.2) / (4.5 - 1.2), 12);
  });

  it('is 1 for the same partition under other names, and symmetric', () => {
    const a = ['h', 'h', 'g', 'g', 'g', 'l'];
    const b = ['2', '2', '7', '7', '7', '1'];
    expect(adjustedRandIndex(a, b)).toBe(1);
    const c = ['p', 'q', 'q', 'p', 'r', 'r'];
    expect(adjustedRandIndex(a, c)).toBeCloseTo(adjustedRandIndex(c, a), 12);
  });

  it('is negative for a crossing partition and 0 for all-in-one against all-apart', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y'])).toBeCloseTo(-0.5, 12);
    expect(adjustedRandIndex(['a', 'a', 'a', 'a'], ['1', '2', '3', '4'])).toBe(0);
  });

  it('refuses clusterings of different lengths', () => {
    expect(() => adjustedRandIndex(['a'], ['a', 'b'])).toThrow(RangeError);
  });
});
