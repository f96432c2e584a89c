import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../editor/EditorContext.ts';

/** Zoom controls; shown to everyone, observers included. */
export function ViewControls() {
  const { t } = useTranslation();
  const editor = useEditor();
  const zoom = useSyncExternalStore(
    (listener) => editor.viewport.subscribe(listener),
    () => editor.viewport.current.zoom,
  );
  return (
    <div className="view-controls" role="group" aria-label={t('view.label')}>
      <button type="button" data-testid="zoom-out" onClick={() => editor.viewport.zoomBy(0.8)} aria-label={t('view.zoomOut')}>
        −
      </button>
      <output data-testid="zoom-level" aria-live="off">
        {t('view.percent', { value: Math.round(zoom * 100) })}
      </output>
      <button type="button" data-testid="zoom-in" onClick={() => editor.viewport.zoomBy(1.25)} aria-label={t('view.zoomIn')}>
        +
      </button>
      <button type="button" data-testid="zoom-fit" onClick={() => editor.zoomToFit()}>
        {t('view.fit')}
      </button>
    </div>
  );
}
