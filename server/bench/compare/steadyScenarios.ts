import { settings } from './config.ts';
import { startServer, type ServerKind } from './servers.ts';
import { SteadyLoad, type LoadShape, type WindowResult } from './steadyLoad.ts';

/** Scenario 1: one big workshop board. */
export const ONE_BOARD: LoadShape = { boards: 1, clientsPerBoard: 200, writersPerBoard: 10, writerHz: 10, cursorsPerBoard: 25, cursorHz: 20 };

/**
 * Scenario 2: 100 boards × 10 clients at the issue's ≈6,000 messages in per
 * second: per board 2 writers at 10 Hz and 2 cursor senders at 20 Hz
 * (20 + 40 = 60 messages/s, × 100 boards), the other 6 only receive.
 */
export const MANY_BOARDS: LoadShape = { boards: 100, clientsPerBoard: 10, writersPerBoard: 2, writerHz: 10, cursorsPerBoard: 2, cursorHz: 20 };

/** A shape with every sender's rate multiplied by COMPARE_RATE_SCALE. */
export function scaled(shape: LoadShape): LoadShape {
  return { ...shape, writerHz: shape.writerHz * settings.rateScale, cursorHz: shape.cursorHz * settings.rateScale };
}

/** One run: a fresh server, the load connected, one warm-up and one measured window. */
export async function runSteady(kind: ServerKind, shape: LoadShape, options: { nodeOptions?: string } = {}): Promise<WindowResult> {
  const server = await startServer(kind, options);
  try {
    const load = await SteadyLoad.open(server, shape);
    const result = await load.window({ writerHz: shape.writerHz, cursorHz: shape.cursorHz }, settings.warmupSeconds * 1000, settings.measureSeconds * 1000);
    await load.close();
    return result;
  } finally {
    // A profiled server must exit normally to write its profile; otherwise nothing of the run is kept.
    await server.stop({ graceful: options.nodeOptions !== undefined });
  }
}
