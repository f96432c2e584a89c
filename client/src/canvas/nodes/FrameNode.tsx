import i18n from 'i18next';
import type Konva from 'konva';
import { useCallback } from 'react';
import { Shape } from 'react-konva';
import type { FrameRecord } from '@clapboard/shared';
import { canvasFont, paintFrame } from '@clapboard/shared/render';
import { noteTextLayouter } from '../fitText.ts';

/** Where the hint sits in the header: the title's place, in smaller, lighter type than a title. */
const HINT = { x: 14, y: 24, size: 18, color: '#5c5c5c' } as const;

/**
 * A frame, painted by the shared drawing code the PNG export uses too
 * (shared/src/render). `titleHint`: an area with no title tells whoever may
 * name it how, where the title goes; exports and read-only pages never show it.
 */
export function FrameNode({ frame, hideText, titleHint = false }: { frame: FrameRecord; hideText: boolean; titleHint?: boolean }) {
  const hint = titleHint && !hideText && !frame.text.trim();
  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      const ctx = context._context;
      paintFrame(ctx, frame, hideText, noteTextLayouter);
      if (!hint) return;
      ctx.font = canvasFont(HINT.size);
      ctx.fillStyle = HINT.color;
      ctx.textBaseline = 'middle';
      ctx.direction = document.dir === 'rtl' ? 'rtl' : 'ltr';
      ctx.textAlign = 'start';
      const x = ctx.direction === 'rtl' ? frame.width - HINT.x : HINT.x;
      ctx.fillText(i18n.t('canvas.addAreaTitle'), x, HINT.y, Math.max(1, frame.width - HINT.x * 2));
    },
    [frame, hideText, hint],
  );
  return <Shape x={frame.x} y={frame.y} width={frame.width} height={frame.height} sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
}
