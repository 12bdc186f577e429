import type { Page } from '@playwright/test';
import { RENDERED_COOKIE } from './harness/server';
import { expect, test, tooltip } from './fixtures';

/*
 * The site adapters on markup the apps' own components rendered (tests/fixtures/rendered/<site>/,
 * made by scripts/fixtures/render.mjs from each app's source at a pinned commit; each folder's
 * README says what was rendered and what was fed). The built extension opens each page at the
 * app's real URL; every token row the rendered data held is checked: an LST/LRT row carries marks
 * of that token only, on the page's chain, matched by the address the row links; any other row
 * carries none, and no mark sits outside the rows.
 */

type Match = 'address' | 'symbol' | 'mismatch';

interface Row {
  /** Selector of the one element that is this token's row (or the region of the page). */
  row: string;
  /** The registry tokens the row shows; none for a row of tokens Stakelens does not know. */
  symbols: string[];
  match?: Match;
  /** The row's own chain, when the page lists several (Balancer's pool list). */
  chain?: number;
}

interface RenderedCase {
  name: string;
  /** The app's repository, as the page's `stakelens-fixture` meta tag names it. */
  repo: string;
  host: string;
  url: string;
  chain: number;
  rows: Row[];
  /** A token whose mark is hovered: its tooltip must carry a peg read. */
  hover?: string;
}

const lst = (row: string, symbols: string | string[], match: Match = 'address'): Row => ({ row, symbols: [symbols].flat(), match });
const other = (row: string): Row => ({ row, symbols: [] });
const curveRow = (n: number) => `tbody > tr:nth-child(${n})`;
/** Balancer's rows are links to the pool (pools-data.mjs numbers the placeholder pool addresses). */
const balancerRow = (chain: string, version: string, n: number) =>
  `a[href="/pools/${chain}/${version}/0x${String(n).padStart(40, 'b')}${version === 'v3' ? '' : '0'.repeat(24)}"]`;


/** Aave's rows are `data-cy="<list>ListItem_<SYMBOL upper-cased>[_…]"` (MarketAssetsListItem, the dashboard's ListItemWrapper rows). */
const aaveRow = (list: string, symbol: string, suffix = '') => `[data-cy="${list}ListItem_${symbol.toUpperCase()}${suffix}"]`;

const CASES: RenderedCase[] = [
  {
    name: 'Aave markets (aave/interface MarketAssetsList)',
    repo: 'aave/interface',
    host: 'app.aave.com',
    url: 'https://app.aave.com/markets/?marketName=proto_mainnet_v3',
    chain: 1,
    rows: [
      ...['wstETH', 'weETH', 'rsETH', 'ezETH', 'cbETH', 'rETH', 'osETH', 'ETHx'].map((s) => lst(aaveRow('marketListItem', s), s)),
      ...['WETH', 'USDC', 'WBTC', 'USDT'].map((s) => other(aaveRow('marketListItem', s))),
    ],
    hover: 'wstETH',
  },
  {
    name: 'Aave dashboard (aave/interface dashboard list items)',
    repo: 'aave/interface',
    host: 'app.aave.com',
    url: 'https://app.aave.com/dashboard/?marketName=proto_mainnet_v3',
    chain: 1,
    rows: [
      lst(aaveRow('dashboardSupplied', 'wstETH', '_NoCollateral'), 'wstETH'),
      lst(aaveRow('dashboardSupplied', 'weETH', '_NoCollateral'), 'weETH'),
      other(aaveRow('dashboardBorrowed', 'WETH')),
      ...['rETH', 'cbETH', 'ezETH', 'rsETH'].map((s) => lst(aaveRow('dashboardSupply', s), s)),
      ...['USDC', 'WBTC'].map((s) => other(aaveRow('dashboardSupply', s))),
      lst(aaveRow('dashboardBorrow', 'wstETH'), 'wstETH'),
      ...['WETH', 'USDC', 'USDT'].map((s) => other(aaveRow('dashboardBorrow', s))),
    ],
    hover: 'weETH',
  },
  {
    name: 'Lido stake (ethereum-staking-widget StakePage + StakeForm)',
    repo: 'lidofinance/ethereum-staking-widget',
    host: 'stake.lido.fi',
    url: 'https://stake.lido.fi/',
    chain: 1,
    // No token row here: the regions that name stETH, and those that must not be marked. The page
    // ties stETH to no address (the statistics' Etherscan link renders only once its API answers).
    rows: [
      lst('main > h4', 'stETH', 'symbol'), // "Stake ETH and receive stETH while staking"
      lst('main > section:first-of-type', 'stETH', 'symbol'), // the FAQ
      lst('[data-testid="youWillReceive"]', 'stETH', 'symbol'),
      lst('[data-testid="exchangeRate"]', 'stETH', 'symbol'),
      other('header'),
      other('[data-testid="legal-disclaimer"]'),
      other('[data-testid="stakeForm"]'),
    ],
    hover: 'stETH',
  },
  {
    name: 'Curve pools (curve-frontend DataTable + PoolTitleCell)',
    repo: 'curvefi/curve-frontend',
    host: 'www.curve.finance',
    url: 'https://www.curve.finance/dex/ethereum/pools/',
    chain: 1,
    rows: [
      lst(curveRow(1), 'stETH'), // ETH/stETH
      lst(curveRow(2), 'weETH'), // weETH/WETH
      lst(curveRow(3), ['rETH', 'wstETH']), // rETH/wstETH: the name for rETH, the second icon for wstETH
      other(curveRow(4)), // DAI/USDC/USDT
      other(curveRow(5)), // USDC/WBTC/ETH
      lst(curveRow(6), 'rETH', 'mismatch'), // ETH/rETH: an rETH at another address
      other('thead'),
    ],
    hover: 'stETH',
  },
  {
    name: 'Balancer pools (frontend-monorepo PoolListTableRow)',
    repo: 'balancer/frontend-monorepo',
    host: 'balancer.fi',
    url: 'https://balancer.fi/pools',
    chain: 1,
    // Each row's TokenIcon is next/image of the token's logoURI, named by its address.
    rows: [
      lst(balancerRow('ethereum', 'v2', 1), 'wstETH'), // wstETH-WETH
      lst(balancerRow('ethereum', 'v3', 2), ['rETH', 'osETH']),
      other(balancerRow('ethereum', 'v2', 3)), // 80BAL-20WETH
      lst(balancerRow('ethereum', 'v2', 4), 'weETH', 'mismatch'), // a weETH at another address
      { ...lst(balancerRow('arbitrum', 'v2', 5), 'wstETH'), chain: 42161 }, // by the row's network icon
    ],
    // No hover: with the app's CSS stripped, next/image "fill" icons (position: absolute; 100% of a
    // parent that is no longer positioned) cover the page, so no mark can be pointed at.
  },
];

