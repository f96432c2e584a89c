import { objectEntries } from '../boardDoc.ts';
import { INK_PALETTE, NOTE_PALETTE } from '../palette.ts';
import type { Migration } from './types.ts';

/**
 * v2 -> v3. Colours become named tokens (so colour is never the only signal:
 * a name can be read out and exported) and every object gets explicit
 * stacking (`z`) and frame membership (`frameId`), which v2 derived from
 * insertion order and geometry.
 */
export const namedColoursAndFrames: Migration = {
  to: 3,
  name: 'named-colours-and-frames',
  up(doc) {
    let order = 0;
    // Values that are not object maps (a bad peer's write) are left as they are.
    for (const [, map] of objectEntries(doc)) {
      order += 1;
      const type = map.get('type');
      const color = map.get('color');
      if (typeof color === 'string' && color.startsWith('#')) {
        const palette = type === 'note' ? noteFills : inkColours;
        map.set('color', nearestToken(color, palette));
      }
      if (typeof map.get('z') !== 'number') map.set('z', order);
      if (map.get('frameId') === undefined) map.set('frameId', null);
    }
  },
};

const noteFills = Object.entries(NOTE_PALETTE).map(([token, { fill }]) => [token, fill] as const);
const inkColours = Object.entries(INK_PALETTE).map(([token, hex]) => [token, hex] as const);

function nearestToken(hex: string, palette: ReadonlyArray<readonly [string, string]>): string {
  const target = parseHex(hex);
  let best = palette[0]?.[0] ?? 'gray';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [token, candidate] of palette) {
    const rgb = parseHex(candidate);
    const distance = (rgb[0] - target[0]) ** 2 + (rgb[1] - target[1]) ** 2 + (rgb[2] - target[2]) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = token;
    }
  }
  return best;
}

function parseHex(hex: string): [number, number, number] {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return [224, 224, 224];
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}
