import { DEFAULT_MAINNET_VALUES } from '../chain/mainnet';
import { expectedWeethPeg, expectedWstethPeg, pegBps } from '../chain/expected';
import { HISTORY_APR_BPS } from '../chain/past';
import { startRpcProxy } from '../chain/rpc-proxy';
import { registry } from '../../lib/tokens/registry';
import { expect, hoverToken, test, tooltip } from './fixtures';

/*
 * The whole path, for real: the built extension in Chromium, fixture pages under the apps' real
 * host names, figures read from a local anvil node standing the mainnet contracts.
 */

const AAVE_MARKETS = 'https://app.aave.com/markets/?marketName=proto_mainnet_v3';
const UNISWAP_SWAP = 'https://app.uniswap.org/swap?chain=mainnet&inputCurrency=ETH&outputCurrency=0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';
const E15 = 10n ** 15n;

test.describe('Stakelens on the apps', () => {
  test('marks wstETH and weETH on Aave and shows the peg, exit and risk read from the chain', async ({ openApp }) => {
    const page = await openApp(AAVE_MARKETS);
    await expect(page.locator('[data-stakelens="wstETH"][data-stakelens-chain="1"][data-stakelens-match="address"]').first()).toBeVisible();
    await expect(page.locator('[data-stakelens="weETH"][data-stakelens-match="address"]').first()).toBeVisible();
    // Every LST on the page is marked; tETH, WETH, USDC, "Ethereum" and the "wstETHx" note are not.
    await expect(page.locator('[data-stakelens="ETHx"]').first()).toBeVisible();
    const symbols = await page.$$eval('[data-stakelens]', (els) => [...new Set(els.map((e) => e.getAttribute('data-stakelens')))].sort());
    expect(symbols).toEqual(['ETHx', 'cbETH', 'rETH', 'weETH', 'wstETH']);
    await expect(page.getByText('wstETHx', { exact: false }).locator('xpath=self::*[@data-stakelens]')).toHaveCount(0);

    const tip = await hoverToken(page, 'wstETH');
    const peg = tip.locator('[data-section="peg"]');
    await expect(peg).toHaveAttribute('data-peg-bps', String(expectedWstethPeg(DEFAULT_MAINNET_VALUES)));
    expect(Number(await peg.getAttribute('data-age-s'))).toBeLessThan(60);
    await expect(peg).toContainText('Curve stETH/ETH');
    const exit = tip.locator('[data-section="exit"]');
    const min = Number(await exit.getAttribute('data-redeem-seconds-min'));
    const max = Number(await exit.getAttribute('data-redeem-seconds-max'));
    expect(min).toBeGreaterThan(0);
    expect(max).toBeGreaterThan(min);
    await expect(exit).toContainText('Sell now');
    // Realized yield from the chain's history: the APR the local chain's rates grew at.
    const apr7 = Number(await tip.locator('[data-section="yield"]').getAttribute('data-apr-7d-bps'));
    expect(Math.abs(apr7 - Number(HISTORY_APR_BPS.wstETH))).toBeLessThanOrEqual(2);
    await expect(tip.locator('[data-section="yield"]')).toContainText('30 d');
    const layers = tip.locator('[data-section="risk"] [data-layer]');
    await expect(layers).toHaveCount(6);
    await expect(tip.locator('[data-layer="restaking"]')).toHaveAttribute('data-level', 'none');
    await expect(tip.locator('[data-layer="oracle"]')).toHaveAttribute('data-level', 'low');
    await expect(tip.locator('[data-layer="liquidity"]')).toHaveAttribute('data-level', 'low');
    // The reviewed layers link their sources and say when they were reviewed.
    for (const layer of ['consensus', 'lst', 'wrapper', 'oracle']) {
      const row = tip.locator(`[data-layer="${layer}"]`);
      expect(Number(await row.getAttribute('data-sources')), layer).toBeGreaterThan(0);
      await expect(row.locator('a[href^="https://"][target="_blank"][rel~="noopener"]').first()).toBeAttached();
      await expect(row).toContainText('reviewed 20');
    }

    await page.mouse.move(0, 0);
    await expect(tooltip(page, 'wstETH')).toBeHidden();
    const weeth = await hoverToken(page, 'weETH');
    const weethPeg = Number(await weeth.locator('[data-section="peg"]').getAttribute('data-peg-bps'));
    expect(Math.abs(weethPeg - expectedWeethPeg(DEFAULT_MAINNET_VALUES))).toBeLessThanOrEqual(1);
    // weETH's slowest road out waits for EigenLayer's withdrawal delay.
    const weethMax = Number(await weeth.locator('[data-section="exit"]').getAttribute('data-redeem-seconds-max'));
    expect(weethMax).toBeGreaterThanOrEqual(DEFAULT_MAINNET_VALUES.eigenMinWithdrawalDelayBlocks * 12);
    await expect(weeth.locator('[data-layer="restaking"]')).toHaveAttribute('data-level', 'medium');
  });

  test('on Uniswap: keyboard focus opens the tooltip, Escape closes it, a look-alike is flagged', async ({ openApp }) => {
    const page = await openApp(UNISWAP_SWAP);
    const mark = page.locator('[data-testid="choose-output-token"] [data-stakelens="weETH"]');
    await expect(mark).toHaveAttribute('data-stakelens-match', 'address');
    // The Cyrillic "wеETH" in the token list is not weETH: it is marked as a look-alike, with a warning first.
    const fake = page.locator('[data-testid="token-option-1-wеETH"] [data-stakelens]');
    await expect(fake).toHaveCount(1);
    await expect(fake).toHaveAttribute('data-stakelens-match', 'mismatch');
    await fake.hover();
    await expect(tooltip(page, 'weETH').getByRole('alert')).toContainText('imitate weETH');
    await page.mouse.move(0, 0);
    await expect(tooltip(page, 'weETH')).toBeHidden();
    await expect(page.locator('[data-testid="token-option-1-wstETH"] [data-stakelens="wstETH"]').first()).toBeVisible();

    await page.locator('[data-testid="choose-output-token"]').focus();
    const tip = tooltip(page, 'weETH');
    await expect(tip).toBeVisible();
    await expect(tip.locator('[data-section="peg"]')).not.toHaveAttribute('data-peg-bps', '');
    await expect(tip.locator('[data-layer="oracle"]')).toHaveAttribute('data-level', 'none');
    // Tab goes into the details, Shift+Tab comes back to the mark; Escape from inside closes and returns.
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        const inner = active?.shadowRoot?.activeElement;
        return inner ? `tooltip ${inner.localName}` : (active?.getAttribute('data-testid') ?? active?.localName ?? '');
      });
    await page.keyboard.press('Tab');
    await expect.poll(focused).toMatch(/^tooltip (summary|a|button)$/);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(focused).toBe('choose-output-token');
    await expect(tip).toBeVisible();
    await page.keyboard.press('Tab');
    await expect.poll(focused).toMatch(/^tooltip /);
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    await expect.poll(focused).toBe('choose-output-token');
  });

  test('a depeg made on the chain shows after a refresh', async ({ openApp, stack }) => {
    const page = await openApp(AAVE_MARKETS);
    const tip = await hoverToken(page, 'wstETH');
    const peg = tip.locator('[data-section="peg"]');
    await expect(peg).toHaveAttribute('data-peg-bps', String(expectedWstethPeg(DEFAULT_MAINNET_VALUES)));
    await stack.chain.setStethMarket({ curvePrice: 972n * E15, chainlinkAnswer: 973n * E15 });
    try {
      await tip.getByRole('button', { name: 'Refresh' }).click();
      const depegged = expectedWstethPeg(stack.chain.values());
      expect(depegged).toBeLessThan(-250);
      await expect(peg).toHaveAttribute('data-peg-bps', String(depegged));
      await expect(peg.locator('.sl-peg')).toHaveClass(/sl-bad/);
      // Past the default medium threshold (100 bps below), under the high one (500 bps).
      await expect(tip.locator('[data-layer="liquidity"]')).toHaveAttribute('data-level', 'medium');
    } finally {
      await stack.chain.setStethMarket({ curvePrice: DEFAULT_MAINNET_VALUES.curveStethPrice, chainlinkAnswer: DEFAULT_MAINNET_VALUES.chainlinkStethAnswer });
    }
  });

  test('RPC down: the last figure is shown as stale with its age, never a new wrong one; the page keeps working', async ({ openApp, stack }) => {
    const page = await openApp(AAVE_MARKETS);
    const tip = await hoverToken(page, 'wstETH');
    const peg = tip.locator('[data-section="peg"]');
    const before = await peg.getAttribute('data-peg-bps');
    stack.proxy.mode = 'down';
    const rerenders = await page.evaluate(() => (window as unknown as { __fixture: { rerenders: number } }).__fixture.rerenders);
    await tip.getByRole('button', { name: 'Refresh' }).click();
    await expect(tip.getByTestId('tooltip-problem')).toContainText('Showing figures read');
    await expect(tip.getByTestId('tooltip-problem')).toContainText('chain 1');
    await expect(peg).toHaveAttribute('data-peg-bps', before!);
    await expect(peg).toContainText('stale');
    // The app's own scripts keep running.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __fixture: { rerenders: number } }).__fixture.rerenders)).toBeGreaterThan(rerenders);
  });

  test('RPC down from the start: figures are unavailable with the reason', async ({ openApp, stack }) => {
    stack.proxy.mode = 'down';
    const page = await openApp(AAVE_MARKETS);
    const mark = page.locator('[data-stakelens="weETH"]').first();
    await mark.hover();
    const tip = tooltip(page, 'weETH');
    await expect(tip.getByTestId('tooltip-problem')).toContainText('Figures unavailable');
    await expect(tip.locator('[data-section="peg"]')).toHaveAttribute('data-peg-bps', '');
    await expect(tip.locator('[data-section="exit"]')).toHaveAttribute('data-redeem-seconds-min', '');
    await expect(tip.locator('[data-section="peg"]')).toContainText('Unavailable');
  });

  test('follows client-side navigation and re-renders without a page error', async ({ openApp }) => {
    const page = await openApp(AAVE_MARKETS);
    await expect(page.locator('[data-stakelens="wstETH"]').first()).toBeVisible();
    await page.locator('[data-cy="marketSelector"]').first().click();
    await page.locator('[data-cy="marketSelector_proto_lido_v3"]').first().click();
    await expect(page).toHaveURL(/proto_lido_v3/);
    await expect(page.locator('[data-stakelens="wstETH"][data-stakelens-chain="1"]').first()).toBeVisible();
    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    await expect(page).toHaveURL(/dashboard/);
    await expect(page.locator('[data-stakelens="wstETH"]').first()).toBeVisible();
    const fixture = await page.evaluate(() => (window as unknown as { __fixture: { navigations: number } }).__fixture);
    expect(fixture.navigations).toBeGreaterThanOrEqual(2);
  });
});

