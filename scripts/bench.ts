/*
 * npm run bench: what Stakelens costs, measured on the built extension in Chromium against the
 * local chain, and printed as a table. This part covers the data side: RPC requests and bytes for
 * a page showing every token, cold (empty cache) and warm (a reload), and the time from focusing a
 * mark to a tooltip with figures, answered from the cache; and the scanner: its first scan of a
 * 20,000-node page against a bare TreeWalker pass over the same page, and its cost per mutation batch;
 * the page-level cost: loads of the heavy page with the extension against a browser without it,
 * alternating, with the long tasks and the memory each adds; the size of every bundle; and what
 * the minute's alarm costs each chain with tokens watched and no page open, and with nothing watched.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumArgs, findChromium, launchWithExtension } from '../tests/e2e/harness/browser';
import { startStack, type Stack } from '../tests/e2e/stack';
import type { RpcProxy } from '../tests/chain/rpc-proxy';
import { tabIdFor } from '../tests/e2e/tabs';
import { heavyPage } from './heavy-page';

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

interface FocusSample {
  /** From the focus to the tooltip with figures in the page's DOM, ms. */
  ms: number;
  /** Whether it was there when the first frame after the focus began (so that frame paints it). */
  firstFrame: boolean;
}

/** Which samples (1-based) the first frame did not paint; the first focus on a page also loads the tooltip's code. */
const missed = (samples: FocusSample[]) => {
  const which = samples.flatMap((x, i) => (x.firstFrame ? [] : [`#${i + 1}`]));
  return which.length ? ` (missed: ${which.join(', ')})` : '';
};

/**
 * Focus → tooltip showing read figures, over the marks of every token, timed inside the page: a
 * MutationObserver catches the moment it is in the DOM, and a frame callback tells whether the
 * first frame after the focus paints it.
 */
async function focusLatencies(page: Page, samples: number): Promise<FocusSample[]> {
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate(async (n) => {
    const marks = [...document.querySelectorAll<HTMLElement>('a [data-stakelens]')];
    const results: { ms: number; firstFrame: boolean }[] = [];
    for (let i = 0; i < n; i++) {
      const mark = marks[i % marks.length]!;
      const link = mark.closest('a')!;
      const symbol = mark.getAttribute('data-stakelens');
      const shown = () => {
        const peg = document.querySelector('stakelens-ui')?.shadowRoot?.querySelector(`[data-stakelens-tooltip="${symbol}"] [data-section="peg"]`);
        return peg !== null && peg !== undefined && peg.getAttribute('data-age-s') !== '';
      };
      const start = performance.now();
      let ms = -1;
      const observer = new MutationObserver(() => {
        if (ms < 0 && shown()) ms = performance.now() - start;
      });
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
      const root = document.querySelector('stakelens-ui')?.shadowRoot;
      if (root) observer.observe(root, { subtree: true, childList: true, attributes: true });
      link.focus();
      if (shown()) ms = performance.now() - start;
      const firstFrame = await new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(ms >= 0 || shown())));
      while (ms < 0) {
        await new Promise((r) => requestAnimationFrame(r));
        if (ms < 0 && shown()) ms = performance.now() - start;
      }
      observer.disconnect();
      results.push({ ms, firstFrame });
      link.blur();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await new Promise((r) => setTimeout(r, 50));
    }
    return results;
  }, samples);
}

/** The heavy page, served by the fixture server under app.aave.com, so the real content script runs on it. */
const HEAVY_PAGE = 'https://app.aave.com/bench-heavy';

async function openHeavy(page: Page): Promise<void> {
  await page.goto(HEAVY_PAGE, { waitUntil: 'load' });
}

interface ScanSample {
  ms: number;
  /** The report that follows it: the marks summed up, one message to the background. */
  reportMs: number;
  passes: number;
  longest: number;
  marks: number;
}

/** The first scan of a fresh load: the sum of its passes (bench builds time each one), and the report that follows them. */
async function firstScanOnce(context: BrowserContext): Promise<ScanSample> {
  const page = await context.newPage();
  await openHeavy(page);
  await page.waitForFunction(() => performance.getEntriesByName('stakelens:scan-report').length > 0, null, { timeout: 30_000 });
  const passes = await page.evaluate(() => performance.getEntriesByName('stakelens:scan-pass').map((e) => e.duration));
  const marks = await page.evaluate(() => document.querySelectorAll('[data-stakelens]').length);
  const reportMs = await page.evaluate(() => performance.getEntriesByName('stakelens:scan-report')[0]?.duration ?? NaN);
  await page.close();
  return { ms: passes.reduce((a, b) => a + b, 0), reportMs, passes: passes.length, longest: Math.max(...passes), marks };
}

