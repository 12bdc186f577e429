import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Unit tests use wxt's fake browser; chain tests start a real anvil node; build tests make the store packages.
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/chain/**/*.test.ts', 'tests/build/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
