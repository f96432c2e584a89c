import { useSyncExternalStore } from 'react';
import type { Theme } from '@clapboard/shared';
import { useEditor } from '../../editor/EditorContext.ts';

/** The board's themes, sorted by (name, id); re-renders when they change. */
export function useThemes(): readonly Theme[] {
  const { themes } = useEditor();
  return useSyncExternalStore(themes.model.subscribe, themes.model.get);
}

/** The selection, re-rendering when it changes. */
export function useSelection(): readonly string[] {
  const { selection } = useEditor();
  return useSyncExternalStore(selection.subscribe, selection.getSnapshot);
}

/** A short, one-line preview of a note's words, for lists and announcements. */
export function preview(text: string, length = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}
