import { settings } from './config.ts';
import { startServer, type LoopDelay, type ServerKind } from './servers.ts';
import { SteadyLoad, type LoadShape, type WindowResult } from './steadyLoad.ts';
import { scaled } from './steadyScenarios.ts';

/** Scenario 6: scenario 2's load for a long time, sampled. */
export const SOAK_SHAPE: LoadShape = scaled({ boards: 100, clientsPerBoard: 10, writersPerBoard: 2, writerHz: 10, cursorsPerBoard: 2, cursorHz: 20 });

export interface SoakSample {
  atSeconds: number;
  inbound: number;
  p99: number;
  rss: number;
  loop: LoopDelay;
}

export interface SoakResult {
  samples: SoakSample[];
  window: WindowResult;
  /** RSS at the first and last sample, and its slope over the soak (MiB per minute, least squares). */
  rssFirst: number;
  rssLast: number;
  rssSlope: number;
}

export const soakIntervalSeconds = () => Math.max(5, Math.round(settings.soakSeconds / 12));

export async function runSoak(kind: ServerKind): Promise<SoakResult> {
  // Both servers get an event-loop probe preloaded with --import (Clapboard:
  // server/bench/eventLoopProbe.ts; the reference: compare/loopProbe.mjs).
  const server = await startServer(kind, { probe: true });
  try {
    const load = await SteadyLoad.open(server, SOAK_SHAPE);
    await server.loopDelay().catch(() => {});
    const samples: SoakSample[] = [];
    let asking = false;
    const window = await load.window({ writerHz: SOAK_SHAPE.writerHz, cursorHz: SOAK_SHAPE.cursorHz }, 2000, settings.soakSeconds * 1000, {
      intervalMs: soakIntervalSeconds() * 1000,
      onInterval: async (sample) => {
        // Loop figures cover the time since the probe last answered. An
        // overloaded server may answer seconds late; while it has not, the
        // next samples get none rather than a second request.
        const entry: SoakSample = { ...sample, loop: { p50: NaN, p99: NaN, max: NaN, utilization: NaN } };
        samples.push(entry);
        if (asking) return;
        asking = true;
        entry.loop = await server.loopDelay().catch(() => entry.loop);
        asking = false;
      },
    });
    await load.close();
    const first = samples[0]?.rss ?? NaN;
    const last = samples.at(-1)?.rss ?? NaN;
    return { samples, window, rssFirst: first, rssLast: last, rssSlope: slopePerMinute(samples.map((sample) => [sample.atSeconds, sample.rss])) };
  } finally {
    await server.stop({ graceful: false });
  }
}

function slopePerMinute(points: Array<[number, number]>): number {
  if (points.length < 2) return NaN;
  const n = points.length;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return (sxy / sxx) * 60;
}
