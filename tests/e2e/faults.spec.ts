import type { BrowserContext, Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { expectedWstethPeg } from '../chain/expected';
import { DEFAULT_MAINNET_VALUES } from '../chain/mainnet';
import type { RpcProxy } from '../chain/rpc-proxy';
import { record } from './fault-tally';
import { expect, hoverToken, test, tooltip } from './fixtures';

/*
 * The fault suite: dead and lying RPCs, a service worker killed mid-refresh, the extension
 * updated under an open page, a browser restart, and hostile pages. Every case checks the three
 * promises (the page keeps working, no error reaches it, no wrong figure is shown) and the suite
 * ends with one line of figures: cases tried, page errors, wrong figures shown.
 */

const AAVE_MARKETS = 'https://app.aave.com/markets/?marketName=proto_mainnet_v3';
const WSTETH_PEG = expectedWstethPeg(DEFAULT_MAINNET_VALUES);

// Every case, page error and wrong figure goes to the tally (fault-tally.ts) the run prints at its end.

type OpenApp = (url: string) => Promise<Page>;

// openApp's guard fails a test whose page threw; the tally counts those errors too.
test.afterEach(({ pageErrors }) => {
  for (const error of pageErrors) record('page-error', error);
});

/**
 * The wstETH peg the tooltip shows, judged: the fresh value, the previous one marked stale, or
 * unavailable with a reason are right; any other number is a wrong figure.
 */
async function judgePeg(page: Page, name: string, fresh: number | null) {
  const tip = tooltip(page, 'wstETH');
  const peg = tip.locator('[data-section="peg"]');
  const shown = await peg.getAttribute('data-peg-bps');
  const stale = (await peg.textContent())?.includes('stale') ?? false;
  const ok = shown === '' ? (await peg.textContent())!.length > 0 : Number(shown) === fresh || (stale && Number(shown) === WSTETH_PEG);
  if (!ok) record('wrong-figure', `${name}: showed ${shown} (fresh ${fresh}, stale ${stale})`);
  expect(ok, `${name}: peg ${shown}`).toBe(true);
}

function setFixturePaused(page: Page, paused: boolean) {
  return page.evaluate((p) => ((window as unknown as { __fixture: { paused: boolean } }).__fixture.paused = p), paused);
}

async function fixtureKeepsRunning(page: Page) {
  const before = await page.evaluate(() => (window as unknown as { __fixture: { rerenders: number } }).__fixture.rerenders);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __fixture: { rerenders: number } }).__fixture.rerenders), { timeout: 10_000 }).toBeGreaterThan(before);
}

