import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * V8's `gc`, without starting Node with `--expose-gc`: the flag is set just
 * long enough for a new context to be given the function, so no other
 * code sees a global `gc`.
 */
export function exposedGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  v8.setFlagsFromString('--no-expose-gc');
  return gc;
}
