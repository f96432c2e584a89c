import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { INK_PALETTE, MAX_OBJECT_TEXT, NOTE_PALETTE, boardToScreen, getObjectText, type BoardObject } from '@clapboard/shared';
import { useBoardObject, useEditor, useObservable } from '../editor/EditorContext.ts';
import { FRAME_HEADER } from './theme.ts';
import { LINE_HEIGHT, NOTE_FONT_FAMILY, NOTE_PADDING, fitFontSize } from './fitText.ts';
import { OBJECT_TYPE_KEY } from '../i18n/keys/objectKeys.ts';

/**
 * Inline text editing: a real textarea laid exactly over the object, so
 * typing, IME, spellcheck and screen readers all work as in any text field.
 * Each input is written to the object's Y.Text as a minimal change, and
 * remote edits to the same text flow back in while it is open.
 */
export function NoteEditor() {
  const editor = useEditor();
  const id = useObservable(editor.editing);
  if (!id) return null;
  return <EditorFor key={id} id={id} />;
}

function EditorFor({ id }: { id: string }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const object = useBoardObject(id);
  const ref = useRef<HTMLTextAreaElement>(null);
  const view = useSyncExternalStore(
    (listener) => editor.viewport.subscribe(listener),
    () => editor.viewport.current,
  );

  useEffect(() => {
    const textarea = ref.current;
    const map = editor.store.getMap(id);
    const text = map ? getObjectText(map) : null;
    if (!textarea || !text) return;
    textarea.value = text.toString();
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    const handleRemote = () => {
      const next = text.toString();
      if (textarea.value === next) return;
      const { selectionStart, selectionEnd } = textarea;
      textarea.value = next;
      textarea.setSelectionRange(Math.min(selectionStart, next.length), Math.min(selectionEnd, next.length));
    };
    text.observe(handleRemote);
    return () => text.unobserve(handleRemote);
  }, [editor, id]);

  useEffect(() => {
    if (!object) editor.editing.set(null);
  }, [object, editor]);
  // Connectors have no text; an answer card's words are the server's to write (by its author's receipt).
  if (!object || object.type === 'connector' || object.type === 'answer') return null;

  const close = () => {
    if (editor.editing.get() === id) editor.editing.set(null);
  };
  const style = editorStyle(object, view.zoom, ref.current?.value ?? object.text);
  const at = boardToScreen(view, object);
  return (
    <textarea
      ref={ref}
      className="note-editor"
      dir="auto"
      data-testid="note-editor"
      aria-label={t('editor.label', { type: t(OBJECT_TYPE_KEY[object.type]) })}
      maxLength={MAX_OBJECT_TEXT}
      style={{ left: at.x, top: at.y, width: object.width * view.zoom, height: editorHeight(object) * view.zoom, ...style }}
      onInput={(event) => editor.setText(id, event.currentTarget.value)}
      onBlur={close}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
          event.preventDefault();
          close();
          document.querySelector<HTMLElement>('[data-testid="board-canvas"]')?.focus();
        }
        event.stopPropagation();
      }}
    />
  );
}

/** Objects whose text is edited on the board. */
type EditableObject = Exclude<BoardObject, { type: 'connector' | 'answer' }>;

function editorHeight(object: EditableObject): number {
  return object.type === 'frame' ? FRAME_HEADER : object.height;
}

function editorStyle(object: EditableObject, zoom: number, text: string): React.CSSProperties {
  const common = { fontFamily: NOTE_FONT_FAMILY, lineHeight: LINE_HEIGHT, padding: NOTE_PADDING * zoom };
  switch (object.type) {
    case 'note':
      return {
        ...common,
        fontSize: fitFontSize(text, object.width, object.height) * zoom,
        background: NOTE_PALETTE[object.color].fill,
        color: NOTE_PALETTE[object.color].ink,
      };
    case 'text':
      return { ...common, padding: 0, fontSize: object.fontSize * zoom, color: INK_PALETTE[object.color], background: 'rgba(255,255,255,0.9)' };
    case 'frame':
      return { ...common, padding: `${10 * zoom}px ${14 * zoom}px`, fontSize: 22 * zoom, fontWeight: 700, background: '#eeeeee' };
    case 'shape':
      return { ...common, fontSize: 20 * zoom, textAlign: 'center', background: 'rgba(255,255,255,0.85)' };
  }
}
