import v8 from 'node:v8';
import type { ServerConfig } from './config.ts';

/**
 * Settings of the JavaScript engine itself, applied by main.ts before the
 * server is built. They are process-wide, so a test building apps in its
 * own process does not get them.
 *
 * Allocation-site pretenuring off. V8 watches which places in the code make
 * objects that outlive a young-generation collection, and from then on
 * allocates what those places make straight into the old generation. Under
 * load it had done that to places that make per-message objects (heap
 * profiles pointed at DocumentRoom's relay of an edit, whose frame and
 * callback wait a few milliseconds for the SQLite writer), so short-lived
 * objects of every later message became old-generation garbage, and a full
 * collection, with a stall of 100 ms or more, came every couple of seconds.
 * Measured in docs/benchmarks-compare.md ("Full collections under load").
 * V8_PRETENURING=on gives V8 its default back.
 */
export function applyEngineTuning(config: Pick<ServerConfig, 'pretenuring'>): void {
  if (!config.pretenuring) v8.setFlagsFromString('--no-allocation-site-pretenuring');
}
