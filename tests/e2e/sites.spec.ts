import type { Page } from '@playwright/test';
import { expect, test, tooltip } from './fixtures';

/*
 * The site adapters beyond Aave and Uniswap, for real: each hand-built fixture page opened at its
 * app's real URL with the built extension. The marks expected are the adapter tests' own
 * (tests/unit/sites-adapters.test.ts), checked as a set: the apps re-render, so counts may differ.
 */

type Match = 'address' | 'symbol' | 'mismatch';
/** [text of the marked element ("img@<alt>" for an icon), symbol, chain, match], as in the adapter tests. */
type Mark = [string, string, number, Match];

interface SiteCase {
  name: string;
  url: string;
  /** Every one appears on the page, and no other [symbol, chain, match] does (unless `onlyChain`). */
  marks: Mark[];
  /** Only the listed marks are checked by text; every other mark must be on this chain and real. */
  onlyChain?: number;
  /** Elements (selector) with exactly this text that must stay unmarked. */
  nonMarks?: { selector: string; texts: string[] };
  /** Selectors of elements that must stay unmarked. */
  unmarked?: string[];
  /** Text of the look-alike on the page, marked as a mismatch. */
  lookAlike?: string;
  /** A real mark to hover: its tooltip must carry a peg read. */
  hover: { symbol: string; chain: number; match: Exclude<Match, 'mismatch'> };
}

const WSTETH = '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0';
const WSTETH_ARBITRUM = '0x5979D7b546E38E414F7E9822514be443A4800529';
const FAKE = '0x1111111111111111111111111111111111111111';

const pendleMarks: Mark[] = (['weETH', 'rsETH', 'ezETH', 'wstETH'] as const)
  .flatMap((s): Mark[] => [[s, s, 1, 'symbol'], [`PT-${s}`, s, 1, 'symbol'], [`YT-${s}`, s, 1, 'symbol']])
  .concat([
    ['YT-rsETH-26JUN2025', 'rsETH', 1, 'symbol'],
    ['PT-weETH-26JUN2025', 'weETH', 1, 'symbol'],
  ]);

const etherscanMarks = (header: Match): Mark[] => [
  ['(wstETH)', 'wstETH', 1, header],
  ['Restake with ether.fi and hold weETH', 'weETH', 1, 'symbol'],
  ['3,386,016.65 wstETH', 'wstETH', 1, header],
  ['Curve.fi: stETH Pool', 'stETH', 1, 'symbol'],
  ['Aave: aEthwstETH Token', 'wstETH', 1, 'symbol'],
];
const etherscanNonMarks = { selector: 'div, footer', texts: ['$4,121.50 @ 1.2075 ETH', 'Powered by Ethereum. Fixture page for automated tests; figures are made up.'] };

