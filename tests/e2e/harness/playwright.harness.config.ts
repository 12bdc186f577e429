// Playwright config for the e2e harness self-test only:
//   npx playwright test -c tests/e2e/harness/playwright.harness.config.ts
// The specs launch Chromium themselves (browser.ts); no Playwright-managed browser is used.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['line']],
  outputDir: '../../../test-results/e2e-harness',
});
