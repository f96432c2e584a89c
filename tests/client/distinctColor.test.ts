import { describe, expect, it } from 'vitest';
import { CURSOR_COLORS, distinctColor } from '../../client/src/presence/identity.ts';

describe('distinctColor', () => {
  const [red, pink, purple] = CURSOR_COLORS as [string, string, string];
  it('keeps a colour nobody else has', () => {
    expect(distinctColor({ clientId: 5, color: red }, [{ clientId: 3, color: pink }])).toBeNull();
  });
  it('moves only the later of two people with the same colour, to one nobody has', () => {
    expect(distinctColor({ clientId: 9, color: red }, [{ clientId: 3, color: red }, { clientId: 4, color: pink }])).toBe(purple);
    expect(distinctColor({ clientId: 3, color: red }, [{ clientId: 9, color: red }])).toBeNull();
  });
  it('keeps the clash when every colour is taken, rather than swapping into another', () => {
    const everyone = CURSOR_COLORS.map((color, index) => ({ clientId: index, color }));
    expect(distinctColor({ clientId: 99, color: red }, everyone)).toBeNull();
  });
});
