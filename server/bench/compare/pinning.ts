import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';

/** Core the server under test runs on, and the one the load generator (this process) runs on. */
export const SERVER_CORE = 0;
export const GENERATOR_CORE = 1;

/**
 * Whether processes can be pinned: `taskset` present and at least two cores.
 * Otherwise everything runs unpinned and the report says why.
 */
export const pinning: { available: boolean; reason: string } = (() => {
  if (spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status !== 0) return { available: false, reason: 'taskset not found: server and generator ran unpinned' };
  if (os.availableParallelism() < 2) return { available: false, reason: `only ${os.availableParallelism()} core: server and generator ran unpinned` };
  return { available: true, reason: `server pinned to core ${SERVER_CORE}, load generator to core ${GENERATOR_CORE} (taskset)` };
})();

/** Pins every thread of `pid` to `core`; threads it starts later inherit it from their parent thread. */
export function pin(pid: number, core: number): void {
  if (!pinning.available) return;
  execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
}
