import type Konva from 'konva';
import { useCallback } from 'react';
import { Shape } from 'react-konva';
import { rectsIntersect, type NoteRecord } from '@clapboard/shared';
import { useEditor } from '../../editor/EditorContext.ts';
import type { NoteSpriteCache } from '../sprites/NoteSpriteCache.ts';

/**
 * A sticky note at full detail: one Konva shape that stamps the note's
 * cached bitmap (see NoteSpriteCache). Memoised above by id, so a remote
 * edit re-renders and repaints this note only.
 */
export function NoteNode({
  note,
  sprites,
  hideText,
  offScreenSkipped,
}: {
  note: NoteRecord;
  sprites: NoteSpriteCache;
  hideText: boolean;
  offScreenSkipped: boolean;
}) {
  const editor = useEditor();
  const sceneFunc = useCallback(
    (context: Konva.Context, shape: Konva.Shape) => {
      // Mounted is not visible: the mounted set is culled with a margin, and
      // lags a frame behind a zoom. Painting the notes off screen at the new
      // resolution would cost a frame for nothing.
      if (offScreenSkipped && !rectsIntersect(editor.viewport.visible(), note)) return;
      // Konva has already applied this transform to the context; read it
      // from Konva's cached matrix rather than allocate one per note per frame.
      const m = shape.getAbsoluteTransform().getMatrix();
      const ratio = context.getCanvas().getPixelRatio();
      sprites.draw(context._context, note, hideText, { scale: m[0]! * ratio, x: m[4]! * ratio, y: m[5]! * ratio });
    },
    [note, sprites, hideText, offScreenSkipped, editor],
  );
  return <Shape x={note.x} y={note.y} width={note.width} height={note.height} sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
}
