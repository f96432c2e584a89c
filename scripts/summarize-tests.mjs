#!/usr/bin/env node
// Prints the one line CI reads: "tests: N passed, N failed[, N skipped]".
import fs from 'node:fs';

const file = process.argv[2] ?? '.vitest-results.json';
if (!fs.existsSync(file)) {
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
const passed = results.numPassedTests ?? 0;
// A file that fails to load counts as a failure even though it ran no test.
const failedSuites = (results.testResults ?? []).filter((suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0).length;
const failed = (results.numFailedTests ?? 0) + failedSuites;
const skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