/** One bare TreeWalker pass over every text node, reading each one's text: the least any scan of the page does. */
const BARE_WALK = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) chars += t.data.length;
  return performance.now() - t0 + (chars < 0 ? 1 : 0);
})()`;

/**
 * The baseline, in the browser without the extension: the bare walk, run at the moment the scanner
 * starts (the frame after the load event) by a script that, like the scanner, is the first to touch
 * those nodes. `isolated`: from an isolated world, as a content script runs (each world keeps its
 * own wrapper for every node it touches, which costs more than the page's own world); else from the
 * page's own world. Timed in the page and left as a user-timing mark both worlds can read.
 */
async function bareWalkOnce(context: BrowserContext, isolated: boolean): Promise<{ ms: number; nodes: number }> {
  const page = await context.newPage();
  const source = `addEventListener('load', () => requestAnimationFrame(() => performance.mark('bench:bare-walk', { detail: ${BARE_WALK} })));`;
  if (isolated) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source, worldName: 'stakelens-bench-bare' });
  } else await page.addInitScript(source);
  await openHeavy(page);
  await page.waitForFunction(() => performance.getEntriesByName('bench:bare-walk').length > 0);
  const ms = await page.evaluate(() => (performance.getEntriesByName('bench:bare-walk')[0] as PerformanceMark).detail as number);
  const nodes = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
    let n = 0;
    while (walker.nextNode()) n++;
    return n;
  });
  await page.close();
  return { ms, nodes };
}

/** The first scan against the bare walk, in fresh loads of the heavy page, alternating between the browsers. */
async function scanRows(withExtension: BrowserContext, plain: BrowserContext): Promise<[string, string][]> {
  const RUNS = 9;
  await firstScanOnce(withExtension);
  await bareWalkOnce(plain, true);
  const scans: ScanSample[] = [];
  const isolated: number[] = [];
  const pageWorld: number[] = [];
  let nodes = 0;
  for (let i = 0; i < RUNS; i++) {
    const bare = await bareWalkOnce(plain, true);
    isolated.push(bare.ms);
    nodes = bare.nodes;
    scans.push(await firstScanOnce(withExtension));
    pageWorld.push((await bareWalkOnce(plain, false)).ms);
  }
  const scan = median(scans.map((x) => x.ms));
  const spread = (values: number[]) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;
  const against = (values: number[]) => `${median(values).toFixed(1)} ms (${spread(values)}): scan / bare = ${(scan / median(values)).toFixed(2)}×`;
  return [
    [`First scan of a ${nodes.toLocaleString('en-US')}-node page (${scans[0]!.marks} marks), median of ${RUNS} fresh loads: main-thread time`, `${scan.toFixed(1)} ms (${spread(scans.map((x) => x.ms))}) in ${median(scans.map((x) => x.passes))} passes, longest ${median(scans.map((x) => x.longest)).toFixed(1)} ms`],
    [`Bare TreeWalker pass, same page, same moment, from an isolated world like a content script (median of ${RUNS})`, against(isolated)],
    [`The same bare pass from the page's own world (median of ${RUNS})`, against(pageWorld)],
    [`The report after the first scan (${scans[0]!.marks} marks summed up, one message to the background), median`, `${median(scans.map((x) => x.reportMs)).toFixed(1)} ms`],
  ];
}