const CASES: SiteCase[] = [
  {
    name: 'Uniswap position (Arbitrum)',
    url: 'https://app.uniswap.org/positions/v3/arbitrum/12345',
    marks: [
      ['wstETH / WETH', 'wstETH', 42161, 'address'],
      ['wstETH', 'wstETH', 42161, 'address'],
    ],
    nonMarks: { selector: 'span', texts: ['WETH', 'In range'] },
    hover: { symbol: 'wstETH', chain: 42161, match: 'address' },
  },
  {
    name: 'Curve pools',
    url: 'https://www.curve.finance/dex/ethereum/pools',
    marks: [
      ['ETH/stETH', 'stETH', 1, 'address'],
      ['img@stETH', 'stETH', 1, 'address'], // "stETH-ng" names the pool: its icon carries the mark
      ['ETH/frxETH', 'frxETH', 1, 'address'],
      ['weETH/WETH', 'weETH', 1, 'address'],
      ['img@wstETH', 'wstETH', 1, 'address'], // the second token of "rETH/wstETH"
      ['rETH/wstETH', 'rETH', 1, 'address'],
      ['ETH/rETH', 'rETH', 1, 'mismatch'], // StaFi's rETH
    ],
    nonMarks: { selector: 'button, a, span', texts: ['ETH', 'DAI/USDC/USDT', 'Ethereum'] },
    lookAlike: 'ETH/rETH',
    hover: { symbol: 'stETH', chain: 1, match: 'address' },
  },
  {
    name: 'Balancer pools',
    url: 'https://balancer.fi/pools',
    marks: [
      ['wstETH', 'wstETH', 1, 'address'],
      ['rETH', 'rETH', 1, 'address'],
      ['osETH', 'osETH', 1, 'address'],
      ['weETH', 'weETH', 1, 'mismatch'],
      ['wstETH', 'wstETH', 42161, 'address'], // the Arbitrum row, by its network icon
    ],
    nonMarks: { selector: 'p, button', texts: ['WETH', 'USDC', 'BAL', 'Ethereum'] },
    lookAlike: 'weETH',
    hover: { symbol: 'wstETH', chain: 1, match: 'address' },
  },
  {
    name: 'Morpho borrow',
    url: 'https://app.morpho.org/ethereum/borrow',
    marks: [
      ['wstETH', 'wstETH', 1, 'symbol'],
      ['weETH', 'weETH', 1, 'symbol'],
      ['ezETH', 'ezETH', 1, 'symbol'],
      ['rsETH', 'rsETH', 1, 'symbol'],
      ['w\u0435ETH', 'weETH', 1, 'mismatch'],
    ],
    nonMarks: { selector: 'span, a', texts: ['WETH', 'USDC', 'WBTC', 'Ethereum'] },
    lookAlike: 'w\u0435ETH',
    hover: { symbol: 'ezETH', chain: 1, match: 'symbol' },
  },
  {
    name: 'Pendle markets',
    url: 'https://app.pendle.finance/trade/markets?chain=ethereum',
    marks: pendleMarks,
    // weETHs (and its PT) is the page's look-alike of weETH: another token, never marked.
    nonMarks: { selector: 'div, span', texts: ['weETHs', 'PT-weETHs', 'sUSDe', 'Ethereum'] },
    hover: { symbol: 'rsETH', chain: 1, match: 'symbol' },
  },
  {
    name: 'Lido stake',
    url: 'https://stake.lido.fi/',
    marks: [
      ['Stake ETH and receive stETH while staking', 'stETH', 1, 'symbol'],
      ['1.2\u00a0stETH', 'stETH', 1, 'symbol'],
      ['0\u00a0stETH', 'stETH', 1, 'symbol'],
      ['1 ETH = 1 stETH', 'stETH', 1, 'symbol'],
      ['stETH market cap', 'stETH', 1, 'symbol'],
      ['What is stETH?', 'stETH', 1, 'symbol'],
      ['stETH is a token that represents staked ether in Lido.', 'stETH', 1, 'symbol'],
      ['Tokens such as “wѕtETH” (with a Cyrillic letter) are not issued by Lido.', 'wstETH', 1, 'mismatch'],
    ],
    unmarked: ['[data-testid="ethBalance"]'],
    lookAlike: 'Tokens such as “wѕtETH” (with a Cyrillic letter) are not issued by Lido.',
    hover: { symbol: 'stETH', chain: 1, match: 'symbol' },
  },
  {
    name: 'Lido wrap',
    url: 'https://stake.lido.fi/wrap',
    marks: [
      ['1 stETH = 0.8512\u00a0wstETH', 'stETH', 1, 'symbol'],
      ['0.8512\u00a0wstETH', 'wstETH', 1, 'symbol'],
    ],
    hover: { symbol: 'wstETH', chain: 1, match: 'symbol' },
  },
  {
    name: 'ether.fi',
    url: 'https://app.ether.fi/',
    marks: [
      ['eETH', 'eETH', 1, 'symbol'],
      ['1 ETH = 1 eETH', 'eETH', 1, 'symbol'],
      ['weETH', 'weETH', 1, 'symbol'],
      ['eETH ↗', 'eETH', 1, 'address'],
      ['weETH ↗', 'weETH', 1, 'address'],
    ],
    // weETHs and liquidETH are ether.fi's own look-alike names of weETH/eETH: never marked.
    nonMarks: { selector: 'div, span, button', texts: ['weETHs', 'liquidETH', 'USDC', 'Ethereum'] },
    hover: { symbol: 'weETH', chain: 1, match: 'address' },
  },
  {
    name: 'Renzo restake',
    url: 'https://app.renzoprotocol.com/restake',
    marks: [
      ['stETH', 'stETH', 1, 'symbol'],
      ['0 ezETH', 'ezETH', 1, 'symbol'],
      ['1 ezETH = 1.0321 ETH', 'ezETH', 1, 'symbol'],
      ['ezETH', 'ezETH', 1, 'symbol'],
      ['\u0435zETH', 'ezETH', 1, 'mismatch'],
      ['ezETH', 'ezETH', 1, 'address'],
    ],
    nonMarks: { selector: 'td, button, li', texts: ['pzETH', 'ETH', 'USDC'] },
    lookAlike: '\u0435zETH',
    hover: { symbol: 'ezETH', chain: 1, match: 'address' },
  },
  {
    name: 'Kelp restake',
    url: 'https://kelpdao.xyz/restake/',
    marks: [
      ['ETHx', 'ETHx', 1, 'symbol'],
      ['stETH', 'stETH', 1, 'symbol'],
      ['0 rsETH', 'rsETH', 1, 'symbol'],
      ['1 rsETH = 1.0425 ETH', 'rsETH', 1, 'symbol'],
      ['rsETH', 'rsETH', 1, 'symbol'],
      ['rsETH', 'rsETH', 1, 'address'],
      ['rsETH', 'rsETH', 1, 'mismatch'], // the unofficial copy at another address
    ],
    lookAlike: 'rsETH',
    hover: { symbol: 'rsETH', chain: 1, match: 'address' },
  },
  {
    name: 'EigenLayer restake',
    url: 'https://app.eigenlayer.xyz/restake',
    marks: [
      ['stETH', 'stETH', 1, 'symbol'],
      ['rETH', 'rETH', 1, 'symbol'],
      ['cbETH', 'cbETH', 1, 'symbol'],
      ['ETHx', 'ETHx', 1, 'symbol'],
      ['osETH', 'osETH', 1, 'symbol'],
      ['\u0455wETH', 'swETH', 1, 'mismatch'],
    ],
    nonMarks: { selector: 'span, p', texts: ['wBETH', 'EIGEN', 'Beacon Chain ETH'] },
    lookAlike: '\u0455wETH',
    hover: { symbol: 'cbETH', chain: 1, match: 'symbol' },
  },
  {
    name: 'EigenLayer token page',
    url: 'https://app.eigenlayer.xyz/restake/stETH',
    marks: [
      ['stETH', 'stETH', 1, 'symbol'],
      ['stETH', 'stETH', 1, 'address'],
      ['stETH strategy', 'stETH', 1, 'symbol'],
    ],
    hover: { symbol: 'stETH', chain: 1, match: 'address' },
  },
  {
    name: 'Etherscan wstETH token page',
    url: `https://etherscan.io/token/${WSTETH}`,
    marks: etherscanMarks('address'),
    nonMarks: etherscanNonMarks,
    hover: { symbol: 'wstETH', chain: 1, match: 'address' },
  },
  {
    name: 'Etherscan look-alike token page',
    url: `https://etherscan.io/token/${FAKE}`,
    // The served HTML (what the adapter test scans) is the wstETH page; the app then renders the
    // unknown address's own made-up data: the supply reads 1,000,000,000 and the price $0.00.
    marks: etherscanMarks('mismatch').map(([text, ...rest]): Mark => [text === '3,386,016.65 wstETH' ? '1,000,000,000 wstETH' : text, ...rest]),
    nonMarks: { ...etherscanNonMarks, texts: ['$0.00', etherscanNonMarks.texts[1]!] },
    lookAlike: '(wstETH)',
    hover: { symbol: 'weETH', chain: 1, match: 'symbol' },
  },
  {
    name: 'Arbiscan wstETH token page (L2)',
    url: `https://arbiscan.io/token/${WSTETH_ARBITRUM}`,
    // The adapter test checks only the header here; the rest of the page follows the host's chain.
    marks: [['(wstETH)', 'wstETH', 42161, 'address']],
    onlyChain: 42161,
    hover: { symbol: 'wstETH', chain: 42161, match: 'address' },
  },
];

