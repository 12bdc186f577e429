// @vitest-environment happy-dom
// The site adapters on pages rendered from the apps' own components (tests/fixtures/rendered/<site>/,
// scripts/fixtures/render.mjs; each folder's README names the repository and commit). Every token
// row of the rendered data: an LST/LRT row is marked for that token only, on the page's chain, with
// the match the row's links give; any other row is not marked; nothing outside the rows is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MARK } from '../../lib/scan/marks';
import { createMatcher } from '../../lib/scan/matcher';
import { startScanner } from '../../lib/scan/scanner';
import { aave } from '../../lib/sites/aave';
import { balancer } from '../../lib/sites/balancer';
import { curve } from '../../lib/sites/curve';
import { lido } from '../../lib/sites/lido';
import type { SiteAdapter } from '../../lib/sites/index';
import { registry } from '../../lib/tokens/registry';

const RENDERED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/rendered');
const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
const settle = () => new Promise((r) => setTimeout(r, 200));

let controller: AbortController | null = null;
afterEach(() => {
  controller?.abort();
  controller = null;
  document.body.innerHTML = '';
});

function load(file: string, url: string): void {
  const html = readFileSync(path.join(RENDERED, file), 'utf8');
  setUrl(url);
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1]!;
}

interface Mark {
  symbol: string;
  chain: number;
  match: string;
  /** Index of the row (in the case's list) the mark sits in, or -1. */
  row: number;
}

async function scan(site: SiteAdapter, rows: string[]): Promise<Mark[]> {
  controller = new AbortController();
  startScanner({
    root: document.body,
    matcher: createMatcher(registry),
    site,
    chainId: () => site.chainFromUrl(new URL(location.href)),
    signal: controller.signal,
    onChange: () => {},
  });
  // Scans run in animation-frame passes with a time budget: wait until the marks stop changing.
  let count = -1;
  for (let tries = 0; tries < 20; tries++) {
    await settle();
    const now = document.querySelectorAll(`[${MARK.symbol}]`).length;
    if (now === count) break;
    count = now;
  }
  return [...document.querySelectorAll(`[${MARK.symbol}]`)].map((el) => ({
    symbol: el.getAttribute(MARK.symbol)!,
    chain: Number(el.getAttribute(MARK.chain)),
    match: el.getAttribute(MARK.match)!,
    row: rows.findIndex((selector) => el.closest(selector) !== null),
  }));
}

/** A token row: its selector, the registry symbols it shows (none: tokens Stakelens does not know), how they match. */
interface Row {
  row: string;
  symbols: string[];
  match?: string;
  /** The row's own chain, when the page lists several (Balancer's pool list). */
  chain?: number;
}
const lst = (row: string, symbols: string | string[], match = 'address'): Row => ({ row, symbols: [symbols].flat(), match });
const other = (row: string): Row => ({ row, symbols: [] });

interface Case {
  name: string;
  site: SiteAdapter;
  file: string;
  url: string;
  chain: number;
  rows: Row[];
}

const aaveRow = (list: string, symbol: string, suffix = '') => `[data-cy="${list}ListItem_${symbol.toUpperCase()}${suffix}"]`;
const aaveRows = (list: string, symbols: string[], known: boolean, suffix = ''): Row[] =>
  symbols.map((s) => (known ? lst(aaveRow(list, s, suffix), s) : other(aaveRow(list, s, suffix))));
const curveRow = (n: number) => `tbody > tr:nth-child(${n})`;
const balancerRow = (chain: string, version: string, n: number) =>
  `a[href="/pools/${chain}/${version}/0x${String(n).padStart(40, 'b')}${version === 'v3' ? '' : '0'.repeat(24)}"]`;