/** Live numbers on the heavy page: what each mutation batch costs the scanner once the first scan is done. */
async function batchRows(context: BrowserContext): Promise<[string, string][]> {
  const page = await context.newPage();
  await openHeavy(page);
  await page.waitForFunction(() => performance.getEntriesByName('stakelens:scan-pass').some((e) => (e as PerformanceMeasure).detail?.drained), null, { timeout: 30_000 });
  await page.evaluate(() => performance.clearMeasures('stakelens:scan-pass'));
  // Live numbers: 100 cells change and 10 rows re-render every 50 ms, for 2 s.
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
  return [['Per mutation batch (100 numbers change, 10 rows re-render)', `${perBatch.toFixed(2)} ms`]];
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
  // What every supported page loads first: the injected script, then the page part it loads after the load event.
  const role = (name: string) => (name.startsWith('content-scripts/') ? 2 : name === 'page-scan.js' ? 1 : 0);
  const ROLES = ['', ' (loaded by it once the page has loaded)', ' (injected into every supported page)'];
  sized.sort((a, b) => role(b.name) - role(a.name) || b.gz - a.gz);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const everyPage = sized.filter(({ name }) => role(name) > 0).reduce((sum, { gz }) => sum + gz, 0);
  return [
    ...sized.map(({ name, raw, gz }): [string, string] => [`Bundle ${name}${ROLES[role(name)]}`, `${kb(gz)} gzipped (${kb(raw)} raw)`]),
    ['Every supported page before any hover: both of the above', `${kb(everyPage)} gzipped`],
  ];
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
  await openHeavy(page);
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
async function loadRows(withExtension: BrowserContext, plain: BrowserContext): Promise<[string, string][]> {
  const RUNS = 11;
  await loadOnce(plain);
  await loadOnce(withExtension);
  const a: LoadSample[] = [];
  const b: LoadSample[] = [];
  for (let i = 0; i < RUNS; i++) {
    b.push(await loadOnce(plain));
    a.push(await loadOnce(withExtension));
  }
  const of = (samples: LoadSample[], key: keyof LoadSample) => median(samples.map((x) => x[key]));
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(2)} MB`;
  return [
    [`Heavy page load (median of ${RUNS}, alternating): with / without the extension`, `${of(a, 'loadMs').toFixed(0)} ms / ${of(b, 'loadMs').toFixed(0)} ms = ${(of(a, 'loadMs') / of(b, 'loadMs')).toFixed(3)} (loads ranged ${Math.min(...a.map((x) => x.loadMs), ...b.map((x) => x.loadMs)).toFixed(0)}–${Math.max(...a.map((x) => x.loadMs), ...b.map((x) => x.loadMs)).toFixed(0)} ms)`],
    ['Long tasks in the 3 s after load: with / without', `${of(a, 'longTasks')} (${of(a, 'longTaskMs').toFixed(0)} ms) / ${of(b, 'longTasks')} (${of(b, 'longTaskMs').toFixed(0)} ms)`],
    ['Page JS heap after GC: with / without (the content script’s share)', `${mb(of(a, 'heapBytes'))} / ${mb(of(b, 'heapBytes'))} (+${mb(of(a, 'heapBytes') - of(b, 'heapBytes'))})`],
  ];
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; args?: { data?: { url?: string; type?: string } } };

/**
 * What the extension runs on the page's main thread before the page's load event, from traces of
 * loads: the cause of any load delay it adds. (Neither wall-clock nor CPU time of whole loads
 * settles a few percent here: the same page's layout alone takes 96–159 ms of CPU from load to load.)
 */
async function beforeLoadRows(context: BrowserContext): Promise<[string, string][]> {
  const RUNS = 5;
  const samples: { scriptMs: number; loadMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
    await openHeavy(page);
    await page.waitForTimeout(300);
    await cdp.send('Tracing.end');
    await complete;
    const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    await page.close();
    const loadEvent = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'load');
    if (!loadEvent) throw new Error('the trace holds no load event: is the devtools.timeline category still named so?');
    const scripts = events.filter((e) => e.ph === 'X' && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && e.args?.data?.url?.startsWith('chrome-extension://'));
    if (!scripts.length) throw new Error('the trace holds no script of the extension');
    const before = scripts.filter((e) => e.pid === loadEvent.pid && e.ts + (e.dur ?? 0) <= loadEvent.ts);
    samples.push({ scriptMs: before.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000, loadMs });
  }
  const script = median(samples.map((x) => x.scriptMs));
  const load = median(samples.map((x) => x.loadMs));
  return [[`Extension script on the page's main thread before its load event (traced, median of ${RUNS})`, `${script.toFixed(1)} ms, ${((100 * script) / load).toFixed(1)}% of a ${load.toFixed(0)} ms load`]];
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
  const [{ ms }] = (await focusLatencies(page, 1)) as [FocusSample];
  await quiet(methods);
  const made = [...methods];
  await page.close();
  return [['Focus → tooltip with figures, cold (new page, figures cache emptied)', `${ms.toFixed(0)} ms; RPC requests for the page: ${made.length} (${count(made)})`]];
}