interface SeenMark {
  symbol: string;
  chain: number;
  match: Match;
  text: string;
  /** Index in `rows` of the row the mark sits in, or -1. */
  row: number;
}

function marksOn(page: Page, rows: string[]): Promise<SeenMark[]> {
  return page.$$eval(
    '[data-stakelens]',
    (els, rows) =>
      els.map((e) => ({
        symbol: e.getAttribute('data-stakelens')!,
        chain: Number(e.getAttribute('data-stakelens-chain')),
        match: e.getAttribute('data-stakelens-match') as Match,
        text: e.textContent!.trim() || `${e.localName}@${e.getAttribute('alt') ?? e.getAttribute('aria-label') ?? e.getAttribute('title')}`,
        row: rows.findIndex((selector) => e.closest(selector) !== null),
      })),
    rows,
  );
}

test.describe('Stakelens on pages rendered from the apps\u2019 own code', () => {
  for (const site of CASES) {
    test(site.name, async ({ browserWithExtension, openApp }) => {
      await browserWithExtension.context.addCookies([{ ...RENDERED_COOKIE, domain: site.host, path: '/', secure: true }]);
      const page = await openApp(site.url);
      const selectors = site.rows.map((r) => r.row);

      // The page is the rendered one (the hand-built pages use the same test ids), and every row
      // of the rendered data is there, once.
      await expect(page.locator('meta[name="stakelens-fixture"]')).toHaveAttribute('content', new RegExp(`^rendered from ${site.repo}@[0-9a-f]{40}$`));
      for (const { row } of site.rows) await expect(page.locator(row), row).toHaveCount(1);

      // Every LST/LRT row gets its marks.
      const wanted = site.rows.filter((r) => r.symbols.length);
      await expect
        .poll(async () => {
          const marks = await marksOn(page, selectors);
          return wanted.filter((r) => r.symbols.some((symbol) => !marks.some((m) => m.row === selectors.indexOf(r.row) && m.symbol === symbol))).map((r) => r.row);
        }, { message: `${site.name}: rows without their marks` })
        .toEqual([]);

      const marks = await marksOn(page, selectors);
      // No mark outside the token rows (headers, titles, buttons).
      expect(marks.filter((m) => m.row < 0), `${site.name}: marks outside the rows`).toEqual([]);
      for (const [index, { row, symbols, match, chain }] of site.rows.entries()) {
        const inRow = marks.filter((m) => m.row === index);
        // The row's tokens and only those, each on the page's chain, matched as the row's links say;
        // a row of tokens Stakelens does not know has no mark.
        expect([...new Set(inRow.map((m) => m.symbol))].sort(), row).toEqual([...symbols].sort());
        for (const mark of inRow) expect({ chain: mark.chain, match: mark.match }, `${row}: ${mark.text}`).toEqual({ chain: chain ?? site.chain, match });
      }

      // Hovering a mark opens its tooltip with a peg read from the chain (a visible one: some sit in
      // hidden popovers).
      if (!site.hover) return;
      await page.locator(`[data-stakelens="${site.hover}"][data-stakelens-chain="${site.chain}"] >> visible=true`).first().hover();
      const tip = tooltip(page, site.hover);
      await expect(tip, `${site.name}: tooltip`).toBeVisible();
      await expect(tip.locator('[data-section="peg"]'), `${site.name}: peg`).toHaveAttribute('data-age-s', /^\d+$/);
    });
  }
});
