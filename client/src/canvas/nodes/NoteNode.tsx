import type Konva from 'konva';
import { useCallback } from 'react';
import { Shape } from 'react-konva';
import type { NoteRecord } from '@clapboard/shared';
import { useEditor } from '../../board/EditorContext.ts';
import { rectsIntersect } from '../geometry.ts';
import { noteSprites } from '../sprites/NoteSpriteCache.ts';

/**
 * A sticky note at full detail: one Konva shape that stamps the note's
 * cached bitmap (see NoteSpriteCache). Memoised above by id, so a remote
 * edit re-renders and repaints this note only.
 */
export function NoteNode({ note, hideText, offScreenSkipped }: { note: NoteRecord; hideText: boolean; offScreenSkipped: boolean }) {
  const editor = useEditor();
  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      // Mounted is not visible: the mounted set is culled with a margin, and
      // lags a frame behind a zoom. Painting the notes off screen at the new
      // resolution would cost a frame for nothing.
      if (offScreenSkipped && !rectsIntersect(editor.viewport.visible(), note)) return;
      noteSprites.draw(context._context, note, hideText);
    },
    [note, hideText, offScreenSkipped, editor],
  );
  return <Shape x={note.x} y={note.y} width={note.width} height={note.height} sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
}
