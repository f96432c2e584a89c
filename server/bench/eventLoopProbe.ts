/**
 * Loaded into the benchmarked server with `--import` (never in production):
 * measures how long the server's event loop was blocked, how busy it was,
 * and how long each append took to become durable (appendUpdate called →
 * promise resolved), which no client-side measure can separate from the
 * clients' own delays. On SIGUSR2 it prints one line `event-loop-delay
 * {json}` with what it saw since the previous signal, then starts over.
 */
import { createHistogram, monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { SqliteBoardStore } from '../src/storage/SqliteBoardStore.ts';

const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
let appends = createHistogram();
let since = performance.eventLoopUtilization();

const appendUpdate = SqliteBoardStore.prototype.appendUpdate;
SqliteBoardStore.prototype.appendUpdate = function (this: SqliteBoardStore, ...args: Parameters<typeof appendUpdate>) {
  const started = performance.now();
  const result = appendUpdate.apply(this, args);
  void result.then(() => appends.record(Math.max(1, Math.round((performance.now() - started) * 1000))), () => {});
  return result;
};

const ms = (ns: number) => Math.round(ns / 1e4) / 100;
const us = (value: number) => Math.round(value / 10) / 100;
process.on('SIGUSR2', () => {
  const utilization = performance.eventLoopUtilization(since).utilization;
  since = performance.eventLoopUtilization();
  const stats = {
    p50: ms(loop.percentile(50)),
    p95: ms(loop.percentile(95)),
    p99: ms(loop.percentile(99)),
    max: ms(loop.max),
    utilization,
    durable: { count: appends.count, p50: us(appends.percentile(50)), p99: us(appends.percentile(99)), max: us(appends.max) },
  };
  process.stdout.write(`event-loop-delay ${JSON.stringify(stats)}\n`);
  loop.reset();
  appends = createHistogram();
});
