import { settings } from './config.ts';
import { startServer, type ServerKind } from './servers.ts';
import { SteadyLoad, type LoadShape, type WindowResult } from './steadyLoad.ts';

/**
 * Scenario 3: the 100 boards × 10 clients shape of scenario 2, every sender's
 * rate scaled up step by step on the same connections, until p99 passes the
 * bound (or deliveries go missing, or the generator runs out of core).
 */
export const CAPACITY_SHAPE: LoadShape = { boards: 100, clientsPerBoard: 10, writersPerBoard: 2, writerHz: 10, cursorsPerBoard: 2, cursorHz: 20 };
const BASE_RATE = 6000;
export const CAPACITY_STEPS = [750, 1500, 3000, 4500, 6000, 9000, 12000, 15000, 20000, 25000, 30000];

export interface CapacityStep {
  target: number;
  window: WindowResult;
  passed: boolean;
}

export interface CapacityResult {
  steps: CapacityStep[];
  /** Measured inbound rate of the last step that passed (0 if none did). */
  sustained: number;
  /** Why the search stopped. */
  stoppedBy: string;
}

export async function runCapacity(kind: ServerKind): Promise<CapacityResult> {
  const server = await startServer(kind);
  try {
    const load = await SteadyLoad.open(server, CAPACITY_SHAPE);
    const steps: CapacityStep[] = [];
    let sustained = 0;
    let stoppedBy = `reached the last step (${CAPACITY_STEPS.at(-1)}/s)`;
    for (const target of CAPACITY_STEPS) {
      const scale = target / BASE_RATE;
      const window = await load.window({ writerHz: CAPACITY_SHAPE.writerHz * scale, cursorHz: CAPACITY_SHAPE.cursorHz * scale }, settings.stepWarmupSeconds * 1000, settings.stepSeconds * 1000, { drainMs: 2000 });
      const passed = window.all.p99 < settings.capacityP99Ms && window.delivered >= 0.999 && !window.overloaded && window.closes === '';
      steps.push({ target, window, passed });
      process.stderr.write(`    ${kind} ${target}/s: in ${window.inbound.toFixed(0)}/s, p99 ${window.all.p99.toFixed(1)} ms, delivered ${(window.delivered * 100).toFixed(2)} %, server CPU ${(window.serverCpu * 100).toFixed(0)} %, generator CPU ${(window.generatorCpu * 100).toFixed(0)} %\n`);
      if (window.overloaded) {
        stoppedBy = `load generator out of core at ${target}/s (${(window.generatorCpu * 100).toFixed(0)} % of its core): a floor, not the server's limit`;
        break;
      }
      if (!passed) {
        stoppedBy = window.closes !== '' ? `connections closed at ${target}/s (${window.closes})` : `p99 ${window.all.p99.toFixed(1)} ms / ${(window.delivered * 100).toFixed(2)} % delivered at ${target}/s`;
        break;
      }
      sustained = window.inbound;
    }
    await load.close();
    return { steps, sustained, stoppedBy };
  } finally {
    await server.stop({ graceful: false });
  }
}
