import { isPositioned, unionRects, type Rect } from '@clapboard/shared';
import type { BoardEditor } from '../../editor/BoardEditor.ts';

/** How long to wait for the new frames to arrive over the websocket before leaving the view alone. */
const ARRIVAL_TIMEOUT_MS = 15_000;

/**
 * Fits this facilitator's own view to frames the server just added, once
 * they have arrived: the 201 can come before the update that carries them,
 * and the server may have placed them beside the view rather than in it.
 * Nobody else's view moves. Gives up quietly if they never arrive.
 */
export function showAddedFrames(editor: BoardEditor, frameIds: readonly string[]): void {
  const bounds = (): Rect | null => {
    const frames = frameIds.map((id) => editor.store.get(id));
    if (frames.some((frame) => !frame || !isPositioned(frame))) return null;
    return unionRects(frames.filter((frame) => frame !== undefined && isPositioned(frame)) as Rect[]);
  };
  const attempt = (): boolean => {
    const rect = bounds();
    if (rect) editor.viewport.fit(rect, 'program');
    return rect !== null;
  };
  if (attempt()) return;
  const stop = () => {
    unsubscribe();
    window.clearTimeout(timer);
  };
  const unsubscribe = editor.store.subscribe(() => {
    if (attempt()) stop();
  });
  const timer = window.setTimeout(stop, ARRIVAL_TIMEOUT_MS);
}