test('every token on the Uniswap explore page shows its peg, exit and realized yield from the chain', async ({ openApp }) => {
  const page = await openApp('https://app.uniswap.org/explore/tokens');
  // Rebasing tokens yield what their share rate grows: stETH's is wstETH's rate, eETH's is weETH's.
  const expectedYield: Record<string, bigint> = { ...HISTORY_APR_BPS, stETH: HISTORY_APR_BPS.wstETH, eETH: HISTORY_APR_BPS.weETH };
  const all = registry.map((t) => t.symbol);
  await expect(page.locator('[data-stakelens="pufETH"]').first()).toBeVisible();
  const found = await page.$$eval('[data-stakelens]', (els) => [...new Set(els.map((e) => e.getAttribute('data-stakelens')!))]);
  expect(found.sort()).toEqual([...all].sort());
  for (const symbol of all) {
    const mark = page.locator(`a [data-stakelens="${symbol}"]`).first();
    await expect(mark, symbol).toHaveAttribute('data-stakelens-match', 'address');
    await mark.hover();
    const tip = tooltip(page, symbol);
    await expect(tip.locator('[data-section="peg"]'), symbol).not.toHaveAttribute('data-age-s', '');
    await expect(tip.locator('[data-section="peg"]'), symbol).not.toHaveAttribute('data-peg-bps', '');
    const exit = tip.locator('[data-section="exit"]');
    if (['cbETH', 'ankrETH'].includes(symbol)) await expect(exit, symbol).toContainText('unavailable');
    else await expect(exit, symbol).not.toHaveAttribute('data-redeem-seconds-max', '');
    const yieldSection = tip.locator('[data-section="yield"]');
    if (expectedYield[symbol] !== undefined) {
      await expect(yieldSection, symbol).not.toHaveAttribute('data-apr-7d-bps', '');
      const apr = Number(await yieldSection.getAttribute('data-apr-7d-bps'));
      expect(Math.abs(apr - Number(expectedYield[symbol])), symbol).toBeLessThanOrEqual(2);
      // rsETH's rate is stored: its age is said (the local history moved it in its newest block).
      if (symbol === 'rsETH') await expect(yieldSection.getByTestId('stored-age')).toContainText('last updated');
    } else {
      await expect(yieldSection, symbol).toContainText('Unavailable');
    }
    await page.mouse.move(0, 0);
    await expect(tip).toBeHidden();
  }
});