/** The five tokens the alarm bench watches: three on Ethereum, two bridged (their value is read on Ethereum too). */
const WATCHED = [
  { symbol: 'wstETH', chainId: 1 },
  { symbol: 'weETH', chainId: 1 },
  { symbol: 'rsETH', chainId: 1 },
  { symbol: 'rsETH', chainId: 42161 },
  { symbol: 'weETH', chainId: 8453 },
];
const ALARM_TICKS = 5;

/**
 * The minute's alarm, run now: the cached figures are first made a minute older (their read time
 * and their allocations' both), as a minute would age them, then the refresh alarm the background
 * keeps is fired. Waits until no chain is asked anything.
 */
async function alarmTick(context: BrowserContext, proxies: RpcProxy[]): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async () => {
    type Entry = { figures: { readAt: number; restaking?: { allocationsReadAt: number | null } | null } | null };
    const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> } }; alarms: { create(n: string, i: { when: number; periodInMinutes: number }): Promise<void> } } };
    const session = await chrome.storage.session.get(null);
    const aged: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(session)) {
      const entry = value as Entry;
      if (!key.startsWith('figures:') || !entry?.figures) continue;
      const restaking = entry.figures.restaking;
      const allocationsReadAt = restaking?.allocationsReadAt == null ? null : restaking.allocationsReadAt - 60_000;
      aged[key] = { ...entry, figures: { ...entry.figures, readAt: entry.figures.readAt - 60_000, restaking: restaking ? { ...restaking, allocationsReadAt } : restaking } };
    }
    await chrome.storage.session.set(aged);
    await chrome.alarms.create('stakelens:refresh', { when: Date.now(), periodInMinutes: 1 });
  });
  const all = () => proxies.reduce((n, p) => n + p.methods.length, 0);
  const start = Date.now();
  let seen = -1;
  let since = Date.now();
  while (Date.now() - start < 30_000) {
    await new Promise((r) => setTimeout(r, 100));
    if (all() !== seen) [seen, since] = [all(), Date.now()];
    else if (Date.now() - since >= 1_500) return;
  }
}

async function alarmRows(stack: Stack, benchContext: BrowserContext): Promise<[string, string][]> {
  // The bench's own browser keeps its minute's alarm too: with its pages closed it reads nothing,
  // so what the proxies count is the alarm browser's alone.
  for (const page of benchContext.pages()) await page.close();
  const profile = await mkdtemp(join(os.tmpdir(), 'stakelens-bench-alarm-'));
  const browser = await launchWithExtension({ extensionPath: stack.extensionPath, serverPort: stack.server.port, userDataDir: profile });
  const chains: [string, RpcProxy][] = [['1', stack.proxy], ...Object.entries(stack.l2Proxies)];
  const reset = () => chains.forEach(([, p]) => (p.methods.length = 0));
  const calls = () => chains.map(([id, p]) => [id, p.methods.filter((m) => m === 'eth_call').length] as const);
  try {
    const proxies = chains.map(([, p]) => p);
    await new Promise((r) => setTimeout(r, 2_000));
    reset();
    for (let i = 0; i < ALARM_TICKS; i++) await alarmTick(browser.context, proxies);
    const idle = calls().reduce((n, [, c]) => n + c, 0);

    const worker = browser.context.serviceWorkers()[0]!;
    await worker.evaluate((list) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ watchlist: list }), WATCHED);
    await alarmTick(browser.context, proxies); // the first pass also warms what the later ones only peek
    reset();
    for (let i = 0; i < ALARM_TICKS; i++) await alarmTick(browser.context, proxies);
    const perMinute = calls().map(([id, c]) => `chain ${id}: ${(c / ALARM_TICKS).toFixed(1)}`);
    const perHour = calls().reduce((n, [, c]) => n + (c / ALARM_TICKS) * 60, 0);
    const worst = Math.max(...calls().map(([, c]) => c / ALARM_TICKS));
    return [
      [`Alarm, nothing watched and no page open (${ALARM_TICKS} minutes): eth_call`, String(idle)],
      [`Alarm, ${WATCHED.length} tokens watched, no page open: eth_call per minute by chain`, `${perMinute.join(', ')} (most on one chain: ${worst.toFixed(1)}; goal ≤ 1)`],
      [`Alarm, ${WATCHED.length} tokens watched: eth_call per hour, all chains`, perHour.toFixed(0)],
    ];
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  }
}

