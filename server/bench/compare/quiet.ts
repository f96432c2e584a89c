import os from 'node:os';
import { settings } from './config.ts';
import { coreBusyMs } from './procStats.ts';
import { sleep } from './time.ts';

/**
 * The machine is shared: before a run starts (no server of ours running),
 * wait until the other processes leave both cores mostly idle, for up to
 * COMPARE_QUIET_WAIT_SECONDS. Returns what it saw, for the report; a run
 * that starts busy is still run, and its "other load" figure says so.
 */
export async function waitForQuiet(): Promise<{ waitedSeconds: number; busy: number }> {
  const cores = os.cpus().length;
  const started = performance.now();
  let busy = 1;
  for (;;) {
    const before = Array.from({ length: cores }, (_, core) => coreBusyMs(core));
    const own = process.cpuUsage();
    const wallStart = performance.now();
    await sleep(1000);
    const wall = performance.now() - wallStart;
    const ownMs = (() => {
      const used = process.cpuUsage(own);
      return (used.user + used.system) / 1000;
    })();
    // The busiest core, less what this process itself used (it is pinned to one).
    busy = Math.max(...before.map((start, core) => (coreBusyMs(core) - start) / wall)) - ownMs / wall;
    const waited = (performance.now() - started) / 1000;
    if (busy < settings.quietBelow || waited >= settings.quietWaitSeconds) return { waitedSeconds: Math.round(waited), busy };
  }
}
