import { createContext, useContext, useSyncExternalStore } from 'react';
import type { BoardObject } from '@clapboard/shared';
import type { BoardEditor } from './BoardEditor.ts';
import type { Observable } from '../model/Observable.ts';

export const EditorContext = createContext<BoardEditor | null>(null);

export function useEditor(): BoardEditor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside a board');
  return editor;
}

/** One object's snapshot; re-renders only when that object changes. */
export function useBoardObject(id: string): BoardObject | undefined {
  const { store } = useEditor();
  return useSyncExternalStore(
    (listener) => store.subscribeObject(id, listener),
    () => store.get(id),
  );
}

export function useObservable<T>(observable: Observable<T>): T {
  return useSyncExternalStore(observable.subscribe, observable.get);
}

/** Re-renders when anything on the board changes (for panels that list objects). */
export function useStoreRevision(): number {
  const { store } = useEditor();
  return useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.revision,
  );
}
