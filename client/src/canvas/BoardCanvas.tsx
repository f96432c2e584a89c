import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Stage } from 'react-konva';
import { useEditor, useObservable } from '../editor/EditorContext.ts';
import type * as Y from 'yjs';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';
import { VoteBadges } from './VoteBadges.tsx';
import { LockBadges } from './LockBadges.tsx';
import type { Presence } from '../presence/Presence.ts';
import { RemoteCursors } from './RemoteCursors.tsx';
import type { CanvasController } from './CanvasController.ts';
import { ContentLayer, InteractionLayer } from './layers.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { SelectionAnnouncer } from './SelectionAnnouncer.tsx';
import { usePointerDispatcher } from './tools/usePointerDispatcher.ts';

export function BoardCanvas({ controller, presence, controlDoc }: { controller: CanvasController; presence: Presence; controlDoc?: Y.Doc }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const container = useRef<HTMLDivElement>(null);
  const spaceHeld = useRef(false);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const tool = useObservable(editor.tool);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const width = element.clientWidth;
      const height = element.clientHeight;
      setSize({ width, height });
      editor.viewport.setSize(width, height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [editor]);

  useEffect(() => () => controller.destroy(), [controller]);

  useKeyboardShortcuts(editor, container, spaceHeld);
  const handlers = usePointerDispatcher({ editor, canvas: controller, container, spaceHeld, onCursor: (p) => presence.setCursor(p) });

  return (
    <div
      ref={container}
      className={`board-canvas tool-${tool}`}
      data-testid="board-canvas"
      role="application"
      aria-label={t('canvas.label')}
      aria-describedby="canvas-help"
      aria-roledescription={t('canvas.roleDescription')}
      tabIndex={0}
      {...handlers}
    >
      <p id="canvas-help" className="visually-hidden">
        {editor.canEdit ? t('canvas.help') : t('canvas.helpReadOnly')}
      </p>
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
          <InteractionLayer
            controller={controller}
            layerRef={(layer) => (controller.interactionLayer = layer)}
            groupRef={(group) => (controller.dragGroup = group)}
          />
        </Stage>
      )}
      {controlDoc && <VoteBadges controlDoc={controlDoc} />}
      <LockBadges />
      <RemoteCursors presence={presence} />
      <NoteEditor />
      <SelectionAnnouncer canvas={container} />
    </div>
  );
}
