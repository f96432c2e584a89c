import { memo, useSyncExternalStore } from 'react';
import { useBoardObject, useEditor } from '../../editor/EditorContext.ts';
import { AnswerNode } from './AnswerNode.tsx';
import { ConnectorNode } from './ConnectorNode.tsx';
import { FrameNode } from './FrameNode.tsx';
import type { NoteSpriteCache } from '../sprites/NoteSpriteCache.ts';
import { NoteNode } from './NoteNode.tsx';
import { ShapeNode } from './ShapeNode.tsx';
import { TextNode } from './TextNode.tsx';

/**
 * One board object at full detail. Memoised by id and subscribed to its own
 * record, so a remote edit to one note re-renders that note only.
 * `offScreenSkipped`: static content may skip drawing notes outside the
 * view; dragged copies may not, their board position is not where they show.
 * `sprites`: the bitmap cache of the canvas this node is drawn on.
 */
export const ObjectNode = memo(function ObjectNode({
  id,
  sprites,
  offScreenSkipped = false,
}: {
  id: string;
  sprites: NoteSpriteCache;
  offScreenSkipped?: boolean;
}) {
  const editor = useEditor();
  const object = useBoardObject(id);
  // While a note's text is open in the HTML editor its canvas text is hidden.
  const editing = useSyncExternalStore(editor.editing.subscribe, () => editor.editing.get() === id);
  if (!object) return null;
  switch (object.type) {
    case 'note':
      return <NoteNode note={object} sprites={sprites} hideText={editing} offScreenSkipped={offScreenSkipped} />;
    case 'text':
      return <TextNode object={object} hideText={editing} />;
    case 'shape':
      return <ShapeNode shape={object} hideText={editing} />;
    case 'frame':
      return <FrameNode frame={object} hideText={editing} titleHint={editor.canEdit && !editor.controls.isLocked(object.id)} />;
    case 'connector':
      return <ConnectorNode connector={object} />;
    case 'answer':
      return <AnswerNode answer={object} sprites={sprites} offScreenSkipped={offScreenSkipped} />;
  }
});
