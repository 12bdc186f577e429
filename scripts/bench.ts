/*
 * npm run bench: what Stakelens costs, measured on the built extension in Chromium against the
 * local chain, and printed as a table. This part covers the data side: RPC requests and bytes for
 * a page showing every token, cold (empty cache) and warm (a reload), and the time from focusing a
 * mark to a tooltip with figures, answered from the cache; and the scanner: its first scan of a
 * 20,000-node page against a bare TreeWalker pass over the same page, and its cost per mutation batch;
 * the page-level cost: loads of the heavy page with the extension against a browser without it,
 * alternating, with the long tasks and the memory each adds; and the size of every bundle.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumArgs, findChromium, launchWithExtension } from '../tests/e2e/harness/browser';
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

/**
 * A heavy lending-markets page: 1,200 rows of ~18 nodes (over 20,000 in all), a token in every
 * third row, served under app.aave.com so the real content script runs on it.
 */
function heavyPage(): string {
  const symbols = ['wstETH', 'weETH', 'rETH', 'cbETH', 'ezETH', 'rsETH', 'USDC', 'WETH', 'DAI'];
  const rows = Array.from({ length: 1_200 }, (_, i) => {
    const symbol = i % 3 === 0 ? symbols[(i / 3) % 6]! : symbols[6 + (i % 3)]!;
    return `<div class="row" data-cy="marketListItemListItem_${symbol.toUpperCase()}"><div class="cell"><span class="icon"><img alt="" src="data:,"></span><div><h4>Asset ${i}</h4><p class="sym">${symbol}</p></div></div><div class="cell"><p class="num" data-live>${(i * 1.37).toFixed(2)}M</p><p class="sub">$${(i * 3.1).toFixed(2)}M</p></div><div class="cell"><p>${(i % 7) / 3}%</p></div><div class="cell"><p>${(i % 5) / 2}%</p></div><div class="cell"><a href="/reserve-overview/?underlyingAsset=0x${String(i).padStart(40, '0')}">Details</a></div></div>`;
  }).join('');
  return `<!doctype html><html><head><title>Markets | bench</title></head><body><main id="app">${rows}</main></body></html>`;
}

type Measures = { duration: number; startTime: number }[];

async function scanFigures(context: import('@playwright/test').BrowserContext): Promise<[string, string][]> {
  const page = await context.newPage();
  await page.route('https://app.aave.com/bench', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: heavyPage() }));
  await page.goto('https://app.aave.com/bench');
  // The first scan is done when marks stop growing and passes stop coming.
  let last = -1;
  for (let i = 0; i < 100; i++) {
    await page.waitForTimeout(100);
    const n = await page.evaluate(() => performance.getEntriesByName('stakelens:scan-pass').length);
    if (n > 0 && n === last) break;
    last = n;
  }
  const first = (await page.evaluate(() => performance.getEntriesByName('stakelens:scan-pass').map((e) => ({ duration: e.duration, startTime: e.startTime })))) as Measures;
  const nodes = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
    let n = 0;
    while (walker.nextNode()) n++;
    return n;
  });
  const marks = await page.evaluate(() => document.querySelectorAll('[data-stakelens]').length);
  // The baseline: a bare TreeWalker over every text node of the same page, in the same run.
  const bare = await page.evaluate(() => {
    const times: number[] = [];
    for (let k = 0; k < 7; k++) {
      const t0 = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let t = walker.nextNode(); t; t = walker.nextNode()) chars += (t as Text).data.length;
      times.push(performance.now() - t0 + (chars < 0 ? 1 : 0));
    }
    return times.sort((a, b) => a - b)[3]!;
  });
  const scanMs = first.reduce((sum, m) => sum + m.duration, 0);
  const longest = Math.max(...first.map((m) => m.duration));

  // Live numbers: 100 cells change and 10 rows re-render every 50 ms, for 2 s.
  await page.evaluate(() => performance.clearMeasures('stakelens:scan-pass'));
  await page.evaluate(async () => {
    const cells = [...document.querySelectorAll('[data-live]')].slice(0, 100);
    const rows = [...document.querySelectorAll('.row')];
    for (let b = 0; b < 40; b++) {
      for (const cell of cells) cell.firstChild!.nodeValue = `${(Math.random() * 100).toFixed(2)}M`;
      for (let r = 0; r < 10; r++) {
        const row = rows[(b * 10 + r * 3) % rows.length]!;
        row.replaceWith(row.cloneNode(true));
        rows[(b * 10 + r * 3) % rows.length] = document.querySelectorAll('.row')[(b * 10 + r * 3) % rows.length]!;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  await page.waitForTimeout(300);
  const batches = (await page.evaluate(() => performance.getEntriesByName('stakelens:scan-pass').map((e) => e.duration))) as number[];
  const perBatch = batches.reduce((a, b) => a + b, 0) / 40;
  await page.close();
  return [
    [`First scan of a ${nodes.toLocaleString('en-US')}-node page: main-thread time`, `${scanMs.toFixed(1)} ms in ${first.length} passes (longest ${longest.toFixed(1)} ms)`],
    ['Bare TreeWalker over the same page (median of 7)', `${bare.toFixed(1)} ms: scan / bare = ${(scanMs / bare).toFixed(2)}×`],
    ['Marks found on that page', String(marks)],
    ['Per mutation batch (100 numbers change, 10 rows re-render)', `${perBatch.toFixed(2)} ms`],
  ];
}

/** Every script of the build, raw and gzipped; the content script first: it is what every supported page loads. */
async function bundleRows(dir: string): Promise<[string, string][]> {
  const files: string[] = [];
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(d, entry.name));
      else if (entry.name.endsWith('.js')) files.push(join(d, entry.name));
    }
  };
  await walk(dir);
  const sized = await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(file);
      return { name: relative(dir, file), raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
    }),
  );
  sized.sort((a, b) => Number(b.name.startsWith('content-scripts/')) - Number(a.name.startsWith('content-scripts/')) || b.gz - a.gz);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return sized.map(({ name, raw, gz }) => [`Bundle ${name}${name.startsWith('content-scripts/') ? ' (every supported page, before any hover)' : ''}`, `${kb(gz)} gzipped (${kb(raw)} raw)`]);
}

