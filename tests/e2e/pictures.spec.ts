import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, hoverToken, test } from './fixtures';
import { shootTooltip } from './harness/screenshots';
import { tabIdFor } from './tabs';

/*
 * The README's pictures, written by the test run itself (tests/e2e/pictures/): the tooltip on a
 * light app and on a dark one, the popup, the options page. Each picture is taken only after the
 * state it shows has been checked.
 */

const PICTURES = fileURLToPath(new URL('pictures', import.meta.url));
const AAVE_MARKETS = 'https://app.aave.com/markets/?marketName=proto_mainnet_v3';
const UNISWAP_SWAP = 'https://app.uniswap.org/swap?chain=mainnet&inputCurrency=ETH&outputCurrency=0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';

/** A picture of the tooltip with the mark it belongs to. */
function shoot(page: Page, mark: Locator, tip: Locator, file: string) {
  return shootTooltip(page, mark, tip, resolve(PICTURES, file));
}

async function hoverWithRoom(page: Page, symbol: string) {
  const mark = page.locator(`[data-stakelens="${symbol}"]`).first();
  await mark.evaluate((e) => {
    e.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -120);
  });
  const tip = await hoverToken(page, symbol);
  return { mark, tip };
}

test.use({ viewport: { width: 1000, height: 1100 } });

test('tooltip on a light app follows its look, even on a dark system', async ({ openApp }) => {
  const page = await openApp(AAVE_MARKETS);
  await page.emulateMedia({ colorScheme: 'dark' }); // the Aave fixture stays light
  await page.evaluate(() => ((window as unknown as { __fixture: { paused: boolean } }).__fixture.paused = true));
  const { mark, tip } = await hoverWithRoom(page, 'wstETH');
  await expect(page.locator('stakelens-ui .sl-layer-root')).toHaveAttribute('data-theme', 'light');
  await expect(tip.locator('[data-layer]')).toHaveCount(6);
  await shoot(page, mark, tip, 'tooltip-light.png');
});

test('tooltip on a dark app is dark', async ({ openApp }) => {
  const page = await openApp(UNISWAP_SWAP);
  await page.emulateMedia({ colorScheme: 'dark' }); // the Uniswap fixture follows the system, as the app does
  const { mark, tip } = await hoverWithRoom(page, 'weETH');
  await expect(page.locator('stakelens-ui .sl-layer-root')).toHaveAttribute('data-theme', 'dark');
  const background = await tip.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(17, 24, 39)');
  await shoot(page, mark, tip, 'tooltip-dark.png');
});

test('popup and options', async ({ openApp, browserWithExtension }) => {
  await openApp(AAVE_MARKETS);
  const tabId = await tabIdFor(browserWithExtension.context, 'app.aave.com');
  const popup = await browserWithExtension.context.newPage();
  await popup.setViewportSize({ width: 360, height: 440 });
  await popup.goto(`chrome-extension://${browserWithExtension.extensionId}/popup.html?tabId=${tabId}`);
  await expect(popup.locator('[data-testid="tab-tokens"] [data-peg-bps]:not([data-peg-bps=""])').first()).toBeVisible();
  await expect(popup.getByTestId('highest-risk')).toBeVisible();
  await popup.screenshot({ path: resolve(PICTURES, 'popup.png') });

  const options = await browserWithExtension.context.newPage();
  await options.setViewportSize({ width: 900, height: 1000 });
  await options.goto(`chrome-extension://${browserWithExtension.extensionId}/options.html`);
  await expect(options.getByTestId('site-look-aave')).toHaveValue('underline');
  await options.screenshot({ path: resolve(PICTURES, 'options.png'), fullPage: true });
});
