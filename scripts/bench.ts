/*
 * npm run bench: what Stakelens costs, measured on the built extension in Chromium against the
 * local chain, and printed as a table. This part covers the data side: RPC requests and bytes for
 * a page showing every token, cold (empty cache) and warm (a reload), and the time from focusing a
 * mark to a tooltip with figures, answered from the cache.
 */
import type { Page } from '@playwright/test';
import os from 'node:os';
import { launchWithExtension } from '../tests/e2e/harness/browser';
import { startStack } from '../tests/e2e/stack';

const PAGE = 'https://app.uniswap.org/explore/tokens';
const HOVER_SAMPLES = 30;

async function quiet(methods: string[], ms = 1_500, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  let seen = methods.length;
  let since = Date.now();
  while (Date.now() - start < timeoutMs) {
    await new Promise((r) => setTimeout(r, 100));
    if (methods.length !== seen) {
      seen = methods.length;
      since = Date.now();
    } else if (Date.now() - since >= ms) return;
  }
}

function count(methods: string[]) {
  const by = new Map<string, number>();
  for (const m of methods) by.set(m, (by.get(m) ?? 0) + 1);
  return [...by.entries()].map(([m, n]) => `${m} ×${n}`).join(', ') || 'none';
}

/** Focus → tooltip showing read figures, timed inside the page (ms), over the marks of every token. */
async function focusLatencies(page: Page, samples: number): Promise<number[]> {
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate(async (n) => {
    const marks = [...document.querySelectorAll<HTMLElement>('a [data-stakelens]')];
    const host = () => document.querySelector('stakelens-ui')?.shadowRoot;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const mark = marks[i % marks.length]!;
      const link = mark.closest('a')!;
      const symbol = mark.getAttribute('data-stakelens');
      const start = performance.now();
      link.focus();
      await new Promise<void>((resolve) => {
        const check = () => {
          const peg = host()?.querySelector(`[data-stakelens-tooltip="${symbol}"] [data-section="peg"]`);
          if (peg && peg.getAttribute('data-age-s') !== '') resolve();
          else requestAnimationFrame(check);
        };
        check();
      });
      times.push(performance.now() - start);
      link.blur();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await new Promise((r) => setTimeout(r, 50));
    }
    return times;
  }, samples);
}

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

async function main() {
  const stack = await startStack('bench');
  const browser = await launchWithExtension({ extensionPath: stack.extensionPath, serverPort: stack.server.port });
  try {
    const { proxy } = stack;
    const rows: [string, string][] = [];

    proxy.methods.length = 0;
    proxy.bytes = 0;
    const page = await browser.context.newPage();
    await page.goto(PAGE);
    await page.locator('[data-stakelens="pufETH"]').first().waitFor();
    const tokens = await page.$$eval('[data-stakelens]', (els) => new Set(els.map((e) => e.getAttribute('data-stakelens'))).size);
    await quiet(proxy.methods);
    const cold = [...proxy.methods];
    rows.push([`Cold page view (${tokens} tokens, empty cache): RPC requests`, `${cold.length} (${count(cold)})`]);
    rows.push(['Cold page view: bytes sent + received', `${proxy.bytes.toLocaleString('en-US')}`]);
    const coldCalls = cold.filter((m) => m === 'eth_call').length;

    proxy.methods.length = 0;
    proxy.bytes = 0;
    await page.reload();
    await page.locator('[data-stakelens="pufETH"]').first().waitFor();
    await quiet(proxy.methods);
    rows.push(['Warm page view (reload within the TTL): RPC requests', `${proxy.methods.length} (${count(proxy.methods)})`]);
    rows.push(['Warm page view: bytes', proxy.bytes.toLocaleString('en-US')]);

    proxy.methods.length = 0;
    const latencies = await focusLatencies(page, HOVER_SAMPLES);
    rows.push([`Focus → tooltip with figures, from cache (${HOVER_SAMPLES} samples)`, `median ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms`]);
    rows.push(['RPC requests during those tooltips', String(proxy.methods.length)]);

    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`\nStakelens bench — ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    console.log(`${'figure'.padEnd(width)} | value`);
    console.log(`${'-'.repeat(width)}-|-${'-'.repeat(40)}`);
    for (const [k, v] of rows) console.log(`${k.padEnd(width)} | ${v}`);
    const past = cold.filter((m) => m === 'eth_call (past block)').length;
    console.log(`\nCold: ${coldCalls} eth_call at the newest block (live figures: one Multicall3 call per chain), ${past} at past blocks (realized yield: now, 7 d and 30 d ago), block headers to find those blocks.`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