test('on an L2 market, bridged tokens are priced on that chain against the Ethereum redemption value', async ({ openApp, stack }) => {
  for (const [chainId, market] of [[42161, 'proto_arbitrum_v3'], [8453, 'proto_base_v3'], [10, 'proto_optimism_v3']] as const) {
    const page = await openApp(`https://app.aave.com/markets/?marketName=${market}`);
    const mark = page.locator(`[data-stakelens="wstETH"][data-stakelens-chain="${chainId}"]`).first();
    await expect(mark, market).toHaveAttribute('data-stakelens-match', 'address');
    await mark.hover();
    const tip = tooltip(page, 'wstETH');
    const peg = tip.locator('[data-section="peg"]');
    await expect(peg, market).not.toHaveAttribute('data-age-s', '');
    // The L2 pool's price against wstETH's rate read on Ethereum.
    const l2Price = stack.l2[chainId].expectations().wstETH!.poolPrice;
    const rate = stack.chain.values().wstethStEthPerToken;
    expect(Math.abs(Number(await peg.getAttribute('data-peg-bps')) - pegBps(l2Price, rate)), market).toBeLessThanOrEqual(1);
    await expect(peg).toContainText('on Ethereum');
    await expect(tip.locator('[data-section="exit"]')).toContainText('after bridging back');
    // Realized yield is the home chain's rate growth (read in the background: wait for it).
    await expect(tip.locator('[data-section="yield"]')).not.toHaveAttribute('data-apr-7d-bps', '');
    const apr = Number(await tip.locator('[data-section="yield"]').getAttribute('data-apr-7d-bps'));
    expect(Math.abs(apr - Number(HISTORY_APR_BPS.wstETH))).toBeLessThanOrEqual(2);
    await page.close();
  }
});

