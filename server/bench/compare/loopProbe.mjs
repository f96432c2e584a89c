/**
 * Preloaded into the reference server with `node --import` during the soak
 * (never otherwise): the same event-loop measure as bench/eventLoopProbe.ts
 * gives Clapboard, in plain JavaScript and with nothing of Clapboard's. On
 * SIGUSR2 it prints `event-loop-delay {json}` for the time since the
 * previous signal, then starts over.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
let since = performance.eventLoopUtilization();
const ms = (ns) => Math.round(ns / 1e4) / 100;

process.on('SIGUSR2', () => {
  const utilization = performance.eventLoopUtilization(since).utilization;
  since = performance.eventLoopUtilization();
  const stats = { p50: ms(loop.percentile(50)), p95: ms(loop.percentile(95)), p99: ms(loop.percentile(99)), max: ms(loop.max), utilization };
  process.stdout.write(`event-loop-delay ${JSON.stringify(stats)}\n`);
  loop.reset();
});
