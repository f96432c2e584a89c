import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { BoardConnection } from '../app/BoardConnection.ts';
import type { ConnectionSnapshot } from '../app/connectionTracker.ts';
import type { BoardEditor } from '../board/BoardEditor.ts';
import type { CanvasController, RenderStats } from '../canvas/CanvasController.ts';

/** The contract the end-to-end tests and the browser benchmark drive the board through. */
export interface ClapboardTestHook {
  contentDoc: Y.Doc;
  controlDoc: Y.Doc;
  awareness: Awareness;
  isReady(): boolean;
  connection(): ConnectionSnapshot;
  getViewport(): { x: number; y: number; zoom: number };
  setViewport(view: { x: number; y: number; zoom: number }): void;
  zoomToFit(): void;
  renderStats(): RenderStats;
  disconnect(): void;
  connect(): void;
  undo(): void;
  redo(): void;
  /** Extra (not in the original contract): ms of canvas work in each recent frame, newest last. */
  frameTimes(): number[];
}

declare global {
  interface Window {
    __clapboard?: ClapboardTestHook;
  }
}

/**
 * Installs `window.__clapboard`. Always on: it exposes nothing a person at
 * the keyboard could not already do or see, and tests need the real build.
 */
export function installTestHook(connection: BoardConnection, editor: BoardEditor, controller: CanvasController): () => void {
  let frameAtSync = connection.isSynced ? 0 : Infinity;
  const offSync = connection.onFirstSync(() => {
    frameAtSync = controller.frameCount;
    editor.store.flush();
    controller.schedule();
  });
  window.__clapboard = {
    contentDoc: connection.contentDoc,
    controlDoc: connection.controlDoc,
    awareness: connection.awareness,
    isReady: () => connection.isSynced && controller.frameCount > frameAtSync,
    connection: () => connection.tracker.current,
    getViewport: () => ({ ...editor.viewport.current }),
    setViewport: (view) => editor.viewport.set(view, 'user'),
    zoomToFit: () => editor.zoomToFit(),
    renderStats: () => ({ ...controller.stats }),
    disconnect: () => connection.disconnect(),
    connect: () => connection.connect(),
    undo: () => editor.undo(),
    redo: () => editor.redo(),
    frameTimes: () => [...controller.frameTimes],
  };
  return () => {
    offSync();
    delete window.__clapboard;
  };
}