test.describe('popup', () => {
  test('lists the tokens of the tab with their peg, and the site switch turns marks off and on without a reload', async ({ openApp, openPopup }) => {
    const page = await openApp(AAVE_MARKETS);
    await expect(page.locator('[data-stakelens="weETH"]').first()).toBeVisible();
    const popup = await openPopup('app.aave.com');
    const list = popup.getByTestId('tab-tokens');
    await expect(list.locator('[data-symbol="wstETH"]')).toBeVisible();
    await expect(list.locator('[data-symbol="weETH"]')).toBeVisible();
    await expect(list.locator('[data-symbol="wstETH"] [data-peg-bps]')).not.toHaveAttribute('data-peg-bps', '');

    const toggle = popup.getByTestId('site-toggle');
    await expect(toggle).toHaveAttribute('role', 'switch');
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(page.locator('[data-stakelens]')).toHaveCount(0);
    await expect(page.locator('[data-stakelens-match]')).toHaveCount(0);

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(page.locator('[data-stakelens="wstETH"]').first()).toBeVisible();
  });

  test('the site switch is remembered across a browser restart', async ({ openApp, openPopup, browserWithExtension }) => {
    let page = await openApp(AAVE_MARKETS);
    await expect(page.locator('[data-stakelens="wstETH"]').first()).toBeVisible();
    const popup = await openPopup('app.aave.com');
    await popup.getByTestId('site-toggle').click();
    await expect(page.locator('[data-stakelens]')).toHaveCount(0);

    await browserWithExtension.relaunch();
    page = await openApp(AAVE_MARKETS);
    await expect(page.locator('[data-cy="marketListItemListItem_WSTETH"]')).toBeVisible();
    await page.waitForTimeout(1000);
    await expect(page.locator('[data-stakelens]')).toHaveCount(0);
    // Other sites are unaffected.
    const uniswap = await openApp(UNISWAP_SWAP);
    await expect(uniswap.locator('[data-stakelens="weETH"]').first()).toBeVisible();
  });
});