const key = ([, symbol, chain, match]: Mark) => `${symbol} ${chain} ${match}`;

function marksOn(page: Page): Promise<Mark[]> {
  return page.$$eval('[data-stakelens]', (els) =>
    els.map((e) => [e.textContent!.trim() || `${e.localName}@${e.getAttribute('alt') ?? e.getAttribute('aria-label') ?? e.getAttribute('title')}`, e.getAttribute('data-stakelens')!, Number(e.getAttribute('data-stakelens-chain')), e.getAttribute('data-stakelens-match')! as Match] as Mark),
  );
}

function rerenders(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __fixture: { rerenders: number } }).__fixture.rerenders);
}

test.describe('Stakelens on the other sites', () => {
  for (const site of CASES) {
    test(site.name, async ({ openApp }) => {
      const page = await openApp(site.url);

      // Every expected mark (text, symbol, chain, match) is on the page once the app has rendered.
      const wanted = [...new Set(site.marks.map((m) => JSON.stringify(m)))].sort();
      await expect
        .poll(async () => {
          const found = new Set((await marksOn(page)).map((m) => JSON.stringify(m)));
          return wanted.filter((m) => found.has(m));
        }, { message: `${site.name}: expected marks` })
        .toEqual(wanted);
      const before = await rerenders(page);

      // No [symbol, chain, match] beyond the expected ones. The apps re-render on timers: the marks
      // are read at a moment every expected one is there (not between a re-render and its scan).
      let marks: Mark[] = [];
      await expect
        .poll(async () => {
          marks = await marksOn(page);
          const found = new Set(marks.map((m) => JSON.stringify(m)));
          return wanted.every((m) => found.has(m));
        })
        .toBe(true);
      if (site.onlyChain === undefined) {
        expect([...new Set(marks.map(key))].sort(), `${site.name}: marked kinds`).toEqual([...new Set(site.marks.map(key))].sort());
      } else {
        expect(marks.filter(([, , chain, match]) => chain !== site.onlyChain || match === 'mismatch'), site.name).toEqual([]);
      }

      if (site.lookAlike) {
        expect(marks.filter(([text, , , match]) => text === site.lookAlike && match === 'mismatch').length, `${site.name}: look-alike`).toBeGreaterThan(0);
      } else {
        expect(marks.filter(([, , , match]) => match === 'mismatch'), `${site.name}: no look-alike`).toEqual([]);
      }

      if (site.nonMarks) {
        const { selector, texts } = site.nonMarks;
        const seen = await page.$$eval(
          selector,
          (els, texts) => els.filter((e) => texts.includes(e.textContent!.trim())).map((e) => [e.textContent!.trim(), e.hasAttribute('data-stakelens')] as [string, boolean]),
          texts,
        );
        // Each listed text is on the page, and never on a marked element.
        expect([...new Set(seen.map(([text]) => text))].sort(), `${site.name}: non-mark texts present`).toEqual([...texts].sort());
        expect(seen.filter(([, marked]) => marked), `${site.name}: non-marks`).toEqual([]);
        expect(marks.filter(([text]) => texts.includes(text)), `${site.name}: non-marks`).toEqual([]);
      }
      for (const selector of site.unmarked ?? []) {
        await expect(page.locator(selector).first()).toBeVisible();
        await expect(page.locator(selector).first()).not.toHaveAttribute('data-stakelens', /.*/);
      }

      // Hovering a real mark opens its tooltip with a peg read from the chain.
      const { symbol, chain, match } = site.hover;
      await page.locator(`[data-stakelens="${symbol}"][data-stakelens-chain="${chain}"][data-stakelens-match="${match}"]`).first().hover();
      const tip = tooltip(page, symbol);
      await expect(tip, `${site.name}: tooltip`).toBeVisible();
      await expect(tip.locator('[data-section="peg"]'), `${site.name}: peg`).toHaveAttribute('data-age-s', /^\d+$/);

      // The app's own scripts keep running (the fixture fails the test on any page error).
      await expect.poll(() => rerenders(page), { message: `${site.name}: re-renders` }).toBeGreaterThan(before);
    });
  }
});
