import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ViewState } from '@clapboard/shared';
import type { RenderStats } from '../canvas/CanvasController.ts';
import type { ConnectionSnapshot } from '../connection/connectionTracker.ts';

/**
 * `window.__clapboard`: the contract the end-to-end tests and the browser
 * benchmark drive a board page through. Declared here once; the installer
 * (./installTestHook.ts) and the tests (tests/e2e/support/hooks.ts) both
 * import it, so a change to either side is a type error on the other.
 */
export interface ClapboardTestHook {
  contentDoc: Y.Doc;
  controlDoc: Y.Doc;
  awareness: Awareness;
  /** True once the content has had its first sync and been drawn after it. */
  isReady(): boolean;
  connection(): ConnectionSnapshot;
  /** x, y: the board point at the canvas's top-left corner. */
  getViewport(): ViewState;
  setViewport(view: ViewState): void;
  zoomToFit(): void;
  renderStats(): RenderStats;
  /** Drops the sockets as a network loss would (the providers stop retrying). */
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