test.describe('RPC faults on a warm page: the figure read before, marked stale with its age, or unavailable with the reason', () => {
  const faults: [string, RpcProxy['mode']][] = [
    ['RPC down', 'down'],
    ['RPC 10 s slow', 'slow'],
    ['RPC HTTP 429', 'http429'],
    ['RPC malformed JSON', 'garbage'],
    ['RPC reverting every call', 'revert'],
  ];
  for (const [name, mode] of faults) {
    test(name, async ({ stack, openApp }) => {
      record('case', name);
      const page = await openApp(AAVE_MARKETS);
      const tip = await hoverToken(page, 'wstETH');
      await expect(tip.locator('[data-section="peg"]')).toHaveAttribute('data-peg-bps', String(WSTETH_PEG));
      // The rows hold still while the refresh is out (a re-rendered row would reopen the tooltip
      // from the cache, without the failed refresh); they run again afterwards.
      await setFixturePaused(page, true);
      stack.proxy.mode = mode;
      await tip.getByRole('button', { name: 'Refresh' }).click();
      await expect(tip.getByTestId('tooltip-problem')).toBeVisible({ timeout: 20_000 });
      await expect(tip.getByTestId('tooltip-problem')).toContainText('chain 1');
      await judgePeg(page, name, WSTETH_PEG);
      await setFixturePaused(page, false);
      await fixtureKeepsRunning(page);
    });
  }

  test('RPC serving another chain from the start', async ({ stack, openApp }) => {
    const name = 'RPC answering for the wrong chain id';
    record('case', name);
    stack.proxy.mode = 'wrong-chain';
    const page = await openApp(AAVE_MARKETS);
    const mark = page.locator('[data-stakelens="wstETH"]').first();
    await mark.hover();
    const tip = tooltip(page, 'wstETH');
    await expect(tip.getByTestId('tooltip-problem')).toContainText('serves chain 10, not 1', { timeout: 20_000 });
    await judgePeg(page, name, null);
  });

  test('an answer that fails the sanity bounds', async ({ stack, openApp }) => {
    const name = 'a redemption rate past its bounds (wstETH at 3.6 ETH)';
    record('case', name);
    const page = await openApp(AAVE_MARKETS);
    const tip = await hoverToken(page, 'wstETH');
    await stack.chain.setWstethRate(3_600_000_000_000_000_000n);
    try {
      await tip.getByRole('button', { name: 'Refresh' }).click();
      await expect(tip.locator('[data-section="peg"]')).toHaveAttribute('data-peg-bps', '', { timeout: 20_000 });
      await expect(tip.locator('[data-section="peg"]')).toContainText('outside the plausible');
      await judgePeg(page, name, null);
    } finally {
      await stack.chain.setWstethRate(DEFAULT_MAINNET_VALUES.wstethStEthPerToken);
    }
  });
});

