import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Stage } from 'react-konva';
import { useEditor } from '../editor/EditorContext.ts';
import type { CanvasController } from './CanvasController.ts';
import { ContentLayer } from './layers.tsx';

/**
 * The board drawn for looking at only (the room display): the content
 * layer and nothing else — no pointer or keyboard handling, no selection,
 * no cursors, no text editor. The camera is moved by whoever drives the
 * editor's viewport (there: following the facilitator).
 */
export function DisplayCanvas({ controller, onResize }: { controller: CanvasController; onResize?: () => void }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const container = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      setSize({ width: element.clientWidth, height: element.clientHeight });
      editor.viewport.setSize(element.clientWidth, element.clientHeight);
      onResize?.();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [editor, onResize]);

  useEffect(() => () => controller.destroy(), [controller]);

  return (
    <div ref={container} className="display-canvas" data-testid="display-canvas" role="img" aria-label={t('canvas.label')}>
      {size.width > 0 && (
        <Stage
          width={size.width}
          height={size.height}
          listening={false}
          ref={(stage) => {
            controller.stage = stage;
            controller.schedule();
          }}
        >
          <ContentLayer controller={controller} layerRef={(layer) => (controller.contentLayer = layer)} />
        </Stage>
      )}
    </div>
  );
}
