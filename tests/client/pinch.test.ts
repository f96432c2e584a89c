import { describe, expect, it } from 'vitest';
import { pinchView } from '../../client/src/canvas/tools/pinch.ts';
import { MAX_ZOOM, screenToBoard } from '@clapboard/shared';

const start = { a: { x: 100, y: 300 }, b: { x: 200, y: 300 }, view: { x: 50, y: 80, zoom: 0.5 } };
const boardUnderStartMidpoint = screenToBoard(start.view, { x: 150, y: 300 });

describe('two-finger pinch', () => {
  it('zooms by the change in finger distance, keeping the board point under the fingers', () => {
    const view = pinchView(start, { x: 50, y: 300 }, { x: 250, y: 300 });
    expect(view.zoom).toBeCloseTo(1);
    const underFingers = screenToBoard(view, { x: 150, y: 300 });
    expect(underFingers.x).toBeCloseTo(boardUnderStartMidpoint.x);
    expect(underFingers.y).toBeCloseTo(boardUnderStartMidpoint.y);
  });

  it('pans when both fingers move together, without zooming', () => {
    const view = pinchView(start, { x: 140, y: 260 }, { x: 240, y: 260 });
    expect(view.zoom).toBeCloseTo(0.5);
    const underFingers = screenToBoard(view, { x: 190, y: 260 });
    expect(underFingers.x).toBeCloseTo(boardUnderStartMidpoint.x);
    expect(underFingers.y).toBeCloseTo(boardUnderStartMidpoint.y);
  });

  it('stops at the zoom limit and survives fingers on the same spot', () => {
    expect(pinchView(start, { x: 0, y: 0 }, { x: 5000, y: 5000 }).zoom).toBe(MAX_ZOOM);
    const same = pinchView({ ...start, b: start.a }, { x: 100, y: 300 }, { x: 100, y: 300 });
    expect(Number.isFinite(same.x) && Number.isFinite(same.zoom)).toBe(true);
  });
});