const CASES: Case[] = [
  {
    name: 'Aave markets (MarketAssetsList)',
    site: aave,
    file: 'aave/markets.html',
    url: 'https://app.aave.com/markets/?marketName=proto_mainnet_v3',
    chain: 1,
    // The rows are no links; the "Details" button's reserve-overview href carries the address.
    rows: [
      ...aaveRows('marketListItem', ['wstETH', 'weETH', 'rsETH', 'ezETH', 'cbETH', 'rETH', 'osETH', 'ETHx'], true),
      ...aaveRows('marketListItem', ['WETH', 'USDC', 'WBTC', 'USDT'], false),
    ],
  },
  {
    name: 'Aave dashboard (list items)',
    site: aave,
    file: 'aave/dashboard.html',
    url: 'https://app.aave.com/dashboard/?marketName=proto_mainnet_v3',
    chain: 1,
    rows: [
      ...aaveRows('dashboardSupplied', ['wstETH', 'weETH'], true, '_NoCollateral'),
      ...aaveRows('dashboardBorrowed', ['WETH'], false),
      ...aaveRows('dashboardSupply', ['rETH', 'cbETH', 'ezETH', 'rsETH'], true),
      ...aaveRows('dashboardSupply', ['USDC', 'WBTC'], false),
      ...aaveRows('dashboardBorrow', ['wstETH'], true),
      ...aaveRows('dashboardBorrow', ['WETH', 'USDC', 'USDT'], false),
    ],
  },
  {
    name: 'Lido stake (StakePage, StakeForm)',
    site: lido,
    file: 'lido/stake.html',
    url: 'https://stake.lido.fi/',
    chain: 1,
    // Nothing on this page ties stETH to an address.
    rows: [
      lst('main > h4', 'stETH', 'symbol'),
      lst('main > section:first-of-type', 'stETH', 'symbol'), // the FAQ
      lst('[data-testid="youWillReceive"]', 'stETH', 'symbol'),
      lst('[data-testid="exchangeRate"]', 'stETH', 'symbol'),
      other('header'),
      other('[data-testid="legal-disclaimer"]'),
      other('[data-testid="stakeForm"]'),
    ],
  },
  {
    name: 'Curve pools (DataTable, PoolTitleCell)',
    site: curve,
    file: 'curve/pools.html',
    url: 'https://www.curve.finance/dex/ethereum/pools/',
    chain: 1,
    // Each row's TokenIcon src (curve-assets, named by the token's address) is its address.
    rows: [
      lst(curveRow(1), 'stETH'), // ETH/stETH
      lst(curveRow(2), 'weETH'), // weETH/WETH
      lst(curveRow(3), ['rETH', 'wstETH']), // rETH/wstETH: the name for rETH, the second icon for wstETH
      other(curveRow(4)), // DAI/USDC/USDT
      other(curveRow(5)), // USDC/WBTC/ETH
      lst(curveRow(6), 'rETH', 'mismatch'), // ETH/rETH, an rETH at another address
      other('thead'),
    ],
  },
  {
    name: 'Balancer pools (PoolListTableRow)',
    site: balancer,
    file: 'balancer/pools.html',
    url: 'https://balancer.fi/pools',
    chain: 1,
    // TokenIcon: next/image of the logoURI (named by the address); NetworkIcon names each row's chain.
    rows: [
      lst(balancerRow('ethereum', 'v2', 1), 'wstETH'),
      lst(balancerRow('ethereum', 'v3', 2), ['rETH', 'osETH']),
      other(balancerRow('ethereum', 'v2', 3)), // 80BAL-20WETH
      lst(balancerRow('ethereum', 'v2', 4), 'weETH', 'mismatch'), // a weETH at another address
      { ...lst(balancerRow('arbitrum', 'v2', 5), 'wstETH'), chain: 42161 },
    ],
  },
];

describe('adapters on rendered app markup', () => {
  it.each(CASES)('$name', async ({ site, file, url, chain, rows }) => {
    load(file, url);
    const selectors = rows.map((r) => r.row);
    for (const row of selectors) expect(document.querySelectorAll(row).length, row).toBe(1);
    const marks = await scan(site, selectors);
    expect(marks.filter((m) => m.row < 0), 'marks outside the token rows').toEqual([]);
    for (const [index, { row, symbols, match, chain: rowChain }] of rows.entries()) {
      const inRow = marks.filter((m) => m.row === index);
      // Each listed token is marked in its row, and every mark there is one of them, on the page's chain.
      expect([...new Set(inRow.map((m) => m.symbol))].sort(), row).toEqual([...symbols].sort());
      for (const mark of inRow) expect({ chain: mark.chain, match: mark.match }, `${row}: ${mark.symbol}`).toEqual({ chain: rowChain ?? chain, match });
    }
  });
});
