import { afterAll, beforeAll } from 'vitest';

/**
 * The board's read model batches changes to the next animation frame; Node
 * has no frames, so tests get timer-backed ones (and call `store.flush()`
 * themselves, as the editor does after each command).
 */
export function useAnimationFrames(): void {
  const saved = { request: globalThis.requestAnimationFrame, cancel: globalThis.cancelAnimationFrame };
  beforeAll(() => {
    globalThis.requestAnimationFrame = (callback) => setTimeout(() => callback(performance.now()), 16) as unknown as number;
    globalThis.cancelAnimationFrame = (handle) => clearTimeout(handle as unknown as NodeJS.Timeout);
  });
  afterAll(() => {
    globalThis.requestAnimationFrame = saved.request;
    globalThis.cancelAnimationFrame = saved.cancel;
  });
}