test.describe('the extension itself interrupted', () => {
  test('service worker killed mid-refresh', async ({ browserWithExtension, stack, openApp }) => {
    const name = 'service worker killed mid-refresh';
    record('case', name);
    const { context } = browserWithExtension;
    const page = await openApp(AAVE_MARKETS);
    const tip = await hoverToken(page, 'wstETH');
    stack.proxy.mode = 'slow';
    stack.proxy.slowMs = 3_000;
    await tip.getByRole('button', { name: 'Refresh' }).click();
    // Stop the worker while its read is in flight.
    const cdp = await context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browserWithExtension.extensionId}/`));
    expect(worker, 'the extension’s service worker').toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
    stack.proxy.mode = 'forward';
    // A new worker answers the next hover, from its cache in storage or a fresh read.
    await page.mouse.move(0, 0);
    await expect(tip).toBeHidden();
    const again = await hoverToken(page, 'wstETH');
    await expect(again.locator('[data-section="peg"]')).toHaveAttribute('data-peg-bps', String(WSTETH_PEG), { timeout: 20_000 });
    await judgePeg(page, name, WSTETH_PEG);
    await fixtureKeepsRunning(page);
  });

  test('extension updated under an open page: the page goes on, settings and the kept cache survive, new pages get the new version', async ({ browserWithExtension, stack, openApp }) => {
    const name = 'extension updated under an open page';
    record('case', name);
    const { context, extensionId } = browserWithExtension;
    const page = await openApp(AAVE_MARKETS);
    const tip = await hoverToken(page, 'wstETH');
    await expect(tip.locator('[data-section="yield"]')).toContainText('30 d');
    // The page's peg history is read (one pass for the chain) and kept before the update.
    await expect(tip.locator('[data-sparkline]')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
    // A setting the user changed, and the stored settings and kept cache as they stand.
    const localStorage = () => worker(context, extensionId).evaluate(() => (globalThis as unknown as WorkerApi).chrome.storage.local.get(null));
    await worker(context, extensionId).evaluate(() =>
      (globalThis as unknown as WorkerApi).chrome.storage.local.set({ preferences: { units: 'percent', thresholds: { pegMediumBps: 100, pegHighBps: 500, sellMediumBps: 100, sellHighBps: 500 } } }),
    );
    const before = await localStorage();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['preferences']));

    // The update: a new version on disk, then the reload chrome://extensions does.
    const manifestFile = join(stack.extensionPath, 'manifest.json');
    const manifest = await readFile(manifestFile, 'utf8');
    const version = `${(JSON.parse(manifest) as { version: string }).version}.1`;
    try {
      await writeFile(manifestFile, manifest.replace(/"version":"[\d.]+"/, `"version":"${version}"`));
      await reloadExtension(context, extensionId);
    } finally {
      await writeFile(manifestFile, manifest);
    }
    expect(await worker(context, extensionId).evaluate(() => (globalThis as unknown as WorkerApi).chrome.runtime.getManifest().version)).toBe(version);

    // The open page: its old script cut off; hovering, focusing and a re-rendering app throw nothing.
    await page.mouse.move(0, 0);
    await page.locator('[data-stakelens="wstETH"]').first().hover();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await fixtureKeepsRunning(page);

    // Settings and the kept (local) cache are as they were; the browser empties session storage on
    // an update, so live figures are read again, realized yield is not.
    expect(await localStorage()).toEqual(before);
    stack.proxy.methods.length = 0;
    const fresh = await openApp(AAVE_MARKETS);
    const again = await hoverToken(fresh, 'wstETH');
    await expect(again.locator('[data-section="yield"]')).toContainText('30 d');
    await expect(again.locator('[data-section="peg"]')).toContainText('%');
    await judgePeg(fresh, name, WSTETH_PEG);
    expect(stack.proxy.methods.filter((m) => m === 'eth_call (past block)')).toEqual([]);
    expect(stack.proxy.methods, 'live figures read again: the update emptied session storage').toContain('eth_call');
  });

  test('browser restarted: realized yield answers from the kept cache, with no reads at past blocks', async ({ browserWithExtension, stack, openApp }) => {
    const name = 'browser restarted';
    record('case', name);
    let page = await openApp(AAVE_MARKETS);
    await hoverToken(page, 'wstETH');
    await expect(tooltip(page, 'wstETH').locator('[data-section="yield"]')).toContainText('30 d');
    // The peg history too is kept: read whole before the restart, it answers from storage after it.
    await expect(tooltip(page, 'wstETH').locator('[data-sparkline]')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
    await browserWithExtension.relaunch();
    stack.proxy.methods.length = 0;
    page = await openApp(AAVE_MARKETS);
    const tip = await hoverToken(page, 'wstETH');
    await expect(tip.locator('[data-section="yield"]')).toContainText('30 d');
    await judgePeg(page, name, WSTETH_PEG);
    expect(stack.proxy.methods.filter((m) => m === 'eth_call (past block)')).toEqual([]);
  });
});

/** The parts of the extension APIs these cases call inside the service worker and chrome://extensions. */
type WorkerApi = { chrome: { storage: { local: { get(keys: null): Promise<object>; set(items: object): Promise<void> } }; runtime: { getManifest(): { version: string } } } };
type ExtensionsPageApi = {
  chrome: { developerPrivate: { reload(id: string, options: object): void; updateProfileConfiguration(update: { inDeveloperMode: boolean }, done: () => void): void } };
};

/** The extension's service worker, the newest if a reload left the old one listed. */
function worker(context: BrowserContext, extensionId: string) {
  const found = context.serviceWorkers().findLast((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  if (!found) throw new Error('the extension has no service worker');
  return found;
}

/**
 * Reloads the extension the way the Reload button of chrome://extensions does, through that page's
 * own API, with developer mode on as it is for anyone who loads an unpacked extension (else Chrome
 * disables it on reload), and waits for the new version's service worker.
 */
async function reloadExtension(context: BrowserContext, extensionId: string): Promise<void> {
  const extensionsPage = await context.newPage();
  await extensionsPage.goto('chrome://extensions/');
  await extensionsPage.evaluate(
    () => new Promise<void>((done) => (globalThis as unknown as ExtensionsPageApi).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, done)),
  );
  const old = worker(context, extensionId);
  // The extensions page may not see its call answered: the extension goes away inside it.
  void extensionsPage.evaluate((id) => (globalThis as unknown as ExtensionsPageApi).chrome.developerPrivate.reload(id, { failQuietly: true }), extensionId).catch(() => {});
  await expect.poll(() => context.serviceWorkers().some((w) => w !== old && w.url().includes(extensionId)), { timeout: 15_000 }).toBe(true);
  await extensionsPage.close();
}

/** A page under app.aave.com (the content script runs there), its body given here. */
async function hostilePage(context: BrowserContext, openApp: OpenApp, body: string): Promise<Page> {
  await context.route('https://app.aave.com/hostile', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><html><head><title>hostile</title></head><body>${body}</body></html>` }),
  );
  return openApp('https://app.aave.com/hostile');
}

