import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardObject, useEditor } from '../editor/EditorContext.ts';
import { describeObject } from './describeObject.ts';

/** Selection changes closer together than this (a marquee being dragged) are read out once, at the end. */
const SETTLE_MS = 300;

/**
 * Says what is selected, for screen-reader users on the canvas: walking
 * through objects with Tab reads each one out (its kind, colour by name,
 * text and frame), so the canvas is not a silent picture. Only while the
 * canvas has focus: the outline selects notes too, and reads them itself.
 */
export function SelectionAnnouncer({ canvas }: { canvas: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const ids = useSyncExternalStore(editor.selection.subscribe, editor.selection.getSnapshot);
  // Subscribed, so the words follow the object's text and colour while it stays selected.
  const single = useBoardObject(ids.length === 1 ? ids[0]! : '');
  // An answer card's words live in `answers`, not on the card: follow them too,
  // so once a facilitator hides them they leave what was read out here.
  const answerId = single?.type === 'answer' ? single.answerId : '';
  useSyncExternalStore(
    (listener) => editor.store.answers.subscribe(answerId, listener),
    () => editor.store.answers.get(answerId),
  );
  let message = '';
  if (ids.length === 1 && single) message = describeObject(t, editor.store, single);
  else if (ids.length > 1) message = t('describe.many', { count: ids.length });

  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const focused = canvas.current?.contains(document.activeElement) ?? false;
      setSpoken(focused ? message : '');
    }, SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [message, canvas]);

  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="canvas-selection-status">
      {spoken}
    </p>
  );
}
