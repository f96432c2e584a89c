/**
 * "Fit board" and "zoom to selection" show the content in the part of the
 * canvas nothing is drawn over: the minimap and zoom buttons in the corner
 * must not hide the bottom-right notes.
 */
import { describe, expect, it } from 'vitest';
import { boardToScreen, fitAvoiding, fitRect, rectsIntersect, type Rect, type ViewState } from '@clapboard/shared';
import { ViewportController } from '../../client/src/editor/ViewportController.ts';

const WIDTH = 1200;
const HEIGHT = 800;
/** Where the board page puts the minimap and zoom buttons: 12 px from the bottom-right corner. */
const CORNER: Rect = { x: WIDTH - 12 - 210, y: HEIGHT - 12 - 190, width: 210, height: 190 };

function onScreen(view: ViewState, rect: Rect): Rect {
  const a = boardToScreen(view, rect);
  const b = boardToScreen(view, { x: rect.x + rect.width, y: rect.y + rect.height });
  return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
}

const within = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 1e-6 && inner.y >= outer.y - 1e-6 && inner.x + inner.width <= outer.x + outer.width + 1e-6 && inner.y + inner.height <= outer.y + outer.height + 1e-6;

describe('fitRect with insets', () => {
  const board = { x: 100, y: -50, width: 2000, height: 1000 };

  it('without insets centres the content on the screen', () => {
    const shown = onScreen(fitRect(board, WIDTH, HEIGHT), board);
    expect(shown.x + shown.width / 2).toBeCloseTo(WIDTH / 2);
    expect(shown.y + shown.height / 2).toBeCloseTo(HEIGHT / 2);
  });

  it('centres the content in the inset area, inside the margin', () => {
    const insets = { top: 10, right: 300, bottom: 40, left: 20 };
    const view = fitRect(board, WIDTH, HEIGHT, 48, 2, insets);
    const shown = onScreen(view, board);
    const area = { x: 20 + 48, y: 10 + 48, width: WIDTH - 320 - 96, height: HEIGHT - 50 - 96 };
    expect(within(shown, area)).toBe(true);
    // The limiting side fills the area exactly.
    expect(shown.width).toBeCloseTo(area.width);
    expect(shown.x + shown.width / 2).toBeCloseTo(area.x + area.width / 2);
  });
});

describe('fitAvoiding', () => {
  it('keeps a wide board out from under the corner panel by giving up a row', () => {
    const board = { x: 0, y: 0, width: 3000, height: 1000 };
    const view = fitAvoiding(board, WIDTH, HEIGHT, [CORNER]);
    expect(rectsIntersect(onScreen(view, board), CORNER)).toBe(false);
    // Width limits a wide board: losing height costs nothing, so the zoom is as if there were no panel.
    expect(view.zoom).toBeCloseTo(fitRect(board, WIDTH, HEIGHT).zoom);
  });

  it('keeps a tall board clear by giving up a column instead', () => {
    const board = { x: 0, y: 0, width: 1000, height: 3000 };
    const view = fitAvoiding(board, WIDTH, HEIGHT, [CORNER]);
    expect(rectsIntersect(onScreen(view, board), CORNER)).toBe(false);
    expect(view.zoom).toBeCloseTo(fitRect(board, WIDTH, HEIGHT).zoom);
  });

  it('shrinks a board that would otherwise sit under the panel', () => {
    const board = { x: 0, y: 0, width: 1200, height: 800 };
    const plain = fitRect(board, WIDTH, HEIGHT);
    expect(rectsIntersect(onScreen(plain, board), CORNER)).toBe(true);
    const view = fitAvoiding(board, WIDTH, HEIGHT, [CORNER]);
    expect(rectsIntersect(onScreen(view, board), CORNER)).toBe(false);
    expect(view.zoom).toBeLessThan(plain.zoom);
  });

  it('is a plain fit with no overlays, or overlays off screen', () => {
    const board = { x: 0, y: 0, width: 1200, height: 800 };
    expect(fitAvoiding(board, WIDTH, HEIGHT, [])).toEqual(fitRect(board, WIDTH, HEIGHT));
    expect(fitAvoiding(board, WIDTH, HEIGHT, [{ x: WIDTH + 10, y: 0, width: 100, height: 100 }])).toEqual(fitRect(board, WIDTH, HEIGHT));
  });

  it('on a screen too small to work around the panel, covers the corner rather than shrinking to a speck', () => {
    const board = { x: 0, y: 0, width: 1000, height: 1000 };
    const panel = { x: 100, y: 80, width: 210, height: 190 };
    expect(fitAvoiding(board, 320, 280, [panel])).toEqual(fitRect(board, 320, 280));
  });
});

describe('ViewportController.fit', () => {
  const board = { x: 0, y: 0, width: 1200, height: 800 };

  it('fits around a declared overlay, also when the fit waited for the canvas size', () => {
    const camera = new ViewportController();
    camera.setOverlay('minimap', CORNER);
    camera.fit(board, 'program');
    camera.setSize(WIDTH, HEIGHT);
    expect(rectsIntersect(onScreen(camera.current, board), CORNER)).toBe(false);
  });

  it('uses the whole canvas again once the overlay is withdrawn', () => {
    const camera = new ViewportController();
    camera.setSize(WIDTH, HEIGHT);
    camera.setOverlay('minimap', CORNER);
    camera.setOverlay('minimap', null);
    camera.fit(board);
    expect(camera.current).toEqual(fitRect(board, WIDTH, HEIGHT));
  });
});