const BOARD_SAMPLES = 7;

/**
 * The board's first figures on the screen: the page's own clock at the first animation frame in
 * which a row shows a peg (waitForFunction polls once per frame), from the start of navigation.
 */
async function boardFirstFigures(page: Page, url: string): Promise<number> {
  return (await boardTimings(page, url)).first;
}

/** The board's first figures, and where the time went: its scripts evaluated, the cache's answer in (user-timing marks). */
async function boardTimings(page: Page, url: string): Promise<{ first: number; scripts: number | null; answer: number | null }> {
  await page.goto(url);
  const handle = await page.waitForFunction(() => (document.querySelector('[data-board-row][data-peg-bps]:not([data-peg-bps=""])') ? performance.now() : 0), undefined, { timeout: 60_000 });
  const first = (await handle.jsonValue()) as number;
  const mark = (name: string) => page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? null, name);
  return { first, scripts: await mark('stakelens:board-scripts'), answer: await mark('stakelens:board-cache-answer') };
}

/** Drops every cached figure and yield in the extension (cold), as a new browser session would have none. */
async function dropCaches(context: BrowserContext): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { session: { clear(): Promise<void> }; local: { get(k: null): Promise<Record<string, unknown>>; remove(k: string[]): Promise<void> } } } };
    await chrome.storage.session.clear();
    const local = await chrome.storage.local.get(null);
    await chrome.storage.local.remove(Object.keys(local).filter((k) => k.startsWith('yield:') || k.startsWith('history:')));
  });
}

/** A message round trip from an extension page, as the messaging library sends one; `getTabSummary` of no tab reads one storage key. */
async function messageRoundTrip(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    const start = performance.now();
    await chrome.runtime.sendMessage({ id: 1, type: 'getTabSummary', data: { tabId: 2_147_483_647 }, timestamp: Date.now() });
    return performance.now() - start;
  });
}

/**
 * The board and the popup, warm (from the cache) and cold; what the board's cold load asks each chain;
 * and how fast a stopped service worker answers its first message against a running one.
 */
