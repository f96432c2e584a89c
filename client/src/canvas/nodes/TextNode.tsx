import type Konva from 'konva';
import { useCallback } from 'react';
import { Shape } from 'react-konva';
import type { TextRecord } from '@clapboard/shared';
import { paintText } from '@clapboard/shared/render';
import { noteTextLayouter } from '../fitText.ts';

/** Free text, word-wrapped from the edge its direction starts at, painted by the shared drawing code (shared/src/render). */
export function TextNode({ object, hideText }: { object: TextRecord; hideText: boolean }) {
  const sceneFunc = useCallback((context: Konva.Context) => paintText(context._context, object, hideText, noteTextLayouter), [object, hideText]);
  if (hideText) return null;
  return <Shape x={object.x} y={object.y} width={object.width} height={object.height} sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
}
