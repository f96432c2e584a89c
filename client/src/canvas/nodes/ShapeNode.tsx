import type Konva from 'konva';
import { useCallback } from 'react';
import { Shape } from 'react-konva';
import type { ShapeRecord } from '@clapboard/shared';
import { paintShape } from '@clapboard/shared/render';
import { noteTextLayouter } from '../fitText.ts';

/** A rectangle or ellipse with its label, painted by the shared drawing code (shared/src/render). */
export function ShapeNode({ shape, hideText }: { shape: ShapeRecord; hideText: boolean }) {
  const sceneFunc = useCallback((context: Konva.Context) => paintShape(context._context, shape, hideText, noteTextLayouter), [shape, hideText]);
  return <Shape x={shape.x} y={shape.y} width={shape.width} height={shape.height} sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
}
