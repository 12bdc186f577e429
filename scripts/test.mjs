#!/usr/bin/env node
// The whole test suite: unit and chain tests (vitest), then the e2e suite (Playwright) against the
// built extension in Chromium. Finds (or installs) a Chromium first and says which one it uses.
// Ends with one line of totals: "total: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const e2eOnly = process.argv.includes('--e2e-only');
const results = resolve(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const bin = (name) => resolve(root, 'node_modules/.bin', name);
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let passed = 0;
let failed = 0;
let status = 0;

if (!e2eOnly) {
  console.log('\n== unit and chain tests (vitest) ==');
  status |= run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${resolve(results, 'unit.json')}`]);
  try {
    const report = JSON.parse(readFileSync(resolve(results, 'unit.json'), 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } catch {
    failed += 1;
    console.error('vitest wrote no report');
  }
}

console.log('\n== e2e tests (Playwright, built extension in Chromium) ==');
const chromium = await findChromium({ install: true });
console.log(`Chromium: ${chromium.path} (${chromium.how})`);
status |= run(bin('playwright'), ['test'], { STAKELENS_CHROMIUM: chromium.path });
try {
  const report = JSON.parse(readFileSync(resolve(results, 'e2e.json'), 'utf8'));
  passed += report.stats.expected + (report.stats.flaky ?? 0);
  failed += report.stats.unexpected;
} catch {
  failed += 1;
  console.error('Playwright wrote no report');
}

// The fault suite's line (tests/e2e/fault-tally.ts), repeated here beside the totals.
try {
  console.log(`\n${readFileSync(resolve(results, 'fault-suite.txt'), 'utf8').trim()}`);
} catch {
  console.log('\nfault suite: did not run');
}
console.log(`\ntotal: ${passed} passed, ${failed} failed`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
