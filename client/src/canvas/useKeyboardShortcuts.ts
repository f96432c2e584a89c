import { useEffect, type RefObject } from 'react';
import i18n from 'i18next';
import { compareStacking } from '@clapboard/shared';
import type { BoardEditor } from '../editor/BoardEditor.ts';

/** Arrow keys move the selection this far (board units); Shift moves ten times as far. */
const NUDGE = 10;

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Board shortcuts. Undo/redo, copy/paste and delete work wherever focus is
 * (except inside text fields, which keep their own editing keys); keys that
 * mean something else on a button — Enter, Space, Tab, arrows — only act
 * when the canvas itself has focus.
 */
export function useKeyboardShortcuts(editor: BoardEditor, canvas: RefObject<HTMLDivElement | null>, spaceHeld: RefObject<boolean>) {
  useEffect(() => {
    let pasteHandled = false;
    const handleKeyDown = (event: KeyboardEvent) => {
      if (isTextField(event.target) || event.defaultPrevented) return;
      const onCanvas = event.target === canvas.current;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const handled = () => event.preventDefault();

      if (mod && key === 'z') {
        handled();
        if (event.shiftKey) editor.redo();
        else editor.undo();
        return;
      }
      if (mod && key === 'y') return void (handled(), editor.redo());
      if (mod && key === 'd') return void (handled(), editor.duplicate());
      // "Make theme" (synthesis): G for group, as in drawing tools.
      if (mod && key === 'g') return void (handled(), editor.themes.makeThemeFromSelection(i18n.t('themes.newName')));
      if (mod && key === 'c') {
        // The copy event (below) also puts JSON on the system clipboard.
        editor.copy();
        return;
      }
      if (mod && key === 'v') {
        // Prefer the paste event (system clipboard, works across tabs); fall
        // back to the in-app clipboard if the browser sends none.
        pasteHandled = false;
        window.setTimeout(() => {
          if (!pasteHandled) editor.paste();
        }, 60);
        return;
      }
      if (mod && key === 'a' && onCanvas) return void (handled(), editor.selection.replace(editor.store.sorted().map((o) => o.id)));
      if (mod) return;

      if (event.key === 'Delete' || event.key === 'Backspace') return void (handled(), editor.deleteSelection());
      if (event.key === 'Escape') {
        editor.selection.clear();
        editor.tool.set('select');
        canvas.current?.focus();
        return;
      }
      if (event.shiftKey && event.code === 'Digit1') return void (handled(), editor.zoomToFit());
      if (event.shiftKey && event.code === 'Digit2') return void (handled(), editor.zoomToSelection());
      if (key === '+' || key === '=') return void (handled(), editor.viewport.zoomBy(1.25));
      if (key === '-' || key === '_') return void (handled(), editor.viewport.zoomBy(0.8));
      if (key === '0') {
        handled();
        editor.viewport.zoomBy(1 / editor.viewport.current.zoom);
        return;
      }
      if (!onCanvas) return;
      if (key === 'n' && editor.canEdit) return void (handled(), editor.createAt('note', editor.viewCenter()));
      if (key === 'v') return void editor.tool.set('select');
      if (key === 'h') return void editor.tool.set('hand');
      if (event.key === ' ') {
        handled();
        spaceHeld.current = true;
        return;
      }
      if (event.key === 'Enter') {
        const [only] = editor.selection.current;
        if (editor.selection.current.length === 1 && only) return void (handled(), editor.startEditing(only));
        return;
      }
      if (event.key.startsWith('Arrow') && editor.selection.current.length > 0 && editor.canEdit) {
        handled();
        const step = event.shiftKey ? NUDGE * 10 : NUDGE;
        const dx = event.key === 'ArrowLeft' ? -step : event.key === 'ArrowRight' ? step : 0;
        const dy = event.key === 'ArrowUp' ? -step : event.key === 'ArrowDown' ? step : 0;
        editor.nudgeSelection(dx, dy);
        return;
      }
      if (event.key === 'Tab') cycleSelection(event);
    };

    /** Tab walks the selection through objects in reading order; past the end, focus leaves the canvas. */
    const cycleSelection = (event: KeyboardEvent) => {
      const objects = [...editor.store.sorted()].filter((o) => o.type !== 'connector');
      if (objects.length === 0) return;
      objects.sort((a, b) => (a.type === 'frame' ? 0 : 1) - (b.type === 'frame' ? 0 : 1) || ('y' in a && 'y' in b ? a.y - b.y || a.x - b.x : 0) || compareStacking(a, b));
      const current = editor.selection.current.length === 1 ? objects.findIndex((o) => o.id === editor.selection.current[0]) : -1;
      const next = current + (event.shiftKey ? -1 : 1);
      if (current !== -1 && (next < 0 || next >= objects.length)) {
        editor.selection.clear();
        return; // Let the browser move focus on.
      }
      event.preventDefault();
      const target = objects[next < 0 ? objects.length - 1 : next];
      if (!target) return;
      editor.selection.replace([target.id]);
      ensureVisible(editor, target.id);
    };

    const handleKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') spaceHeld.current = false;
    };
    const handleCopy = (event: ClipboardEvent) => {
      if (isTextField(event.target)) return;
      const json = editor.copy();
      if (json && event.clipboardData) {
        event.clipboardData.setData('text/plain', json);
        event.preventDefault();
      }
    };
    const handlePaste = (event: ClipboardEvent) => {
      if (isTextField(event.target)) return;
      pasteHandled = true;
      event.preventDefault();
      editor.paste(event.clipboardData?.getData('text/plain') ?? undefined);
    };
    window.addEventListener('keydown', handleKeyDown);
    window.addEventListener('keyup', handleKeyUp);
    window.addEventListener('copy', handleCopy);
    window.addEventListener('paste', handlePaste);
    return () => {
      window.removeEventListener('keydown', handleKeyDown);
      window.removeEventListener('keyup', handleKeyUp);
      window.removeEventListener('copy', handleCopy);
      window.removeEventListener('paste', handlePaste);
    };
  }, [editor, canvas, spaceHeld]);
}

/** Pans just enough to bring an object on screen (keyboard users must see what they selected). */
function ensureVisible(editor: BoardEditor, id: string): void {
  const bounds = editor.store.boundsOf(id);
  if (!bounds) return;
  const view = editor.viewport.visible();
  if (bounds.minX >= view.x && bounds.minY >= view.y && bounds.maxX <= view.x + view.width && bounds.maxY <= view.y + view.height) return;
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cy = (bounds.minY + bounds.maxY) / 2;
  editor.viewport.set({ ...editor.viewport.current, x: cx - view.width / 2, y: cy - view.height / 2 });
}
