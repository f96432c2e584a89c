import type Konva from 'konva';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { Group, Layer, Shape } from 'react-konva';
import { useEditor } from '../editor/EditorContext.ts';
import type { CanvasController } from './CanvasController.ts';
import { drawOverlay } from './drawOverlay.ts';
import { drawSimple, type BlockBuckets } from './drawSimple.ts';
import { ObjectNode } from './nodes/ObjectNode.tsx';
import { ThemeAreas } from './nodes/ThemeNode.tsx';

/** Dragged objects are drawn wherever they are, and none of them is hidden. */
const EVERYWHERE = Object.freeze({ x: -1e9, y: -1e9, width: 2e9, height: 2e9 });
const NOTHING: ReadonlySet<string> = new Set();

/**
 * Sizes a layer's bitmap for its canvas's pixel ratio as it mounts. Konva's
 * default is one global for the page (Konva.pixelRatio); setting the layer's
 * own keeps a second canvas (an export at print resolution) from changing
 * this one. Changing the ratio reallocates and clears the bitmap, so only
 * when it differs.
 */
function useLayerAtPixelRatio(controller: CanvasController, layerRef: (layer: Konva.Layer | null) => void) {
  return useCallback(
    (layer: Konva.Layer | null) => {
      const canvas = layer?.getCanvas();
      if (canvas && canvas.getPixelRatio() !== controller.pixelRatio) canvas.setPixelRatio(controller.pixelRatio);
      layerRef(layer);
    },
    [controller, layerRef],
  );
}

/**
 * Static content: full-detail nodes for the culled set, or one shape that
 * draws everything as blocks when zoomed out. Nothing here listens for
 * events; hit-testing uses the R-tree.
 */
export function ContentLayer({ controller, layerRef }: { controller: CanvasController; layerRef: (layer: Konva.Layer | null) => void }) {
  const visible = useSyncExternalStore(controller.visible.subscribe, controller.visible.get);
  const editor = useEditor();
  const ref = useLayerAtPixelRatio(controller, layerRef);
  const [buckets] = useState<BlockBuckets>(() => new Map());
  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      const view = editor.viewport.current;
      const drawn = drawSimple(
        context._context,
        editor.store,
        editor.store.sorted(),
        editor.viewport.visible(),
        controller.hidden,
        view.zoom,
        buckets,
      );
      controller.reportSimpleDrawn(drawn);
    },
    [editor, controller, buckets],
  );
  if (visible.lod === 'simple') {
    return (
      <Layer ref={ref} listening={false}>
        {/* Zoomed out, themes' areas go behind the blocks (frames included): nothing is readable at this size anyway. */}
        <ThemeAreas controller={controller} />
        <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
      </Layer>
    );
  }
  // Frames, then themes' areas, then everything else: a theme made of notes
  // inside a frame lies on the frame, and would be hidden under its fill.
  const isFrame = (id: string) => editor.store.get(id)?.type === 'frame';
  return (
    <Layer ref={ref} listening={false}>
      {visible.ids.filter(isFrame).map((id) => <ObjectNode key={id} id={id} sprites={controller.sprites} offScreenSkipped />)}
      <ThemeAreas controller={controller} />
      {visible.ids.filter((id) => !isFrame(id)).map((id) => <ObjectNode key={id} id={id} sprites={controller.sprites} offScreenSkipped />)}
    </Layer>
  );
}

/** What is moving: the dragged objects (offset imperatively per frame) and the overlay. */
export function InteractionLayer({
  controller,
  layerRef,
  groupRef,
}: {
  controller: CanvasController;
  layerRef: (layer: Konva.Layer | null) => void;
  groupRef: (group: Konva.Group | null) => void;
}) {
  const editor = useEditor();
  const dragIds = useSyncExternalStore(controller.dragIds.subscribe, controller.dragIds.get);
  const visible = useSyncExternalStore(controller.visible.subscribe, controller.visible.get);
  const ref = useLayerAtPixelRatio(controller, layerRef);
  const [buckets] = useState<BlockBuckets>(() => new Map());
  const dragSceneFunc = useCallback(
    (context: Konva.Context) => {
      const objects = dragIds.map((id) => editor.store.get(id)).filter((o) => !!o);
      drawSimple(context._context, editor.store, objects, EVERYWHERE, NOTHING, editor.viewport.current.zoom, buckets);
    },
    [dragIds, editor, buckets],
  );
  const overlaySceneFunc = useCallback(
    (context: Konva.Context) => {
      drawOverlay(context._context, {
        store: editor.store,
        selection: editor.selection.current,
        gesture: controller.gesture,
        zoom: editor.viewport.current.zoom,
        showHandles: editor.canEdit && editor.editing.get() === null,
        remoteSelections: controller.remoteSelections,
      });
    },
    [editor, controller],
  );
  return (
    <Layer ref={ref} listening={false}>
      <Group ref={groupRef} listening={false}>
        {visible.lod === 'simple' ? (
          <Shape sceneFunc={dragSceneFunc} listening={false} perfectDrawEnabled={false} />
        ) : (
          dragIds.map((id) => <ObjectNode key={id} id={id} sprites={controller.sprites} />)
        )}
      </Group>
      <Shape sceneFunc={overlaySceneFunc} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
