/**
 * The three chaos suites (tests/chaos/, docs/chaos.md) with larger counts
 * than the test command runs, one after the other; each prints its own
 * tables, and this prints their wall times at the end.
 *
 *   npx -y pnpm@10 bench:chaos
 *   CHAOS_KILLS=1000 CHAOS_FRAMES=1000000 CHAOS_SEEDS=200 npx -y pnpm@10 bench:chaos  # other counts
 *   CHAOS_SUITES=fuzz npx -y pnpm@10 bench:chaos                                     # one suite
 *   CHAOS_SEED=7 …                                                                   # another seed
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Defaults of the bench; anything set in the environment wins. */
const LARGER: Record<string, string> = {
  CHAOS_KILLS: '400',
  CHAOS_CRASH_RUNS: '40',
  CHAOS_FRAMES: '300000',
  CHAOS_HTTP_BODIES: '15000',
  CHAOS_SEEDS: '60',
  CHAOS_OPS: '800',
};

const suites = (process.env.CHAOS_SUITES ?? 'crash,fuzz,convergence').split(',').map((suite) => suite.trim());
const env = { ...process.env };
for (const [name, value] of Object.entries(LARGER)) env[name] ??= value;

const rows: Array<{ suite: string; seconds: string; result: string }> = [];
for (const suite of suites) {
  const started = Date.now();
  const run = spawnSync(path.join(root, 'node_modules/.bin/vitest'), ['run', '--project', 'system', `tests/chaos/${suite}.test.ts`], { cwd: root, env, stdio: 'inherit' });
  rows.push({ suite, seconds: ((Date.now() - started) / 1000).toFixed(1), result: run.status === 0 ? 'passed' : `failed (exit ${run.status})` });
}

console.log('\nchaos bench');
console.log(`counts: ${Object.keys(LARGER).map((name) => `${name}=${env[name]}`).join(' ')}${env.CHAOS_SEED ? ` CHAOS_SEED=${env.CHAOS_SEED}` : ''}`);
console.log('| suite | wall time (s) | result |\n| --- | ---: | --- |');
for (const row of rows) console.log(`| ${row.suite} | ${row.seconds} | ${row.result} |`);
process.exit(rows.every((row) => row.result === 'passed') ? 0 : 1);
