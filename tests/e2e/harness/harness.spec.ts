// Self-test of the e2e harness: fixture server + Chromium with an unpacked MV3 extension.
// Uses a throwaway probe extension (written to a temp dir), not the Stakelens build.
import { test, expect, type Page } from '@playwright/test';
import { request } from 'node:https';
import { mkdtemp, rm, writeFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from './server.ts';
import { launchWithExtension, MAPPED_HOSTS, type LaunchedBrowser } from './browser.ts';

const AAVE_MARKETS = 'https://app.aave.com/markets/?marketName=proto_mainnet_v3';
const UNISWAP_SWAP = 'https://app.uniswap.org/swap?chain=mainnet&inputCurrency=ETH&outputCurrency=0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';
const WSTETH = '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0';
const WSTETH_ARBITRUM = '0x5979D7b546E38E414F7E9822514be443A4800529';
const WSTETH_BASE = '0xc1CBa3fCea344f92D9239c08C0568f6F2F0ee452';
const WSTETH_OPTIMISM = '0x1F32b1c2345538c0c6f582fCB022739c4A194Ebb';

async function writeProbeExtension(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stakelens-probe-ext-'));
  const manifest = {
    manifest_version: 3,
    name: 'Stakelens harness probe',
    version: '0.0.1',
    background: { service_worker: 'sw.js' },
    content_scripts: [{ matches: MAPPED_HOSTS.map((host) => `https://${host}/*`), js: ['probe.js'], run_at: 'document_idle' }],
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(path.join(dir, 'sw.js'), "self.addEventListener('install', () => {});\n");
  await writeFile(path.join(dir, 'probe.js'), "document.documentElement.dataset.probe = '1';\ndocument.documentElement.dataset.probeExt = chrome.runtime.id;\n");
  return dir;
}

/** GET against the fixture server directly, with an arbitrary Host header and SNI. */
function rawGet(port: number, host: string, urlPath: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, servername: host === 'localhost' ? undefined : host, headers: { host }, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Watched { page: Page; errors: string[] }
async function openPage(b: LaunchedBrowser, url: string): Promise<Watched> {
  const page = await b.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const res = await page.goto(url);
  expect(res?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('data-probe', '1');
  return { page, errors };
}

const fixtureState = (page: Page) => page.evaluate(() => (window as unknown as { __fixture: Record<string, number | string> }).__fixture);

test.describe.configure({ mode: 'serial' });

let server: FixtureServer;
let extDir: string;
let browser: LaunchedBrowser;

test.beforeAll(async () => {
  server = await startFixtureServer();
  extDir = await writeProbeExtension();
  browser = await launchWithExtension({ extensionPath: extDir, serverPort: server.port });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (extDir) await rm(extDir, { recursive: true, force: true });
});

test('extension service worker is found and its id is the content script runtime id', async () => {
  expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
  const { page, errors } = await openPage(browser, AAVE_MARKETS);
  await expect(page.locator('html')).toHaveAttribute('data-probe-ext', browser.extensionId);
  expect(errors).toEqual([]);
  await page.close();
});

test('server routes by Host header, serves assets, falls back like an SPA, 404s other hosts', async () => {
  const markets = await rawGet(server.port, 'app.aave.com', '/markets/?marketName=proto_mainnet_v3');
  expect(markets.status).toBe(200);
  expect(markets.type).toContain('text/html');
  expect(markets.body).toContain('<title>Markets | Aave</title>');
  expect(markets.body).not.toContain('wstETH'); // tokens are rendered by app.js, not served
  expect((await rawGet(server.port, 'app.aave.com', '/dashboard/')).body).toContain('<title>Dashboard | Aave</title>');
  expect((await rawGet(server.port, 'app.aave.com', `/reserve-overview/?underlyingAsset=${WSTETH.toLowerCase()}`)).body).toContain('Reserve overview | Aave');
  expect((await rawGet(server.port, 'app.aave.com', '/some/client/route')).body).toContain('<title>Markets | Aave</title>');
  const icon = await rawGet(server.port, 'app.aave.com', '/icons/tokens/wsteth.svg');
  expect([icon.status, icon.type]).toEqual([200, 'image/svg+xml']);
  expect((await rawGet(server.port, 'app.aave.com', '/app.js')).type).toContain('text/javascript');
  expect((await rawGet(server.port, 'app.aave.com', '/styles.css')).type).toContain('text/css');
  expect((await rawGet(server.port, 'app.aave.com', '/icons/tokens/nope.svg')).status).toBe(404);
  expect((await rawGet(server.port, 'app.aave.com', '/../../harness/server.ts')).status).toBe(404);
  expect((await rawGet(server.port, 'app.uniswap.org', '/')).body).toContain('<title>Swap | Uniswap Interface</title>');
  expect((await rawGet(server.port, 'app.uniswap.org', '/explore')).body).toContain('Explore top tokens');
  expect((await rawGet(server.port, 'app.uniswap.org', `/explore/tokens/ethereum/${WSTETH.toLowerCase()}`)).body).toContain('Explore top tokens');
  expect((await rawGet(server.port, 'app.uniswap.org', `/images/tokens/ethereum/${WSTETH}/logo.svg`)).type).toBe('image/svg+xml');
  expect((await rawGet(server.port, 'app.uniswap.org', '/explore/tokens/arbitrum')).body).toContain('Explore top tokens');
  expect((await rawGet(server.port, 'app.uniswap.org', `/explore/tokens/base/${WSTETH_BASE.toLowerCase()}`)).body).toContain('Explore top tokens');
  expect((await rawGet(server.port, 'app.uniswap.org', `/images/tokens/optimism/${WSTETH_OPTIMISM}/logo.svg`)).type).toBe('image/svg+xml');
  expect((await rawGet(server.port, 'example.com', '/')).status).toBe(404);
  expect((await rawGet(server.port, 'localhost', '/')).status).toBe(404);
});

test('aave markets: rows render, re-render, navigate client-side; host mapping keeps Host and SNI', async () => {
  const before = server.requests.length;
  const { page, errors } = await openPage(browser, AAVE_MARKETS);
  await expect(page).toHaveTitle('Markets | Aave');
  expect(await page.evaluate(() => document.compatMode)).toBe('CSS1Compat');
  const row = page.locator('[data-cy="marketListItemListItem_WSTETH"]');
  await expect(row.locator('h4')).toHaveText('Wrapped liquid staked Ether 2.0');
  await expect(row.locator('p', { hasText: /^wstETH$/ })).toHaveCount(1);
  await expect(row.locator('span.MuiIcon-root[aria-hidden="true"] > img[alt="wstETH icon"]')).toHaveAttribute('src', '/icons/tokens/wsteth.svg');
  await expect(row.locator(`a[href="/reserve-overview/?underlyingAsset=${WSTETH.toLowerCase()}&marketName=proto_mainnet_v3"]`)).toHaveCount(1);
  for (const s of ['WETH', 'WEETH', 'CBETH', 'RETH', 'ETHX', 'TETH', 'USDC']) await expect(page.locator(`[data-cy="marketListItemListItem_${s}"]`)).toHaveCount(1);
  await expect(page.getByText('Looking for wstETHx?', { exact: false })).toBeVisible();
  await expect(page.locator('img[alt="weETH icon"]')).toBeVisible();
  expect(await page.evaluate(() => (document.querySelector('img[alt="weETH icon"]') as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

  await expect.poll(async () => Number((await fixtureState(page)).rerenders), { timeout: 6000 }).toBeGreaterThanOrEqual(2);
  await page.locator('[data-cy="marketSelector"]').first().click();
  await page.locator('[data-cy="marketSelector_proto_lido_v3"]').click();
  await expect(page).toHaveURL(/\/markets\/\?marketName=proto_lido_v3$/);
  await expect(page.locator('[data-cy="marketListItemListItem_CBETH"]')).toHaveCount(0);
  await expect(page.locator('[data-cy="marketListItemListItem_WEETH"]')).toHaveCount(1);
  await page.locator('[data-cy="marketListItemListItem_WEETH"] a', { hasText: 'Details' }).click();
  await expect(page).toHaveURL(/\/reserve-overview\/\?underlyingAsset=0xcd5fe23c85820f7b72d0926fc9b05b43e359b7ee&marketName=proto_lido_v3$/);
  await expect(page.locator('[data-cy="reserveSymbol"]')).toHaveText('weETH');
  await expect(page.getByText('1.2 weETH').first()).toBeVisible();
  const state = await fixtureState(page);
  expect(state.navigations).toBe(2);
  await expect(page.locator('html')).toHaveAttribute('data-probe', '1'); // same document: no reload
  expect(errors).toEqual([]);

  const served = server.requests.slice(before);
  expect(served.filter((r) => r.status !== 200)).toEqual([]);
  expect(served.every((r) => r.host === 'app.aave.com' && r.sni === 'app.aave.com')).toBe(true);
  await page.close();
});

test('aave dashboard and reserve overview render their data-cy rows', async () => {
  const { page, errors } = await openPage(browser, 'https://app.aave.com/dashboard/?marketName=proto_mainnet_v3');
  await expect(page).toHaveTitle('Dashboard | Aave');
  await expect(page.locator('[data-cy="dashboardSupplyListItem_WSTETH"] p[data-cy="assetName"][aria-label="wstETH (wstETH)"]')).toHaveText('wstETH');
  await expect(page.locator('[data-cy="dashboardSuppliedListItem_WEETH_Collateral"] img[alt="WEETH icon"]')).toHaveCount(1);
  await expect(page.locator('[data-cy="dashboardSuppliedListItem_WSTETH_Collateral"]')).toHaveCount(1);
  await expect(page.locator('[data-cy="dashboardSupplyListItem_ETH"] p[data-cy="assetName"]')).toHaveText('ETH');
  await expect(page.locator('[data-cy="dashboardBorrowedListItem_WETH"]')).toHaveCount(1);
  await page.goto(`https://app.aave.com/reserve-overview/?underlyingAsset=${WSTETH.toLowerCase()}&marketName=proto_mainnet_v3`);
  await expect(page).toHaveTitle('Reserve overview | Aave');
  await expect(page.locator('[data-cy="reserveTopDetails"]')).toContainText('Wrapped liquid staked Ether 2.0');
  await expect(page.getByText('0.35 wstETH').first()).toBeVisible();
  expect(errors).toEqual([]);
  await page.close();
});

type L2Market = 'proto_arbitrum_v3' | 'proto_base_v3' | 'proto_optimism_v3';
/** [symbol, name, address on that chain] in list order */
const L2_RESERVES: Record<L2Market, [string, string, string][]> = {
  proto_arbitrum_v3: [
    ['WETH', 'Wrapped ETH', '0x82aF49447D8a07e3bd95BD0d56f35241523fBab1'],
    ['wstETH', 'Wrapped liquid staked Ether 2.0', '0x5979D7b546E38E414F7E9822514be443A4800529'],
    ['rETH', 'Rocket Pool ETH', '0xEC70Dcb4A1EFa46b8F2D97C310C9c4790ba5ffA8'],
    ['weETH', 'Wrapped eETH', '0x35751007a407ca6FEFfE80b3cB397736D2cf4dbe'],
    ['ezETH', 'Renzo Restaked ETH', '0x2416092f143378750bb29b79eD961ab195CcEea5'],
    ['rsETH', 'KelpDao Restaked ETH', '0x4186BFC76E2E237523CBC30FD220FE055156b41F'],
    ['USDC', 'USD Coin', '0xaf88d065e77c8cC2239327C5EDb3A432268e5831'],
  ],
  proto_base_v3: [
    ['WETH', 'Wrapped ETH', '0x4200000000000000000000000000000000000006'],
    ['cbETH', 'Coinbase Wrapped Staked ETH', '0x2Ae3F1Ec7F1F5012CFEab0185bfc7aa3cf0DEc22'],
    ['wstETH', 'Wrapped liquid staked Ether 2.0', '0xc1CBa3fCea344f92D9239c08C0568f6F2F0ee452'],
    ['weETH', 'Wrapped eETH', '0x04C0599Ae5A44757c0af6F9eC3b93da8976c150A'],
    ['ezETH', 'Renzo Restaked ETH', '0x2416092f143378750bb29b79eD961ab195CcEea5'],
    ['USDC', 'USD Coin', '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913'],
  ],
  proto_optimism_v3: [
    ['WETH', 'Wrapped ETH', '0x4200000000000000000000000000000000000006'],
    ['wstETH', 'Wrapped liquid staked Ether 2.0', '0x1F32b1c2345538c0c6f582fCB022739c4A194Ebb'],
    ['rETH', 'Rocket Pool ETH', '0x9Bcef72be871e61ED4fBbc7630889beE758eb81D'],
    ['USDC', 'USD Coin', '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85'],
  ],
};

async function expectMarketRows(page: Page, market: L2Market): Promise<void> {
  const rows = page.locator('[data-cy="marketsList"] [data-cy^="marketListItemListItem_"]');
  const expected = L2_RESERVES[market];
  await expect(rows).toHaveCount(expected.length);
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-cy')))).toEqual(expected.map(([s]) => `marketListItemListItem_${s.toUpperCase()}`));
  for (const [symbol, name, address] of expected) {
    const row = page.locator(`[data-cy="marketListItemListItem_${symbol.toUpperCase()}"]`);
    await expect(row.locator('h4')).toHaveText(name);
    await expect(row.locator('p', { hasText: new RegExp(`^${symbol}$`) })).toHaveCount(1);
    await expect(row.locator('a', { hasText: 'Details' })).toHaveAttribute('href', `/reserve-overview/?underlyingAsset=${address.toLowerCase()}&marketName=${market}`);
    expect(await row.locator('img[alt$=" icon"]').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }
}

test('aave L2 markets: arbitrum rows carry arbitrum addresses; base and optimism list theirs', async () => {
  const before = server.requests.length;
  const { page, errors } = await openPage(browser, 'https://app.aave.com/markets/?marketName=proto_arbitrum_v3');
  await expect(page.locator('[data-cy="marketSelector"]')).toContainText('Arbitrum');
  await expect(page.locator('[data-cy="marketSelector"] img')).toHaveAttribute('src', '/icons/networks/arbitrum.svg');
  await expectMarketRows(page, 'proto_arbitrum_v3');
  await expect(page.locator('a[href*="0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0"]')).toHaveCount(0); // no mainnet wstETH
  expect((await fixtureState(page)).market).toBe('proto_arbitrum_v3');
  for (const market of ['proto_base_v3', 'proto_optimism_v3'] as const) {
    await page.goto(`https://app.aave.com/markets/?marketName=${market}`);
    await expectMarketRows(page, market);
  }
  // dashboard and reserve overview of an L2 market use that market's reserves and addresses
  await page.goto('https://app.aave.com/dashboard/?marketName=proto_optimism_v3');
  await expect(page.locator('[data-cy="dashboardSuppliedListItem_WSTETH_Collateral"] a')).toHaveAttribute('href', '/reserve-overview/?underlyingAsset=0x1f32b1c2345538c0c6f582fcb022739c4a194ebb&marketName=proto_optimism_v3');
  await expect(page.locator('[data-cy="dashboardSuppliedListItem_WEETH_Collateral"]')).toHaveCount(0); // weETH is not listed on Optimism
  await expect(page.locator('[data-cy="dashboardSupplyListItem_ETH"] a')).toHaveAttribute('href', '/reserve-overview/?underlyingAsset=0x4200000000000000000000000000000000000006&marketName=proto_optimism_v3');
  await expect(page.locator('[data-cy="dashboardSupplyListItem_RETH"]')).toHaveCount(1);
  await expect(page.locator('[data-cy="dashboardSupplyListItem_CBETH"]')).toHaveCount(0);
  await page.goto('https://app.aave.com/dashboard/?marketName=proto_arbitrum_v3');
  await expect(page.locator('[data-cy="dashboardSupplyListItem_EZETH"] p[data-cy="assetName"]')).toHaveText('ezETH');
  await expect(page.locator('[data-cy="dashboardSupplyListItem_RSETH"]')).toHaveCount(1);
  await expect(page.locator('[data-cy="dashboardSuppliedListItem_WEETH_Collateral"] a')).toHaveAttribute('href', /underlyingAsset=0x35751007a407ca6feffe80b3cb397736d2cf4dbe&marketName=proto_arbitrum_v3$/);
  await page.goto('https://app.aave.com/reserve-overview/?underlyingAsset=0x2416092f143378750bb29b79ed961ab195cceea5&marketName=proto_base_v3');
  await expect(page.locator('[data-cy="reserveSymbol"]')).toHaveText('ezETH');
  await expect(page.locator('[data-cy="reserveTopDetails"]')).toContainText('Renzo Restaked ETH');
  await expect(page.locator('[data-cy="reserveTopDetails"] [data-cy="marketSelector"]')).toContainText('Base');
  await page.goto(`https://app.aave.com/reserve-overview/?underlyingAsset=${WSTETH.toLowerCase()}&marketName=proto_arbitrum_v3`);
  await expect(page.locator('[data-cy="reserveTopDetails"]')).toHaveCount(0); // mainnet address is not an Arbitrum reserve
  await expect(page.getByText('Asset not found on Arbitrum')).toBeVisible();
  expect(errors).toEqual([]);
  expect(server.requests.slice(before).filter((r) => r.status !== 200)).toEqual([]);
  await page.close();
});

test('aave market selector lists the L2 markets and switches client-side', async () => {
  const { page, errors } = await openPage(browser, AAVE_MARKETS);
  await expect(page.locator('[data-cy="marketListItemListItem_WSTETH"]')).toHaveCount(1);
  await page.locator('[data-cy="marketSelector"]').first().click();
  const items = page.locator('[data-cy^="marketSelector_"]');
  expect(await items.evaluateAll((els) => els.map((e) => [e.getAttribute('data-cy'), e.textContent]))).toEqual([
    ['marketSelector_proto_mainnet_v3', 'Ethereum Core'], ['marketSelector_proto_lido_v3', 'Ethereum Prime'],
    ['marketSelector_proto_arbitrum_v3', 'Arbitrum'], ['marketSelector_proto_base_v3', 'Base'], ['marketSelector_proto_optimism_v3', 'Optimism'],
  ]);
  await page.locator('[data-cy="marketSelector_proto_arbitrum_v3"]').click();
  await expect(page).toHaveURL('https://app.aave.com/markets/?marketName=proto_arbitrum_v3');
  await expectMarketRows(page, 'proto_arbitrum_v3');
  await expect(page.locator('.app-header nav a[data-view="dashboard"]')).toHaveAttribute('href', '/dashboard/?marketName=proto_arbitrum_v3');
  await page.locator('[data-cy="marketListItemListItem_WSTETH"] a', { hasText: 'Details' }).click();
  await expect(page).toHaveURL(/\/reserve-overview\/\?underlyingAsset=0x5979d7b546e38e414f7e9822514be443a4800529&marketName=proto_arbitrum_v3$/);
  await expect(page.locator('[data-cy="reserveSymbol"]')).toHaveText('wstETH');
  await page.locator('[data-cy="reserveTopDetails"] [data-cy="marketSelector"]').click();
  await page.locator('[data-cy="marketSelector_proto_base_v3"]').click();
  await expect(page).toHaveURL('https://app.aave.com/markets/?marketName=proto_base_v3');
  await expectMarketRows(page, 'proto_base_v3');
  await page.goBack();
  await expect(page.locator('[data-cy="reserveSymbol"]')).toHaveText('wstETH');
  await expect.poll(async () => Number((await fixtureState(page)).rerenders), { timeout: 6000 }).toBeGreaterThanOrEqual(2);
  const state = await fixtureState(page);
  expect([state.navigations, state.market, state.view]).toEqual([4, 'proto_arbitrum_v3', 'reserve']);
  await expect(page.locator('html')).toHaveAttribute('data-probe', '1'); // same document: no reload
  expect(errors).toEqual([]);
  await page.close();
});

test('uniswap swap: panels, virtualized selector with look-alike, client-side token pick', async () => {
  const { page, errors } = await openPage(browser, UNISWAP_SWAP);
  await expect(page).toHaveTitle('Swap | Uniswap Interface');
  const out = page.locator('#swap-currency-output [data-testid="choose-output-token"]');
  await expect(out.locator('span')).toHaveText('weETH');
  await expect(out.locator('div[data-testid="token-logo"] > img')).toHaveAttribute('src', /0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee/);
  expect(await out.locator('img').getAttribute('alt')).toBeNull();
  await expect(page.locator('#swap-currency-input .token-symbol-container')).toHaveText('ETH');
  const opt = page.locator('[data-testid="token-option-1-wstETH"]');
  await expect(opt).toHaveCSS('position', 'absolute');
  await expect(opt.locator('.token-name')).toHaveText('Wrapped liquid staked Ether 2.0');
  await expect(opt.locator('.token-symbol')).toHaveText('wstETH');
  for (const s of ['weETH', 'WETH', 'USDC', 'w\u0435ETH']) await expect(page.locator(`[data-testid="token-option-1-${s}"]`)).toHaveCount(1);
  await expect.poll(async () => Number((await fixtureState(page)).rerenders), { timeout: 6000 }).toBeGreaterThanOrEqual(2);
  await opt.click();
  await expect(page).toHaveURL(`https://app.uniswap.org/swap?chain=mainnet&inputCurrency=ETH&outputCurrency=${WSTETH}`);
  await expect(page.locator('#swap-currency-output .token-symbol-container')).toHaveText('wstETH');
  expect((await fixtureState(page)).navigations).toBe(1);
  expect(errors).toEqual([]);
  await page.close();
});

test('uniswap explore: token links, pool pair text, live prices, token details', async () => {
  const { page, errors } = await openPage(browser, 'https://app.uniswap.org/explore/tokens');
  await expect(page).toHaveTitle('Explore top tokens | Uniswap Interface');
  const link = page.locator(`a[href="/explore/tokens/ethereum/${WSTETH.toLowerCase()}"]`).first();
  await expect(link.locator('.token-symbol')).toHaveText('wstETH');
  await expect(page.locator('.pool-name', { hasText: 'wstETH / WETH' }).first()).toBeVisible();
  const price = page.locator('[data-testid="token-table-row-wstETH"] .price-value');
  const first = await price.textContent();
  await expect.poll(async () => Number((await fixtureState(page)).priceTicks), { timeout: 5000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => price.textContent(), { timeout: 5000 }).not.toBe(first);
  await link.click();
  await expect(page).toHaveURL(`https://app.uniswap.org/explore/tokens/ethereum/${WSTETH.toLowerCase()}`);
  await expect(page.locator('h1 .token-symbol')).toHaveText('wstETH');
  await page.locator('.pool-name', { hasText: 'wstETH / WETH' }).click();
  await expect(page.locator('h1')).toHaveText('wstETH / WETH');
  await page.goBack();
  await expect(page.locator('h1 .token-symbol')).toHaveText('wstETH');
  expect((await fixtureState(page)).navigations).toBe(3);
  expect(errors).toEqual([]);
  await page.close();
});

test('uniswap explore per chain: the network selector switches client-side; L2 rows link and show logos on their chain', async () => {
  const { page, errors } = await openPage(browser, 'https://app.uniswap.org/explore/tokens');
  const rows = page.locator('[data-testid="top-tokens-explore-table"] [data-testid^="token-table-row-"]');
  await expect(rows).toHaveCount(21); // Ethereum: ETH, USDC, WETH and the 18 liquid staking tokens
  await expect(page.locator('[data-testid="tokens-network-filter-option-ethereum"]')).toHaveAttribute('aria-current', 'page');
  await page.locator('[data-testid="tokens-network-filter-option-arbitrum"]').click();
  await expect(page).toHaveURL('https://app.uniswap.org/explore/tokens/arbitrum');
  await expect(page.locator('[data-testid="tokens-network-filter-option-arbitrum"]')).toHaveAttribute('aria-current', 'page');
  await expect(rows).toHaveCount(12);
  const row = page.locator('[data-testid="token-table-row-wstETH"]');
  await expect(row.locator('a')).toHaveAttribute('href', `/explore/tokens/arbitrum/${WSTETH_ARBITRUM.toLowerCase()}`);
  await expect(row.locator('.token-name')).toHaveText('Wrapped liquid staked Ether 2.0');
  await expect(row.locator('img')).toHaveAttribute('src', `/images/tokens/arbitrum/${WSTETH_ARBITRUM}/logo.svg`);
  await expect.poll(() => row.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.locator('[data-testid="token-table-row-weETH"] .token-name')).toHaveText('Wrapped eETH');
  for (const s of ['ETH', 'mETH', 'stETH', 'eETH', 'w\u0435ETH']) await expect(page.locator(`[data-testid="token-table-row-${s}"]`)).toHaveCount(0);
  await expect(page.locator('[data-testid="token-table-row-USDC"] a')).toHaveAttribute('href', '/explore/tokens/arbitrum/0xaf88d065e77c8cc2239327c5edb3a432268e5831');
  await expect(page.locator('.price-value[data-chain="arbitrum"][data-symbol="wstETH"]')).toHaveCount(1);
  await page.locator('[data-testid="tokens-network-filter-option-optimism"]').click();
  await expect(rows).toHaveCount(12);
  await expect(page.locator('[data-testid="token-table-row-stETH"] a')).toHaveAttribute('href', '/explore/tokens/optimism/0x76a50b8c7349ccddb7578c6627e79b5d99d24138');
  await page.locator('[data-testid="tokens-network-filter-option-base"]').click();
  await expect(rows).toHaveCount(9);
  await expect(page.locator('[data-testid="token-table-row-WETH"] a')).toHaveAttribute('href', '/explore/tokens/base/0x4200000000000000000000000000000000000006');
  const wsteth = page.locator('[data-testid="token-table-row-wstETH"] a');
  await expect(wsteth).toHaveAttribute('href', `/explore/tokens/base/${WSTETH_BASE.toLowerCase()}`);
  await wsteth.click();
  await expect(page).toHaveURL(`https://app.uniswap.org/explore/tokens/base/${WSTETH_BASE.toLowerCase()}`);
  await expect(page.locator('h1 .token-symbol')).toHaveText('wstETH');
  await expect(page.locator('.swap-link')).toHaveAttribute('href', `/swap?chain=base&inputCurrency=ETH&outputCurrency=${WSTETH_BASE}`);
  await expect(page.locator('.pool-name', { hasText: 'wstETH / WETH' })).toHaveCount(1);
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL('https://app.uniswap.org/explore/tokens/optimism');
  await expect(page.locator('[data-testid="token-table-row-frxETH"]')).toHaveCount(1);
  const state = await fixtureState(page);
  expect([state.navigations, state.chain, state.view]).toEqual([6, 'optimism', 'explore']);
  await expect(page.locator('html')).toHaveAttribute('data-probe', '1'); // same document: no reload
  expect(errors).toEqual([]);
  await page.close();
});

test('server routes the other sites by Host header: pages, SPA paths, icons', async () => {
  const pages: [string, string, string][] = [
    ['www.curve.finance', '/dex/ethereum/pools', '<title>Pools - Curve</title>'],
    ['curve.fi', '/dex/arbitrum/pools/factory-stable-ng-15/deposit', '<title>Pools - Curve</title>'],
    ['balancer.fi', '/pools/ethereum/v2/0x93d199263632a4ef4bb438f1feb99e57b4b5f0bd0000000000000000000005c2', '<title>Balancer DeFi Liquidity Pools</title>'],
    ['app.balancer.fi', '/pools', '<title>Balancer DeFi Liquidity Pools</title>'],
    ['app.morpho.org', '/base/market/0xabc/wsteth-weth', '<title>Morpho</title>'],
    ['app.pendle.finance', '/trade/markets?chain=arbitrum', '<title>Pendle</title>'],
    ['stake.lido.fi', '/', '<title>Stake with Lido | Lido</title>'],
    ['stake.lido.fi', '/wrap/unwrap', '<title>Wrap | Lido</title>'],
    ['app.ether.fi', '/wrap', '<title>ether.fi</title>'],
    ['app.renzoprotocol.com', '/restake', '<title>Renzo</title>'],
    ['www.kelpdao.xyz', '/restake/', '<title>Kelp DAO | Restake</title>'],
    ['app.eigenlayer.xyz', '/restake/stETH', 'token page (/restake/<symbol>)'],
    ['etherscan.io', `/token/${WSTETH}`, '(wstETH) Token Tracker | Etherscan'],
    ['optimistic.etherscan.io', `/token/${WSTETH_OPTIMISM}`, '(wstETH) Token Tracker | Etherscan'],
  ];
  for (const [host, urlPath, text] of pages) {
    const res = await rawGet(server.port, host, urlPath);
    expect([host, urlPath, res.status, res.type]).toEqual([host, urlPath, 200, 'text/html; charset=utf-8']);
    expect(res.body).toContain(text);
    expect(res.body).toContain('HAND-BUILT FIXTURE');
  }
  const images: [string, string][] = [
    ['cdn.jsdelivr.net', `/gh/curvefi/curve-assets/images/assets/${WSTETH.toLowerCase()}.png`],
    ['cdn.jsdelivr.net', `/gh/curvefi/curve-assets/images/assets-arbitrum/${WSTETH_ARBITRUM.toLowerCase()}.png`],
    ['balancer.fi', `/_next/image?url=${encodeURIComponent(`https://raw.githubusercontent.com/balancer/tokenlists/main/src/assets/images/tokens/${WSTETH.toLowerCase()}.png`)}&w=48&q=75`],
    ['balancer.fi', '/images/chains/ARBITRUM.svg'],
    ['app.morpho.org', '/assets/logos/wsteth.svg'],
    ['arbiscan.io', '/token/images/wsteth_32.png'],
  ];
  for (const [host, urlPath] of images) expect([host, urlPath, (await rawGet(server.port, host, urlPath)).type]).toEqual([host, urlPath, 'image/svg+xml']);
  expect((await rawGet(server.port, 'app.morpho.org', '/assets/logos/nope.png')).status).toBe(404);
  expect((await rawGet(server.port, 'sepolia.etherscan.io', '/')).status).toBe(404);
});

interface SiteCase {
  name: string;
  url: string;
  title: string | RegExp;
  /** something the first render shows */
  shows: [selector: string, text: string | RegExp];
  /** the served <main> is the first render (false where app.js renders other data for that URL) */
  served?: boolean;
  /** in-page links to click, each with the URL and a text it leads to */
  clicks: [selector: string, url: RegExp, selector: string, text: string | RegExp][];
}

const SITE_CASES: SiteCase[] = [
  {
    name: 'curve pool list', url: 'https://www.curve.finance/dex/ethereum/pools', title: 'Pools - Curve',
    shows: ['[data-testid="data-table-row-steth"] img[data-testid="token-icon-stETH"]', ''],
    clicks: [
      ['[data-testid="market-link-0xDC24316b9AE028F1497c275EB9192a3Ea0f67022"]', /\/dex\/ethereum\/pools\/steth\/deposit$/, 'h1', 'ETH/stETH'],
      ['.network-menu a[href="/dex/arbitrum/pools"]', /\/dex\/arbitrum\/pools$/, '[data-testid="data-table-row-factory-stable-ng-15"]', 'wstETH/WETH'],
    ],
  },
  {
    name: 'balancer pool list', url: 'https://balancer.fi/pools', title: 'Balancer DeFi Liquidity Pools',
    shows: ['a[href^="/pools/arbitrum/"] .pill-symbol', 'wstETH'],
    clicks: [['a[href="/pools/ethereum/v2/0x93d199263632a4ef4bb438f1feb99e57b4b5f0bd0000000000000000000005c2"]', /\/pools\/ethereum\/v2\/0x93d1/, '.pool-composition', /wstETH.*WETH/]],
  },
  {
    name: 'morpho borrow', url: 'https://app.morpho.org/ethereum/borrow', title: 'Morpho',
    shows: ['.market-row .asset-symbol', 'wstETH'],
    clicks: [
      ['.market-row .row-link', /\/ethereum\/market\/0x[0-9a-f]{64}\/wsteth-weth$/, '.market-attributes a[href^="https://etherscan.io/token/"]', 'wstETH'],
      ['.network-select a[href="/base/borrow"]', /\/base\/borrow$/, '.market-row .asset-symbol', 'cbETH'],
    ],
  },
  {
    name: 'pendle markets', url: 'https://app.pendle.finance/trade/markets?chain=ethereum', title: 'Pendle',
    shows: ['.positions', 'YT-rsETH-26JUN2025'],
    clicks: [
      ['.market-link', /\/trade\/markets\/0x[0-9a-f]{40}\/swap\?view=pt&chain=ethereum$/, '.swap', 'PT weETH 26JUN2025'],
      ['.chain-select a[href="/trade/markets?chain=arbitrum"]', /\?chain=arbitrum$/, '.market-row .asset-name', 'weETH'],
    ],
  },
  {
    name: 'lido stake', url: 'https://stake.lido.fi/', title: 'Stake with Lido | Lido',
    shows: ['[data-testid="statEtherscanBtn"]', 'View on Etherscan'],
    clicks: [['header a[href="/wrap"]', /\/wrap$/, '[data-testid="exchangeRate"]', /1 stETH =\s0\.8512\swstETH/]],
  },
  {
    name: 'lido wrap', url: 'https://stake.lido.fi/wrap', title: 'Wrap | Lido',
    shows: ['[data-testid="exchangeRate"] [data-testid="rate"]', /0\.8512\swstETH/],
    clicks: [['.tabs a[href="/wrap/unwrap"]', /\/wrap\/unwrap$/, '[data-testid="exchangeRate"]', /1 wstETH =\s1\.1748\sstETH/]],
  },
  {
    name: 'ether.fi stake', url: 'https://app.ether.fi/', title: 'ether.fi',
    shows: ['.vaults', 'weETHs'],
    clicks: [['.tabs a[href="/wrap"]', /\/wrap$/, 'h1', 'Wrap eETH']],
  },
  {
    name: 'renzo restake', url: 'https://app.renzoprotocol.com/restake', title: 'Renzo',
    shows: ['.portfolio', 'pzETH'],
    clicks: [['.tabs a[href="/withdraw"]', /\/withdraw$/, 'h1', 'Withdraw']],
  },
  {
    name: 'kelp restake', url: 'https://kelpdao.xyz/restake/', title: 'Kelp DAO | Restake',
    shows: ['.contracts a.unofficial', 'rsETH'],
    clicks: [['header a[href="/gain/"]', /\/gain\/$/, 'h1', 'Kelp Gain']],
  },
  {
    name: 'eigenlayer restake', url: 'https://app.eigenlayer.xyz/restake', title: 'EigenLayer',
    shows: ['.strategies', 'wBETH'],
    clicks: [['a[href="/restake/stETH"]', /\/restake\/stETH$/, '.contracts', 'stETH strategy']],
  },
  {
    name: 'eigenlayer token', url: 'https://app.eigenlayer.xyz/restake/stETH', title: 'EigenLayer',
    shows: ['.contracts a[href^="https://etherscan.io/address/"]', 'stETH strategy'],
    clicks: [['header a[href="/restake"]', /\/restake$/, '.strategies', 'osETH']],
  },
  {
    name: 'etherscan wstETH', url: `https://etherscan.io/token/${WSTETH}`, title: 'Wrapped liquid staked Ether 2.0 (wstETH) Token Tracker | Etherscan',
    shows: ['#ContentPlaceHolder1_divSummary', '3,386,016.65 wstETH'],
    clicks: [['tbody a[href*="?a="]', /\/token\/0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0\?a=0x[0-9a-f]{40}$/, '#holder-filter', 'Filtered by Token Holder']],
  },
  {
    name: 'arbiscan wstETH', url: `https://arbiscan.io/token/${WSTETH_ARBITRUM}`, title: /\(wstETH\) Token Tracker \| arbiscan\.io$/, served: false,
    shows: ['#ContentPlaceHolder1_divSummary', '98,124.10 wstETH'],
    clicks: [['tbody a[href*="?a="]', /\?a=0x/, '#holder-filter', '0.35 wstETH']],
  },
  {
    name: 'etherscan look-alike', url: 'https://etherscan.io/token/0x1111111111111111111111111111111111111111', title: /\(wstETH\) Token Tracker/, served: false,
    shows: ['#ContentPlaceHolder1_divSummary', /Holders\s*3/],
    clicks: [['tbody a[href*="?a="]', /\?a=0x/, '#holder-filter', 'Filtered by Token Holder']],
  },
];

for (const c of SITE_CASES) {
  test(`${c.name}: first render as served, rows re-render, links navigate client-side`, async () => {
    const before = server.requests.length;
    const { page, errors } = await openPage(browser, c.url);
    await expect(page).toHaveTitle(c.title);
    await expect.poll(async () => String((await fixtureState(page)).rendered).length).toBeGreaterThan(200);
    const state = await fixtureState(page);
    if (c.served !== false) expect(state.served).toBe(state.rendered);
    await expect(page.locator(c.shows[0]).first()).toBeAttached();
    if (c.shows[1]) await expect(page.locator(c.shows[0]).first()).toContainText(c.shows[1]);
    await expect.poll(async () => Number((await fixtureState(page)).rerenders), { timeout: 6000 }).toBeGreaterThanOrEqual(2);
    for (const [selector, url, target, text] of c.clicks) {
      await page.locator(selector).first().click();
      await expect(page).toHaveURL(url);
      await expect(page.locator(target).first()).toContainText(text);
    }
    expect((await fixtureState(page)).navigations).toBe(c.clicks.length);
    await expect(page.locator('html')).toHaveAttribute('data-probe', '1'); // same document: no reload
    const served = server.requests.slice(before);
    expect(served.filter((r) => r.status !== 200)).toEqual([]);
    expect(served.every((r) => r.sni === r.host)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
}

test('a given userDataDir survives close() and can be relaunched', async () => {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'stakelens-e2e-keep-'));
  try {
    const first = await launchWithExtension({ extensionPath: extDir, serverPort: server.port, userDataDir: profile });
    const id = first.extensionId;
    await first.close();
    expect((await stat(profile)).isDirectory()).toBe(true);
    const second = await launchWithExtension({ extensionPath: extDir, serverPort: server.port, userDataDir: profile });
    expect(second.extensionId).toBe(id);
    const { page, errors } = await openPage(second, 'https://app.uniswap.org/');
    await expect(page.locator('[data-testid="choose-input-token"]')).toContainText('ETH');
    expect(errors).toEqual([]);
    await second.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
