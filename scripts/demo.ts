/*
 * npm run demo: the main job on an embedded default. Stands up a local chain seeded as Ethereum
 * mainnet, the demo lending and DEX pages under their real host names, builds Stakelens pointed at
 * that chain and opens Chromium with it. With no display it runs headless: hovers each token,
 * saves a screenshot of each tooltip and of the popup, prints a summary and exits 0. It stops
 * everything it started.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../tests/e2e/harness/browser';
import { shootTooltip } from '../tests/e2e/harness/screenshots';
import { startStack } from '../tests/e2e/stack';
import { tabIdFor } from '../tests/e2e/tabs';
import { formatBps, formatRange } from '../lib/ui/format';

const PAGES = [
  { name: 'aave-markets', url: 'https://app.aave.com/markets/?marketName=proto_mainnet_v3', host: 'app.aave.com' },
  { name: 'uniswap-swap', url: 'https://app.uniswap.org/swap?chain=mainnet&inputCurrency=ETH&outputCurrency=0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee', host: 'app.uniswap.org' },
];

const outDir = resolve(process.env.STAKELENS_DEMO_DIR ?? 'demo-output');
const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');

async function main() {
  console.log('Starting a local mainnet, the demo pages and a Stakelens build pointed at them…');
  const stack = await startStack('demo');
  const stopAll = async () => stack.stop();
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  let browser: Awaited<ReturnType<typeof launchWithExtension>> | null = null;
  try {
    browser = await launchWithExtension({ extensionPath: stack.extensionPath, serverPort: stack.server.port, headless });
    if (!headless) {
      for (const p of PAGES) await (await browser.context.newPage()).goto(p.url);
      console.log(`Chromium is open with Stakelens. Local chain: ${stack.node.rpcUrl}. Close the browser or press Ctrl+C to stop.`);
      await new Promise<void>((done) => browser!.context.once('close', () => done()));
      return;
    }
    await mkdir(outDir, { recursive: true });
    const summary: string[] = [];
    for (const target of PAGES) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 1200 });
      await page.goto(target.url);
      await page.locator('[data-stakelens]').first().waitFor({ timeout: 20_000 });
      const symbols = await page.$$eval('[data-stakelens]', (els) => [...new Set(els.map((e) => e.getAttribute('data-stakelens')!))]);
      for (const symbol of symbols) {
        summary.push(`${target.host}  ${await hoverAndShoot(page, symbol, `${target.name}-${symbol}.png`)}`);
      }
      if (target === PAGES[0]) await shootPopup(browser, target.host);
    }
    console.log(`\nStakelens demo: screenshots in ${outDir}`);
    for (const line of summary) console.log(`  ${line}`);
  } finally {
    await browser?.close();
    await stopAll();
  }
}

async function hoverAndShoot(page: Page, symbol: string, file: string): Promise<string> {
  const mark = page.locator(`[data-stakelens="${symbol}"]`).first();
  // Leave room below the mark, where the tooltip opens.
  await mark.evaluate((e) => {
    e.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -160);
  });
  await mark.hover();
  const tip = page.locator(`stakelens-ui [data-stakelens-tooltip="${symbol}"]`);
  const peg = tip.locator('[data-section="peg"]');
  await peg.and(page.locator('[data-age-s]:not([data-age-s=""])')).waitFor({ timeout: 20_000 });
  await shootTooltip(page, mark, tip, resolve(outDir, file));
  const bps = await peg.getAttribute('data-peg-bps');
  const exit = tip.locator('[data-section="exit"]');
  const min = await exit.getAttribute('data-redeem-seconds-min');
  const max = await exit.getAttribute('data-redeem-seconds-max');
  await page.mouse.move(0, 0);
  await tip.waitFor({ state: 'hidden' });
  const redeem = min && max ? formatRange(Number(min), Number(max)) : 'unavailable';
  return `${symbol.padEnd(7)} peg ${bps ? formatBps(Number(bps)) : 'unavailable'}, redeem ${redeem}  → ${file}`;
}

async function shootPopup(browser: Awaited<ReturnType<typeof launchWithExtension>>, host: string) {
  const tabId = await tabIdFor(browser.context, host);
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 420 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator('[data-testid="tab-tokens"] [data-peg-bps]:not([data-peg-bps=""])').first().waitFor();
  await popup.screenshot({ path: resolve(outDir, 'popup.png') });
  await popup.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`Demo failed: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
