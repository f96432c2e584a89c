import type Konva from 'konva';
import { useCallback, useSyncExternalStore } from 'react';
import { Group, Layer, Shape } from 'react-konva';
import { useEditor } from '../board/EditorContext.ts';
import type { CanvasController } from './CanvasController.ts';
import { drawOverlay } from './drawOverlay.ts';
import { drawSimple } from './drawSimple.ts';
import { ObjectNode } from './nodes/ObjectNode.tsx';

/**
 * Static content: full-detail nodes for the culled set, or one shape that
 * draws everything as blocks when zoomed out. Nothing here listens for
 * events; hit-testing uses the R-tree.
 */
export function ContentLayer({ controller, layerRef }: { controller: CanvasController; layerRef: (layer: Konva.Layer | null) => void }) {
  const visible = useSyncExternalStore(controller.visible.subscribe, controller.visible.get);
  const editor = useEditor();
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
      );
      controller.reportSimpleDrawn(drawn);
    },
    [editor, controller],
  );
  return (
    <Layer ref={layerRef} listening={false}>
      {visible.lod === 'simple' ? (
        <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
      ) : (
        visible.ids.map((id) => <ObjectNode key={id} id={id} offScreenSkipped />)
      )}
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
  const dragSceneFunc = useCallback(
    (context: Konva.Context) => {
      const objects = dragIds.map((id) => editor.store.get(id)).filter((o) => !!o);
      drawSimple(context._context, editor.store, objects, { x: -1e9, y: -1e9, width: 2e9, height: 2e9 }, new Set(), editor.viewport.current.zoom);
    },
    [dragIds, editor],
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
    <Layer ref={layerRef} listening={false}>
      <Group ref={groupRef} listening={false}>
        {visible.lod === 'simple' ? (
          <Shape sceneFunc={dragSceneFunc} listening={false} perfectDrawEnabled={false} />
        ) : (
          dragIds.map((id) => <ObjectNode key={id} id={id} />)
        )}
      </Group>
      <Shape sceneFunc={overlaySceneFunc} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
