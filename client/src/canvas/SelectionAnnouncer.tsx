import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../board/EditorContext.ts';
import { describeObject } from './describeObject.ts';

/**
 * Says what is selected, for screen-reader users on the canvas: walking
 * through objects with Tab reads each one out (its kind, colour by name,
 * text and frame), so the canvas is not a silent picture.
 */
export function SelectionAnnouncer() {
  const { t } = useTranslation();
  const editor = useEditor();
  const ids = useSyncExternalStore(editor.selection.subscribe, editor.selection.getSnapshot);
  let message = '';
  if (ids.length === 1) {
    const object = editor.store.get(ids[0]!);
    message = object ? describeObject(t, editor.store, object) : '';
  } else if (ids.length > 1) {
    message = t('describe.many', { count: ids.length });
  }
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="canvas-selection-status">
      {message}
    </p>
  );
}
