/**
 * "Follow" and "bring everyone to me" show each person what the leader
 * sees, fitted to their own screen (issue #15): a phone following a laptop
 * sees the laptop's whole view, zoomed out as far as that takes, not the
 * middle of it at the laptop's zoom. A screen as big or bigger keeps the
 * leader's zoom, centred on the same point.
 */
import { describe, expect, it } from 'vitest';
import { MIN_ZOOM, fitViewport, matchViewport, rectContainsRect, viewportRect, visibleRect, type Rect } from '@clapboard/shared';

const LAPTOP = { x: 150, y: 120, zoom: 0.8, width: 1088, height: 800 };
const PHONE = { width: 390, height: 700 };

/** The board rectangle a follower of `leader` sees on a screen of this size. */
function followerSees(leader: typeof LAPTOP, width: number, height: number): Rect {
  return visibleRect(fitViewport(leader, width, height), width, height);
}

const centre = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const grow = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, width: r.width + by * 2, height: r.height + by * 2 });

describe('fitViewport', () => {
  it('fits a laptop’s whole view onto a phone, where copying its zoom would crop it', () => {
    const seen = viewportRect(LAPTOP);
    const shown = followerSees(LAPTOP, PHONE.width, PHONE.height);
    expect(rectContainsRect(grow(shown, 1e-6), seen)).toBe(true);
    // Exactly as far out as needed: the limiting side (width, for a portrait phone) fills the screen.
    expect(shown.width).toBeCloseTo(seen.width);
    expect(centre(shown).x).toBeCloseTo(centre(seen).x);
    expect(centre(shown).y).toBeCloseTo(centre(seen).y);
    // The old behaviour, for contrast: the laptop's zoom shows only a middle strip of its view.
    const copied = visibleRect(matchViewport(LAPTOP, PHONE.width, PHONE.height), PHONE.width, PHONE.height);
    expect(rectContainsRect(copied, seen)).toBe(false);
  });

  it('keeps the leader’s zoom on a screen as big or bigger, centred on the same point', () => {
    for (const [width, height] of [[1088, 800], [1920, 1080]] as const) {
      const view = fitViewport(LAPTOP, width, height);
      expect(view.zoom).toBeCloseTo(LAPTOP.zoom);
      expect(view).toEqual(matchViewport(LAPTOP, width, height));
    }
  });

  it('never cuts off any part of the leader’s view, whatever the two screens', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 500; i++) {
      const leader = { x: random() * 4000 - 2000, y: random() * 4000 - 2000, zoom: 0.05 + random() * 3, width: 300 + random() * 2000, height: 300 + random() * 1500 };
      const width = 300 + random() * 2000;
      const height = 300 + random() * 1500;
      const view = fitViewport(leader, width, height);
      const seen = viewportRect(leader);
      expect(view.zoom).toBeLessThanOrEqual(leader.zoom + 1e-12);
      // A view wider than the board can be zoomed out to stops at the smallest zoom.
      if (Math.min(width / seen.width, height / seen.height) < MIN_ZOOM) {
        expect(view.zoom).toBe(MIN_ZOOM);
        continue;
      }
      expect(rectContainsRect(grow(visibleRect(view, width, height), 1e-6 * Math.max(seen.width, seen.height)), seen)).toBe(true);
    }
  });

  it('takes a leader with no screen size yet at their zoom', () => {
    expect(fitViewport({ x: 10, y: 20, zoom: 1.5, width: 0, height: 0 }, 390, 700).zoom).toBe(1.5);
  });
});
