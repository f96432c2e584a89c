import type * as Y from 'yjs';

/** Connection state as the client reports it (mirrors `connection-status[data-status]`). */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface Viewport {
  /** Board x at the canvas's top-left corner. */
  x: number;
  /** Board y at the canvas's top-left corner. */
  y: number;
  zoom: number;
}

/**
 * `window.__clapboard`: the test hooks the board page exposes. Only the
 * members listed in the hook contract; anything else is optional and probed.
 */
export interface ClapboardHooks {
  contentDoc: Y.Doc;
  controlDoc: Y.Doc;
  awareness: {
    clientID: number;
    getStates(): Map<number, Record<string, unknown>>;
    getLocalState(): Record<string, unknown> | null;
  };
  isReady(): boolean;
  connection(): { status: ConnectionStatus; unsynced: number };
  getViewport(): Viewport;
  setViewport(viewport: Viewport): void;
  zoomToFit(): void;
  renderStats(): { total: number; drawn: number; lod: 'full' | 'simple'; notesPainted: number; frames: number };
  disconnect(): void;
  connect(): void;
  undo(): void;
  redo(): void;
  /** Not in the contract (yet): synchronously draw and return the ms it took. */
  drawNow?: () => number;
}

declare global {
  interface Window {
    __clapboard?: ClapboardHooks;
  }
}
