import type { CanvasController } from '../canvas/CanvasController.ts';
import type { BoardConnection } from '../connection/BoardConnection.ts';
import type { BoardEditor } from '../editor/BoardEditor.ts';
import type { ClapboardTestHook } from './testHook.ts';

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
  const hook: ClapboardTestHook = {
    contentDoc: connection.contentDoc,
    controlDoc: connection.controlDoc,
    awareness: connection.awareness,
    isReady: () => connection.isSynced && controller.frameCount > frameAtSync,
    connection: () => connection.tracker.current,
    getViewport: () => ({ ...editor.viewport.current }),
    setViewport: (view) => editor.viewport.set(view, 'user'),
    zoomToFit: () => editor.zoomToFit(),
    // The paint count is read live: notes React mounts after a frame are
    // painted by Konva's own redraw, which does not refresh controller.stats,
    // so the snapshot could stay short of them until something drew again.
    renderStats: () => ({ ...controller.stats, notesPainted: controller.sprites.painted }),
    disconnect: () => connection.disconnect(),
    connect: () => connection.connect(),
    undo: () => editor.undo(),
    redo: () => editor.redo(),
    frameTimes: () => [...controller.frameTimes],
  };
  window.__clapboard = hook;
  return () => {
    offSync();
    delete window.__clapboard;
  };
}