/** A clock of the time the page's main thread spent running script (its own and the content script's), in ms. */
async function pageScriptTime(context: BrowserContext, page: Page): Promise<() => Promise<number>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
}

/** The longest gap between animation frames over `ms`: how long the page stopped answering. */
function longestFrameGap(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (duration) =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        let worst = 0;
        const end = last + duration;
        const tick = (now: number) => {
          worst = Math.max(worst, now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(worst);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

test.describe('hostile pages', () => {
  test('token-like text carrying HTML and script is shown as text, never run', async ({ browserWithExtension, openApp }) => {
    const name = 'token-like text carrying HTML and script';
    record('case', name);
    const payload = 'w&#x435;ETH&lt;img src=x onerror="window.__pwned=1"&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;';
    const page = await hostilePage(browserWithExtension.context, openApp,
      `<p id="evil">${payload}</p><img id="icon" alt="wstETH&quot;&gt;&lt;img src=x onerror=window.__pwned=3&gt;" src="data:,"><p>wstETH</p>`,
    );
    const evil = page.locator('#evil');
    await expect(evil).toHaveAttribute('data-stakelens-match', 'mismatch');
    await evil.hover();
    const tip = tooltip(page, 'weETH');
    await expect(tip.getByRole('alert')).toContainText('w\u0435ETH'); // only the word that imitates the symbol
    await expect(page.locator('stakelens-ui img, stakelens-ui script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('a fake token with a real symbol is flagged, and listed apart from the real one', async ({ browserWithExtension, openApp }) => {
    const name = 'a fake token under a real symbol';
    record('case', name);
    const page = await hostilePage(browserWithExtension.context, openApp,
      `<div data-cy="marketListItemListItem_WSTETH"><a href="/reserve-overview/?underlyingAsset=0x1111111111111111111111111111111111111111&marketName=proto_mainnet_v3"><p id="fake">wstETH</p></a></div>
       <div data-cy="marketListItemListItem_WSTETH"><a href="/reserve-overview/?underlyingAsset=0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0&marketName=proto_mainnet_v3"><p id="real">wstETH</p></a></div>`,
    );
    await expect(page.locator('#fake')).toHaveAttribute('data-stakelens-match', 'mismatch');
    await expect(page.locator('#real')).toHaveAttribute('data-stakelens-match', 'address');
    await page.locator('#fake').hover();
    await expect(tooltip(page, 'wstETH').getByRole('alert')).toContainText('an address that is not wstETH');
  });

  test('100,000 token mentions: marks stop at the cap, the page keeps answering', async ({ browserWithExtension, openApp }) => {
    const name = '100,000 token mentions';
    record('case', name);
    const page = await hostilePage(browserWithExtension.context, openApp, '<main id="flood"></main>');
    const gap = longestFrameGap(page, 4_000);
    await page.evaluate(() => {
      const main = document.getElementById('flood')!;
      const html = Array.from({ length: 100_000 }, (_, i) => `<span>${i % 2 ? 'wstETH' : 'weETH'} </span>`).join('');
      main.innerHTML = html;
    });
    const worst = await gap;
    await expect.poll(() => page.locator('[data-stakelens]').count(), { timeout: 20_000 }).toBe(2_000);
    console.log(`  100,000 mentions: longest frame gap ${worst.toFixed(0)} ms (includes the page building its own 100,000 nodes)`);
    // After the flood, the page answers within a frame or two.
    expect(await longestFrameGap(page, 1_000)).toBeLessThan(100);
  });

  test('a page mutating 1,000 times a second stays responsive and its marks follow', async ({ browserWithExtension, openApp }) => {
    const name = 'a page mutating 1,000 times a second';
    record('case', name);
    const page = await hostilePage(browserWithExtension.context, openApp, `<main id="busy">${Array.from({ length: 50 }, (_, i) => `<p class="cell">rETH ${i}</p>`).join('')}</main>`);
    await expect(page.locator('[data-stakelens="rETH"]')).toHaveCount(50);
    await page.evaluate(() => {
      const cells = [...document.querySelectorAll('.cell')];
      let n = 0;
      // 10 text changes every 10 ms: 1,000 mutations a second.
      (window as unknown as { __busy: number }).__busy = window.setInterval(() => {
        for (let k = 0; k < 10; k++) cells[(n + k) % cells.length]!.textContent = `${n % 3 ? 'rETH' : 'USDC'} ${n}`;
        n += 10;
      }, 10);
    });
    const worst = await longestFrameGap(page, 3_000);
    console.log(`  1,000 mutations/s: longest frame gap ${worst.toFixed(0)} ms`);
    expect(worst).toBeLessThan(100);
    await page.evaluate(() => clearInterval((window as unknown as { __busy: number }).__busy));
    // Once it stops, each cell's mark says what the cell says.
    await expect
      .poll(() => page.$$eval('.cell', (cells) => cells.every((c) => (c.textContent!.startsWith('rETH') ? c.getAttribute('data-stakelens') === 'rETH' : !c.hasAttribute('data-stakelens')))))
      .toBe(true);
  });

  test('100,000 mentions and a cell rewritten 1,000 times a second, both cores busy: the page answers within 1 s', async ({ browserWithExtension, openApp }) => {
    const name = '100,000 mentions, a cell rewritten 1,000 times a second, both cores busy';
    record('case', name);
    // The page's own script answers a click on #ping by writing text; it keeps, per click, when the
    // input was made (event.timeStamp), when its handler ran, and the frame that showed the answer.
    const page = await hostilePage(browserWithExtension.context, openApp,
      `<button id="ping" type="button" style="position:fixed;top:0;left:0;width:120px;height:40px;z-index:1">ping</button><output id="pong"></output>
       <p id="cell">rETH 0</p><main id="flood"></main>
       <script>
         window.__answers = [];
         document.getElementById('ping').addEventListener('click', (event) => {
           const handled = performance.now();
           document.getElementById('pong').textContent = 'answer ' + (window.__answers.length + 1);
           requestAnimationFrame(() => window.__answers.push({ input: event.timeStamp, handled, shown: performance.now() }));
         });
       </script>`,
    );
    await expect(page.locator('#cell')).toHaveAttribute('data-stakelens', 'rETH');
    const hogs = Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    try {
      await page.evaluate(() => {
        const cell = document.getElementById('cell')!;
        let n = 0;
        // 10 rewrites every 10 ms: the one cell rewritten 1,000 times a second.
        (window as unknown as { __busy: number }).__busy = window.setInterval(() => {
          for (let k = 0; k < 10; k++, n++) cell.textContent = `${n % 3 ? 'rETH' : 'USDC'} ${n}`;
        }, 10);
      });
      /** Clicks #ping every 50 ms for `ms`; returns how many clicks were made. */
      const clickFor = async (ms: number) => {
        let clicks = 0;
        for (const end = Date.now() + ms; Date.now() < end; clicks++) {
          await page.mouse.click(60, 20);
          await new Promise((r) => setTimeout(r, 50));
        }
        return clicks;
      };
      let clicks = await clickFor(1_000);
      // The page builds its own 100,000 nodes in one task and lays them out in the next frame: that
      // is the page's work, not ours, and no click is sampled across it. The scan starts here.
      const built = await page.evaluate(async () => {
        const start = performance.now();
        const html = Array.from({ length: 100_000 }, (_, i) => `<span>${i % 2 ? 'wstETH' : 'weETH'} </span>`).join('');
        document.getElementById('flood')!.innerHTML = html;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - start;
      });
      // The scan of 100,000 mentions is over within seconds: after it, the page's scripts (its own
      // rewrites and our judging of them) take a small share of each second.
      const scriptTime = await pageScriptTime(browserWithExtension.context, page);
      clicks += await clickFor(7_000);
      const before = await scriptTime();
      clicks += await clickFor(3_000);
      const settledMsPerSecond = ((await scriptTime()) - before) / 3;
      const answered = () => page.evaluate(() => (window as unknown as { __answers: { input: number; handled: number; shown: number }[] }).__answers);
      await expect.poll(async () => (await answered()).length, { message: 'every click answered' }).toBe(clicks);
      const answers = await answered();
      const worst = Math.max(...answers.map((a) => a.shown - a.input));
      const worstHandled = Math.max(...answers.map((a) => a.handled - a.input));
      console.log(
        `  100,000 mentions + 1,000 rewrites/s on ${hogs.length} busy cores: worst round trip ${worst.toFixed(0)} ms (handler reached in ${worstHandled.toFixed(0)} ms) over ${answers.length} clicks;` +
          ` the page built its nodes in ${built.toFixed(0)} ms; page scripts ${settledMsPerSecond.toFixed(0)} ms a second after the scan`,
      );
      expect(worst).toBeLessThan(1_000);
      expect(settledMsPerSecond, 'the scan settles instead of working every frame').toBeLessThan(200);
      // Once the rewrites stop, the marks are at the cap: the scan went on under the load.
      await page.evaluate(() => clearInterval((window as unknown as { __busy: number }).__busy));
      await expect.poll(() => page.locator('[data-stakelens]').count(), { timeout: 20_000 }).toBe(2_000);
    } finally {
      for (const hog of hogs) hog.kill('SIGKILL');
    }
  });

  test('a page posting messages at the extension, or forging its events, changes nothing', async ({ browserWithExtension, openApp }) => {
    const name = 'a page posting messages and forging extension events';
    record('case', name);
    const { extensionId } = browserWithExtension;
    const page = await hostilePage(browserWithExtension.context, openApp, '<p id="t">wstETH</p>');
    await expect(page.locator('#t')).toHaveAttribute('data-stakelens', 'wstETH');
    await page.evaluate((id) => {
      for (const message of [
        { type: 'tokensFound', data: { host: 'app.aave.com', tokens: [{ symbol: 'wstETH', chainId: 1, match: 'address', count: 1 }] } },
        { type: 'getFigures', data: { tokens: [{ symbol: 'wstETH', chainId: 1 }], force: true } },
        { type: `${id}:content:wxt:content-script-started`, contentScriptName: 'content', messageId: 'forged' },
        'wxt:content-script-started',
      ]) {
        window.postMessage(message, '*');
      }
      document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
      document.dispatchEvent(new CustomEvent('stakelens', { detail: { symbol: 'wstETH' } }));
    }, extensionId);
    // Still marking what the page adds, still answering a hover.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="later">weETH</p>'));
    await expect(page.locator('#later')).toHaveAttribute('data-stakelens', 'weETH');
    await hoverToken(page, 'wstETH');
    await judgePeg(page, name, WSTETH_PEG);
  });
});