test.describe('options', () => {
  test('an RPC endpoint is checked before it is saved: a dead one is refused, a good one is used', async ({ browserWithExtension, stack, openApp }) => {
    const options = await browserWithExtension.context.newPage();
    await options.goto(`chrome-extension://${browserWithExtension.extensionId}/options.html`);
    const input = options.getByTestId('rpc-1');
    await input.fill('http://127.0.0.1:9');
    await options.getByTestId('save').click();
    await expect(options.getByTestId('save-status')).toContainText('did not answer');
    await expect(options.getByTestId('save-status')).toContainText('Nothing was saved');
    await input.fill('not a url');
    await options.getByTestId('save').click();
    await expect(options.getByTestId('save-status')).toContainText('is not a URL');

    // A second endpoint in front of the same chain: saved, then tried before the build's own.
    const own = await startRpcProxy(stack.node.rpcUrl);
    try {
      await input.fill(own.url);
      await options.getByTestId('save').click();
      await expect(options.getByTestId('save-status')).toHaveText('Saved.');
      await options.reload();
      await expect(options.getByTestId('rpc-1')).toHaveValue(own.url);
      stack.proxy.mode = 'down';
      const page = await openApp(AAVE_MARKETS);
      const tip = await hoverToken(page, 'wstETH');
      await expect(tip.locator('[data-section="peg"]')).not.toHaveAttribute('data-peg-bps', '');
      expect(own.methods).toContain('eth_call');
    } finally {
      await own.stop();
    }
  });

  test('risk thresholds and units: a bad value is refused with the reason and changes nothing; good ones move the tooltip at once', async ({ browserWithExtension, openApp }) => {
    const page = await openApp(AAVE_MARKETS);
    let tip = await hoverToken(page, 'wstETH');
    await expect(tip.locator('[data-layer="liquidity"]')).toHaveAttribute('data-level', 'low');
    await expect(tip.locator('.sl-peg')).toContainText('bps');

    const options = await browserWithExtension.context.newPage();
    await options.goto(`chrome-extension://${browserWithExtension.extensionId}/options.html`);
    await expect(options.getByTestId('threshold-pegMediumBps')).toHaveValue('100');
    await options.getByTestId('threshold-pegMediumBps').fill('600'); // above the high threshold (500)
    await options.getByTestId('save-preferences').click();
    await expect(options.getByTestId('preferences-status')).toContainText('must be below');
    await options.getByTestId('threshold-pegMediumBps').fill('');
    await options.getByTestId('save-preferences').click();
    await expect(options.getByTestId('preferences-status')).toContainText('whole number');
    await options.reload();
    await expect(options.getByTestId('threshold-pegMediumBps')).toHaveValue('100');

    // Any peg below redemption or any selling cost now counts: the row leaves "low".
    for (const [key, value] of [['pegMediumBps', '1'], ['pegHighBps', '2'], ['sellMediumBps', '1'], ['sellHighBps', '2']] as const) {
      await options.getByTestId(`threshold-${key}`).fill(value);
    }
    await options.getByTestId('units').selectOption('percent');
    await options.getByTestId('save-preferences').click();
    await expect(options.getByTestId('preferences-status')).toHaveText('Saved.');

    await page.bringToFront();
    await page.mouse.move(0, 0);
    tip = await hoverToken(page, 'wstETH');
    await expect(tip.locator('[data-layer="liquidity"]')).toHaveAttribute('data-level', /medium|high/);
    await expect(tip.locator('.sl-peg')).toContainText('%');
  });

  test('per-site settings: the look of marks and the layers shown change at once and survive a browser restart', async ({ browserWithExtension, openApp }) => {
    let page = await openApp(AAVE_MARKETS);
    const mark = page.locator('[data-stakelens="wstETH"]').first();
    await expect(mark).toBeVisible();
    const decoration = () => mark.evaluate((el) => getComputedStyle(el).textDecorationStyle + ' ' + getComputedStyle(el).backgroundImage);
    expect(await decoration()).toMatch(/^dotted none$/);

    let options = await browserWithExtension.context.newPage();
    await options.goto(`chrome-extension://${browserWithExtension.extensionId}/options.html`);
    await options.getByTestId('site-look-aave').selectOption('badge');
    await options.getByTestId('site-layer-aave-consensus').uncheck();
    await options.getByTestId('site-layer-aave-restaking').uncheck();
    // Uniswap keeps its own settings.
    await expect(options.getByTestId('site-look-uniswap')).toHaveValue('underline');

    await expect.poll(decoration).toMatch(/radial-gradient/);
    const tip = await hoverToken(page, 'wstETH');
    await expect(tip.locator('[data-layer]')).toHaveCount(4);
    await expect(tip.locator('[data-layer="consensus"]')).toHaveCount(0);
    // The app re-renders its rows on a timer: held still while the mark's box is compared, with its
    // badge and without (another look).
    await page.evaluate(() => ((window as unknown as { __fixture: { paused: boolean } }).__fixture.paused = true));
    const badged = await mark.boundingBox();
    await options.getByTestId('site-look-aave').selectOption('underline');
    await expect.poll(decoration).toMatch(/^dotted none$/);
    expect(badged, 'the mark is on the page').not.toBeNull();
    expect(await mark.boundingBox(), 'a badge changes no layout').toEqual(badged);
    await options.getByTestId('site-look-aave').selectOption('badge');
    await expect.poll(decoration).toMatch(/radial-gradient/);
    await page.evaluate(() => ((window as unknown as { __fixture: { paused: boolean } }).__fixture.paused = false));

    await browserWithExtension.relaunch();
    page = await openApp(AAVE_MARKETS);
    await expect(page.locator('[data-stakelens="wstETH"]').first()).toBeVisible();
    expect(await page.locator('[data-stakelens="wstETH"]').first().evaluate((el) => getComputedStyle(el).backgroundImage)).toMatch(/radial-gradient/);
    options = await browserWithExtension.context.newPage();
    await options.goto(`chrome-extension://${browserWithExtension.extensionId}/options.html`);
    await expect(options.getByTestId('site-look-aave')).toHaveValue('badge');
    await expect(options.getByTestId('site-layer-aave-consensus')).not.toBeChecked();
  });

  test('settings export to a file and import back; a bad file changes nothing and says why', async ({ browserWithExtension, openApp }) => {
    const options = await browserWithExtension.context.newPage();
    await options.goto(`chrome-extension://${browserWithExtension.extensionId}/options.html`);
    await options.getByTestId('site-enabled-aave').uncheck();
    const downloading = options.waitForEvent('download');
    await options.getByTestId('export-settings').click();
    const exported = JSON.parse(await (await import('node:fs/promises')).readFile((await (await downloading).path())!, 'utf8'));
    expect(exported).toMatchObject({ stakelens: 'settings', version: 3, sites: { 'app.aave.com': { enabled: false } } });

    const importFile = (name: string, text: string) => options.getByTestId('import-settings').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await importFile('broken.json', '{"stakelens": "settings", "version": 2, "sites": {"app.aave.com": {"enabled": "maybe"}}}');
    await expect(options.getByTestId('import-status')).toContainText('broken.json was not imported: not a Stakelens settings file: sites.app.aave.com.enabled');
    await expect(options.getByTestId('import-status')).toContainText('Nothing changed.');
    await expect(options.getByTestId('site-enabled-aave')).not.toBeChecked();

    // The exported file with Aave turned back on: imported whole, and the page follows.
    exported.sites['app.aave.com'].enabled = true;
    await importFile('good.json', JSON.stringify(exported));
    await expect(options.getByTestId('import-status')).toHaveText('Imported good.json.');
    await expect(options.getByTestId('site-enabled-aave')).toBeChecked();
    const page = await openApp(AAVE_MARKETS);
    await expect(page.locator('[data-stakelens="wstETH"]').first()).toBeVisible();
  });

  test('a beacon node set in options replaces the typical beacon exit range with the read queue', async ({ browserWithExtension, stack, openApp }) => {
    const page = await openApp(AAVE_MARKETS);
    // This test is about the beacon figures: the rows hold still (re-renders are tested elsewhere).
    await page.evaluate(() => ((window as unknown as { __fixture: { paused: boolean } }).__fixture.paused = true));
    let tip = await hoverToken(page, 'wstETH');
    // The parts sit in a closed <details>: their text is in the DOM all the same.
    await expect(tip.locator('[data-section="exit"]')).toContainText('typical range, not read');

    const options = await browserWithExtension.context.newPage();
    await options.goto(`chrome-extension://${browserWithExtension.extensionId}/options.html`);
    const input = options.getByTestId('beacon-url');
    stack.beacon.state.genesisTime = 1_695_902_400; // another network: refused
    await input.fill(stack.beacon.url);
    await options.getByTestId('save').click();
    await expect(options.getByTestId('save-status')).toContainText('not Ethereum mainnet');
    stack.beacon.state.genesisTime = 1_606_824_023;
    await options.getByTestId('save').click();
    await expect(options.getByTestId('save-status')).toHaveText('Saved.');

    await page.mouse.move(0, 0);
    tip = await hoverToken(page, 'wstETH');
    await tip.getByRole('button', { name: 'Refresh' }).click();
    await expect(tip.locator('[data-section="exit"]')).toContainText('Beacon chain exit queue (read from 127.0.0.1');
    const min = Number(await tip.locator('[data-section="exit"]').getAttribute('data-redeem-seconds-min'));
    expect(min).toBeGreaterThan(0);
  });
});