/** A Chromium like the extension's, with the same host mapping, and no extension. */
async function launchPlain(serverPort: number): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(join(os.tmpdir(), 'stakelens-bench-plain-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: (await findChromium()).path, headless: true, ignoreHTTPSErrors: true, args: chromiumArgs(null, serverPort) });
  return { context, close: async () => (await context.close(), await rm(profile, { recursive: true, force: true })) };
}

interface LoadSample {
  loadMs: number;
  longTasks: number;
  longTaskMs: number;
  heapBytes: number;
}

/** One load of the heavy page: load time, long tasks over the next 3 s (the scan included), JS heap after GC. */
async function loadOnce(context: BrowserContext): Promise<LoadSample> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { __long: number[] }).__long = tasks;
    new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await page.route('https://app.aave.com/bench', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: heavyPage() }));
  await page.goto('https://app.aave.com/bench', { waitUntil: 'load' });
  const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await page.waitForTimeout(3_000);
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const heapBytes = metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
  await page.close();
  return { loadMs, longTasks: long.length, longTaskMs: long.reduce((a, b) => a + b, 0), heapBytes };
}

const median = (values: number[]) => pct(values, 50);

/** The heavy page loaded RUNS times in each browser, alternating, after one warm-up load in each. */
async function loadRows(withExtension: BrowserContext, serverPort: number): Promise<[string, string][]> {
  const RUNS = 7;
  const plain = await launchPlain(serverPort);
  try {
    await loadOnce(plain.context);
    await loadOnce(withExtension);
    const a: LoadSample[] = [];
    const b: LoadSample[] = [];
    for (let i = 0; i < RUNS; i++) {
      b.push(await loadOnce(plain.context));
      a.push(await loadOnce(withExtension));
    }
    const of = (samples: LoadSample[], key: keyof LoadSample) => median(samples.map((x) => x[key]));
    const mb = (n: number) => `${(n / 2 ** 20).toFixed(2)} MB`;
    return [
      [`Heavy page load (median of ${RUNS}, alternating): with / without the extension`, `${of(a, 'loadMs').toFixed(0)} ms / ${of(b, 'loadMs').toFixed(0)} ms = ${(of(a, 'loadMs') / of(b, 'loadMs')).toFixed(3)}`],
      ['Long tasks in the 3 s after load: with / without', `${of(a, 'longTasks')} (${of(a, 'longTaskMs').toFixed(0)} ms) / ${of(b, 'longTasks')} (${of(b, 'longTaskMs').toFixed(0)} ms)`],
      ['Page JS heap after GC: with / without (the content script’s share)', `${mb(of(a, 'heapBytes'))} / ${mb(of(b, 'heapBytes'))} (+${mb(of(a, 'heapBytes') - of(b, 'heapBytes'))})`],
    ];
  } finally {
    await plain.close();
  }
}

/**
 * The first focus on a fresh page with the figures cache emptied: the page's own report has just
 * started the background's read, and the tooltip waits for it. Timed from the focus.
 */
async function coldHover(context: BrowserContext, methods: string[]): Promise<[string, string][]> {
  const worker = context.serviceWorkers()[0]!;
  await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { session: { clear(): Promise<void> } } } }).chrome.storage.session.clear());
  methods.length = 0;
  const page = await context.newPage();
  await page.goto(PAGE);
  await page.locator('a [data-stakelens]').first().waitFor();
  const [ms] = await focusLatencies(page, 1);
  await quiet(methods);
  const made = [...methods];
  await page.close();
  return [['Focus → tooltip with figures, cold (new page, figures cache emptied)', `${ms!.toFixed(0)} ms; RPC requests for the page: ${made.length} (${count(made)})`]];
}

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

async function main() {
  const stack = await startStack('bench', { STAKELENS_BENCH: '1' });
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

    rows.push(...(await coldHover(browser.context, proxy.methods)));
    rows.push(...(await scanFigures(browser.context)));
    rows.push(...(await loadRows(browser.context, stack.server.port)));
    rows.push(...(await bundleRows(stack.extensionPath)));

    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`\nStakelens bench — ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    console.log(`${'figure'.padEnd(width)} | value`);
    console.log(`${'-'.repeat(width)}-|-${'-'.repeat(40)}`);
    for (const [k, v] of rows) console.log(`${k.padEnd(width)} | ${v}`);
    const past = cold.filter((m) => m === 'eth_call (past block)').length;
    console.log(`\nCold: ${coldCalls} eth_call at the newest block (live figures: one Multicall3 call per chain), ${past} at past blocks (realized yield: now, 7 d and 30 d ago; and a bisection for the block where rsETH's stored rate last changed), block headers to find those blocks.`);
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
