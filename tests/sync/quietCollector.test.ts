import v8 from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { exposedGc } from '../../server/src/sync/exposedGc.ts';
import { QuietCollector } from '../../server/src/sync/QuietCollector.ts';
import { waitFor } from '../support/waitFor.ts';

/**
 * The server collects the garbage of a burst once its event loop goes quiet
 * (server/src/sync/QuietCollector.ts), with V8's own collector and this
 * thread's real event loop: garbage that lived long enough to reach the old
 * generation stays there while nothing allocates, until the collector runs.
 */
const MiB = 1024 * 1024;
const usedHeap = () => v8.getHeapStatistics().used_heap_size;
const collectNow = exposedGc();
/** Polls that keep the loop quiet: a failing `expect` builds a diff each time, enough to count as busy. */
const quietPolling = { timeout: 10_000, interval: 100 };

/** About `mib` MiB of small objects, the shape a decoded update leaves. */
function objectsOf(mib: number): Array<{ id: number; text: string }> {
  const objects: Array<{ id: number; text: string }> = [];
  while (objects.length * 64 < mib * MiB) objects.push({ id: objects.length, text: `note ${objects.length}` });
  return objects;
}

/**
 * The heap in use while about `mib` MiB of such objects are held; they are
 * garbage in the old generation once this returns. A full collection runs
 * while they are still held: a burst this size can set V8's own marking
 * going, and marking that finished after they were dropped collected them
 * before the collector under test ever saw the growth (the test failed about
 * half the time run alone). Marked live, they stay until something collects.
 */
function heapWhileHolding(mib: number): number {
  const held = objectsOf(mib);
  collectNow();
  return held.length > 0 ? usedHeap() : 0;
}

/** Keeps the event loop busy for `ms`, in slices of a few milliseconds, adding `mib` MiB to `held` on the way. */
async function busyFor(ms: number, held: unknown[], mib: number): Promise<void> {
  const until = Date.now() + ms;
  const perSlice = objectsOf(mib).length / (ms / 5);
  while (Date.now() < until) {
    const slice = Date.now() + 5;
    held.push(...objectsOf((perSlice * 64) / MiB));
    while (Date.now() < slice);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('collecting after a burst, once the event loop is quiet', () => {
  let collector: QuietCollector | null = null;
  afterEach(() => collector?.stop());

  it('collects the garbage a burst left in the old generation, once', async () => {
    collector = new QuietCollector({ checkEveryMs: 50, minGrowthBytes: 16 * MiB });
    collector.start();
    const peak = heapWhileHolding(64);
    await waitFor(() => collector!.collectionsRun === 1, quietPolling);
    expect(usedHeap()).toBeLessThan(peak - 32 * MiB);
    // Nothing new to collect: quiet spells go on, collections do not.
    const afterwards = Date.now() + 500;
    await waitFor(() => Date.now() > afterwards, quietPolling);
    expect(collector.collectionsRun).toBe(1);
  });

  it('forces nothing while the event loop is busy, and collects when it stops', async () => {
    collector = new QuietCollector({ checkEveryMs: 50, minGrowthBytes: 16 * MiB });
    collector.start();
    const before = usedHeap();
    let held: unknown[] | null = [];
    await busyFor(1500, held, 48);
    expect(usedHeap() - before).toBeGreaterThan(16 * MiB);
    expect(collector.collectionsRun).toBe(0);
    held = null;
    await waitFor(() => collector!.collectionsRun === 1, quietPolling);
  });

  it('does nothing when turned off', async () => {
    collector = new QuietCollector({ checkEveryMs: 0, minGrowthBytes: MiB });
    collector.start();
    // Measured clean, as heapWhileHolding's collection leaves the heap.
    collectNow();
    const before = usedHeap();
    // The premise: growth that a collector turned on would act on.
    expect(heapWhileHolding(32) - before).toBeGreaterThan(MiB);
    const until = Date.now() + 300;
    await waitFor(() => Date.now() > until, quietPolling);
    expect(collector.collectionsRun).toBe(0);
  });
});
