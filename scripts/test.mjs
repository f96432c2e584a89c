#!/usr/bin/env node
// `pnpm test`: system deps, type-check, build the client the browser tests
// load, then every vitest project; ends with one line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const RESULTS = '.vitest-results.json';
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: false }).status ?? 1;
const bin = (dir, name) => `${dir}/node_modules/.bin/${name}`;

fs.rmSync(RESULTS, { force: true });
const steps = [
  ['system dependencies', () => run(process.execPath, ['scripts/ensure-system-deps.mjs'])],
  ['type-check', () => run(bin('.', 'tsc'), ['-b'])],
  ['client build', () => run(bin('client', 'vite'), ['build', 'client'])],
  ['vitest', () => run(bin('.', 'vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${RESULTS}`, ...process.argv.slice(2)])],
];
let status = 0;
for (const [name, step] of steps) {
  status = step();
  if (status !== 0) {
    console.error(`\n${name} failed (exit ${status})`);
    break;
  }
}
const summary = run(process.execPath, ['scripts/summarize-tests.mjs', RESULTS]);
process.exit(status || summary);
