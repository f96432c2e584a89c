import { useEffect, useLayoutEffect, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unionRects, type Rect } from '@clapboard/shared';
import { useEditor } from '../editor/EditorContext.ts';
import { THEME, simpleFill } from './theme.ts';

const WIDTH = 200;
const HEIGHT = 140;
/** Content is re-drawn at most this often; the viewport box is cheap and follows every frame. */
const CONTENT_INTERVAL_MS = 300;
const OVERLAY_OWNER = 'minimap';

/**
 * An overview of the whole board with the visible area outlined; click or
 * drag on it to move there. A plain 2D canvas: board content is cached in an
 * offscreen bitmap so moving the view redraws only the box.
 */
export function Minimap() {
  const { t } = useTranslation();
  const editor = useEditor();
  const canvas = useRef<HTMLCanvasElement>(null);
  /** Board rect shown by the map and its scale, shared with the pointer handler. */
  const mapping = useRef<{ world: Rect; scale: number }>({ world: { x: 0, y: 0, width: 1, height: 1 }, scale: 1 });

  // The map and the zoom buttons sit over the canvas's corner: tell the camera,
  // so fitting keeps content out from under them. Measured in a layout effect
  // so it is known before the canvas's first size report can trigger a fit.
  useLayoutEffect(() => {
    const element = canvas.current;
    const panel = element?.closest<HTMLElement>('.board-corner') ?? element;
    if (!panel) return;
    const measure = () => {
      // offset* are relative to the positioned container that the canvas fills, i.e. canvas pixels.
      editor.viewport.setOverlay(OVERLAY_OWNER, { x: panel.offsetLeft, y: panel.offsetTop, width: panel.offsetWidth, height: panel.offsetHeight });
    };
    measure();
    // The panel is pinned to the bottom-right: it moves when the container resizes, and resizes with the zoom label.
    const observer = new ResizeObserver(measure);
    observer.observe(panel);
    if (panel.offsetParent) observer.observe(panel.offsetParent);
    return () => {
      observer.disconnect();
      editor.viewport.setOverlay(OVERLAY_OWNER, null);
    };
  }, [editor]);

  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx) return;
    const offscreen = document.createElement('canvas');
    offscreen.width = WIDTH;
    offscreen.height = HEIGHT;
    const off = offscreen.getContext('2d')!;
    let world: Rect = { x: 0, y: 0, width: 1, height: 1 };
    let scale = 1;
    let contentTimer = 0;
    let frame = 0;
    let drawnEmpty = true;

    const drawContent = () => {
      contentTimer = 0;
      const bounds = editor.store.allBounds() ?? { x: 0, y: 0, width: 1000, height: 700 };
      world = unionRects([bounds, editor.viewport.visible()])!;
      scale = Math.min(WIDTH / world.width, HEIGHT / world.height);
      mapping.current = { world, scale };
      drawnEmpty = editor.store.size === 0;
      off.clearRect(0, 0, WIDTH, HEIGHT);
      off.fillStyle = THEME.background;
      off.fillRect(0, 0, WIDTH, HEIGHT);
      for (const object of editor.store.sorted()) {
        if (object.type === 'connector') continue;
        off.fillStyle = object.type === 'frame' ? '#d6d6d6' : (simpleFill(object) ?? '#9e9e9e');
        off.fillRect((object.x - world.x) * scale, (object.y - world.y) * scale, Math.max(1, object.width * scale), Math.max(1, object.height * scale));
      }
      drawView();
    };
    const drawView = () => {
      frame = 0;
      ctx.clearRect(0, 0, WIDTH, HEIGHT);
      ctx.drawImage(offscreen, 0, 0);
      const view = editor.viewport.visible();
      ctx.strokeStyle = THEME.selection;
      ctx.lineWidth = 2;
      ctx.strokeRect((view.x - world.x) * scale, (view.y - world.y) * scale, view.width * scale, view.height * scale);
    };
    const scheduleContent = () => {
      // The first content (initial sync) shows at once; later changes are throttled.
      if (world.width === 1 || drawnEmpty) return void drawContent();
      if (!contentTimer) contentTimer = window.setTimeout(drawContent, CONTENT_INTERVAL_MS);
    };
    const scheduleView = () => {
      const view = editor.viewport.visible();
      // The view left the mapped area: the map must zoom out, so redraw content.
      if (view.x < world.x || view.y < world.y || view.x + view.width > world.x + world.width || view.y + view.height > world.y + world.height) scheduleContent();
      if (!frame) frame = requestAnimationFrame(drawView);
    };
    drawContent();
    const offStore = editor.store.subscribe(scheduleContent);
    const offView = editor.viewport.subscribe(scheduleView);
    return () => {
      offStore();
      offView();
      window.clearTimeout(contentTimer);
      cancelAnimationFrame(frame);
    };
  }, [editor]);

  const handlePointer = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.type === 'pointermove' && event.buttons !== 1) return;
    const { world, scale } = mapping.current;
    const rect = event.currentTarget.getBoundingClientRect();
    const bx = world.x + (event.clientX - rect.left) / scale;
    const by = world.y + (event.clientY - rect.top) / scale;
    const visible = editor.viewport.visible();
    editor.viewport.set({ ...editor.viewport.current, x: bx - visible.width / 2, y: by - visible.height / 2 });
  };

  return (
    <canvas
      ref={canvas}
      className="minimap"
      data-testid="minimap"
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={t('minimap.label')}
      onPointerDown={handlePointer}
      onPointerMove={handlePointer}
    />
  );
}
