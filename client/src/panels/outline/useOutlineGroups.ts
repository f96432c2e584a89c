import { useDeferredValue, useMemo } from 'react';
import { useEditor, useStoreRevision } from '../../editor/EditorContext.ts';
import type { BoardStore } from '../../model/BoardStore.ts';

export interface OutlineFrame {
  id: string;
  title: string;
}

export interface OutlineGroups {
  frames: readonly OutlineFrame[];
  /** Note ids per frame id; '' holds notes in no frame. */
  notes: ReadonlyMap<string, readonly string[]>;
}

/** Frames in reading order (top to bottom, then left to right), each with its notes in reading order. */
export function buildOutline(store: BoardStore): OutlineGroups {
  const frames: { id: string; title: string; x: number; y: number }[] = [];
  const notes = new Map<string, { id: string; x: number; y: number }[]>([['', []]]);
  for (const object of store.sorted()) {
    if (object.type === 'frame') {
      frames.push({ id: object.id, title: object.text, x: object.x, y: object.y });
      if (!notes.has(object.id)) notes.set(object.id, []);
    }
  }
  for (const object of store.sorted()) {
    if (object.type !== 'note') continue;
    const key = object.frameId && notes.has(object.frameId) ? object.frameId : '';
    notes.get(key)!.push(object);
  }
  const byReading = (a: { x: number; y: number }, b: { x: number; y: number }) => a.y - b.y || a.x - b.x;
  frames.sort(byReading);
  const out = new Map<string, string[]>();
  for (const [key, list] of notes) out.set(key, list.sort(byReading).map((note) => note.id));
  return { frames: frames.map(({ id, title }) => ({ id, title })), notes: out };
}

/** The outline's structure, recomputed off the hot path (deferred) when the board changes. */
export function useOutlineGroups(): OutlineGroups {
  const editor = useEditor();
  const revision = useDeferredValue(useStoreRevision());
  const groups = useMemo(() => buildOutline(editor.store), [editor, revision]);
  // Keep the frames array stable while titles and membership are unchanged, so note rows do not re-render.
  const framesKey = groups.frames.map((frame) => `${frame.id}\u0000${frame.title}`).join('\u0001');
  const frames = useMemo(() => groups.frames, [framesKey]); // eslint-disable-line react-hooks/exhaustive-deps
  return { frames, notes: groups.notes };
}