async function boardRows(stack: Stack, browser: Awaited<ReturnType<typeof launchWithExtension>>): Promise<[string, string][]> {
  const { context, extensionId } = browser;
  const board = `chrome-extension://${extensionId}/board.html`;
  const chains: [string, RpcProxy][] = [['1', stack.proxy], ...Object.entries(stack.l2Proxies)];
  const reset = () => chains.forEach(([, p]) => (p.methods.length = 0));
  const rows: [string, string][] = [];
  const page = await context.newPage();

  // Cold: nothing cached; every token on four chains.
  await dropCaches(context);
  reset();
  const coldFirst = await boardFirstFigures(page, board);
  await page.locator('[data-testid="board"][aria-busy="false"]').waitFor({ timeout: 120_000 });
  await Promise.all(chains.map(([, p]) => quiet(p.methods)));
  const rowCount = await page.locator('[data-board-row]').count();
  const perChain = chains.map(([id, p]) => `chain ${id}: ${p.methods.filter((m) => m === 'eth_call').length} eth_call, ${p.methods.filter((m) => m === 'eth_call (past block)').length} at past blocks, ${p.methods.filter((m) => m === 'eth_getBlockByNumber').length} headers`);
  rows.push([`Board, cold (empty cache, ${rowCount} rows on 4 chains): first figures on screen`, `${coldFirst.toFixed(0)} ms after navigation`]);
  rows.push(['Board, cold: what each chain is asked (live figures; realized yield and history at past blocks)', perChain.join('; ')]);

  // Warm: the figures are in the cache; the first paint comes from it.
  const samples: { first: number; scripts: number | null; answer: number | null }[] = [];
  for (let i = 0; i < BOARD_SAMPLES; i++) samples.push(await boardTimings(page, board));
  const warm = samples.map((x) => x.first);
  const part = (pick: (x: (typeof samples)[number]) => number | null) => median(samples.map(pick).filter((x): x is number => x !== null)).toFixed(0);
  rows.push([
    `Board, warm (from the cache, median of ${BOARD_SAMPLES}): first figures on screen`,
    `${median(warm).toFixed(1)} ms after navigation [${Math.min(...warm).toFixed(1)}–${Math.max(...warm).toFixed(1)}]; scripts evaluated at ${part((x) => x.scripts)} ms, the cache's answer (via the background) in at ${part((x) => x.answer)} ms (goal ≤ 100 ms)`,
  ]);

  // The popup, warm, for a tab showing tokens.
  const app = await context.newPage();
  await app.goto(PAGE);
  await app.locator('[data-stakelens="pufETH"]').first().waitFor();
  await quiet(stack.proxy.methods);
  const tabId = await tabIdFor(context, new URL(PAGE).host);
  const popup: number[] = [];
  for (let i = 0; i < BOARD_SAMPLES; i++) {
    await page.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    const handle = await page.waitForFunction(() => (document.querySelector('[data-symbol] [data-peg-bps]:not([data-peg-bps=""])') ? performance.now() : 0), undefined, { timeout: 30_000 });
    popup.push((await handle.jsonValue()) as number);
  }
  rows.push([`Popup, warm (median of ${BOARD_SAMPLES}): first figures on screen`, `${median(popup).toFixed(1)} ms after navigation [${Math.min(...popup).toFixed(1)}–${Math.max(...popup).toFixed(1)}] (goal ≤ 100 ms)`]);
  await app.close();

  // A stopped service worker woken by a message, against one already running, side by side.
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const woken: number[] = [];
  const running: number[] = [];
  for (let i = 0; i < BOARD_SAMPLES; i++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 500));
    woken.push(await messageRoundTrip(page));
    running.push(await messageRoundTrip(page));
  }
  rows.push([`Service worker woken by a message (median of ${BOARD_SAMPLES}): first reply / a running worker's`, `${median(woken).toFixed(1)} / ${median(running).toFixed(1)} ms = ${(median(woken) / median(running)).toFixed(1)}× (goal: the woken one ≤ 50 ms)`]);
  await page.close();
  return rows;
}

function printRows(rows: [string, string][]) {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nStakelens bench — ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`${'figure'.padEnd(width)} | value`);
  console.log(`${'-'.repeat(width)}-|-${'-'.repeat(40)}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)} | ${v}`);
}

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

async function main() {
  const stack = await startStack('bench', { STAKELENS_BENCH: '1' });
  stack.server.servePage(new URL(HEAVY_PAGE).host, new URL(HEAVY_PAGE).pathname, heavyPage());
  const browser = await launchWithExtension({ extensionPath: stack.extensionPath, serverPort: stack.server.port });
  try {
    const { proxy } = stack;
    const rows: [string, string][] = [];
    // `npm run bench -- alarms`: only the alarm rows (a minute's read costs nothing to wait for).
    if (process.argv.includes('alarms')) return printRows(await alarmRows(stack, browser.context));
    // `npm run bench -- board`: only the board, popup and service-worker rows.
    if (process.argv.includes('board')) return printRows(await boardRows(stack, browser));

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
    const warm = await focusLatencies(page, HOVER_SAMPLES);
    const latencies = warm.map((x) => x.ms);
    rows.push([`Focus → tooltip with figures in the page, warm (${HOVER_SAMPLES} samples)`, `median ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms; painted by the first frame after the focus: ${warm.filter((x) => x.firstFrame).length} of ${HOVER_SAMPLES}${missed(warm)}`]);
    rows.push(['RPC requests during those tooltips', String(proxy.methods.length)]);

    rows.push(...(await coldHover(browser.context, proxy.methods)));
    const plain = await launchPlain(stack.server.port);
    try {
      rows.push(...(await scanRows(browser.context, plain.context)));
      rows.push(...(await batchRows(browser.context)));
      rows.push(...(await loadRows(browser.context, plain.context)));
      rows.push(...(await beforeLoadRows(browser.context)));
    } finally {
      await plain.close();
    }
    rows.push(...(await bundleRows(stack.extensionPath)));
    rows.push(...(await boardRows(stack, browser)));
    rows.push(...(await alarmRows(stack, browser.context)));

    printRows(rows);
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
