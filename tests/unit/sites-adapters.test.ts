// @vitest-environment happy-dom
// The site adapters beyond Aave and Uniswap: chains from URLs, the addresses they tie to a symbol,
// and a scan of each hand-built fixture page (tests/fixtures/sites/<site>/*.html, whose <main>
// holds the first render, so no fixture script runs here).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MARK } from '../../lib/scan/marks';
import { createMatcher } from '../../lib/scan/matcher';
import { startScanner } from '../../lib/scan/scanner';
import { balancer } from '../../lib/sites/balancer';
import { spellsSymbolBare } from '../../lib/sites/common';
import { curve } from '../../lib/sites/curve';
import { eigenlayer } from '../../lib/sites/eigenlayer';
import { etherfi } from '../../lib/sites/etherfi';
import { explorers } from '../../lib/sites/explorers';
import { generic } from '../../lib/sites/generic';
import { CONTENT_MATCHES, SITES, siteForHost, type SiteAdapter } from '../../lib/sites/index';
import { SITE_HOSTS } from '../../lib/sites/hosts';
import { kelp } from '../../lib/sites/kelp';
import { lido } from '../../lib/sites/lido';
import { morpho } from '../../lib/sites/morpho';
import { pendle } from '../../lib/sites/pendle';
import { renzo } from '../../lib/sites/renzo';
import { registry } from '../../lib/tokens/registry';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/sites');
const STETH = '0xae7ab96520de3a18e5e111b5eaab095312d7fe84';
const WSTETH = '0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0';
const WSTETH_ARBITRUM = '0x5979d7b546e38e414f7e9822514be443a4800529';
const WEETH = '0xcd5fe23c85820f7b72d0926fc9b05b43e359b7ee';
const RSETH = '0xa1290d69c65a6fe4df752f95823fae25cb99e5a7';
const FAKE = '0x1111111111111111111111111111111111111111';

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
const chain = (site: SiteAdapter, url: string) => site.chainFromUrl(new URL(url));
// Scans run in animation-frame passes; a loaded machine needs a margin.
const settle = () => new Promise((r) => setTimeout(r, 200));

let controller: AbortController | null = null;
afterEach(() => {
  controller?.abort();
  controller = null;
  document.body.innerHTML = '';
});

/** The fixture page's body (scripts left out) at `url`, as the browser would have it before app.js runs. */
function load(dir: string, file: string, url: string): string {
  const html = readFileSync(path.join(FIXTURES, dir, file), 'utf8');
  setUrl(url);
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/<script[\s\S]*?<\/script>/g, '');
  return html;
}

/** Scans the page with the site's adapter; every mark as [text, symbol, chain, match]; an icon's text is "img@<alt>". */
async function scan(site: SiteAdapter): Promise<[string, string, number, string][]> {
  controller = new AbortController();
  startScanner({
    root: document.body,
    matcher: createMatcher(registry),
    site,
    chainId: () => site.chainFromUrl(new URL(location.href)),
    signal: controller.signal,
    onChange: () => {},
  });
  await settle();
  return [...document.querySelectorAll(`[${MARK.symbol}]`)].map((el) => [
    el.textContent!.trim() || `${el.localName}@${el.getAttribute('alt') ?? el.getAttribute('aria-label') ?? el.getAttribute('title')}`,
    el.getAttribute(MARK.symbol)!,
    Number(el.getAttribute(MARK.chain)),
    el.getAttribute(MARK.match)!,
  ]);
}

const byText = (selector: string, text: string) => [...document.querySelectorAll(selector)].find((el) => el.textContent!.trim() === text)!;

describe('chainFromUrl', () => {
  it.each([
    ['https://www.curve.finance/dex/ethereum/pools', 1],
    ['https://www.curve.finance/dex/ethereum/pools/steth/deposit', 1],
    ['https://www.curve.finance/dex/arbitrum/pools/factory-stable-ng-15/deposit', 42161],
    ['https://www.curve.finance/lend/base/markets/0x1234/create', 8453],
    ['https://www.curve.finance/dex/optimism/swap', 10],
    ['https://www.curve.finance/crvusd/ethereum/markets', 1],
    ['https://www.curve.finance/dex/polygon/pools', null],
    ['https://curve.fi/#/ethereum/pools/steth/deposit', 1],
    ['https://curve.fi/#/arbitrum/swap', 42161],
    ['https://curve.fi/#/fantom/pools', null],
    ['https://www.curve.finance/', 1],
  ])('curve %s → %s', (url, id) => expect(chain(curve, url)).toBe(id));

  it.each([
    ['https://balancer.fi/pools/ethereum/v2/0x93d199263632a4ef4bb438f1feb99e57b4b5f0bd0000000000000000000005c2', 1],
    ['https://balancer.fi/pools/arbitrum/v2/0x9791d590788598535278552eecd4b211bfc790cb000000000000000000000498', 42161],
    ['https://balancer.fi/pools/base/v3/0x1234567890123456789012345678901234567890/add-liquidity', 8453],
    ['https://balancer.fi/swap/optimism', 10],
    ['https://balancer.fi/pools/gnosis/v2/0xabc', null],
    ['https://balancer.fi/pools', 1],
    ['https://balancer.fi/pools/cow', 1],
    ['https://balancer.fi/pools?networks=BASE', 8453],
    ['https://balancer.fi/pools?networks=MAINNET,ARBITRUM', 1],
    ['https://balancer.fi/pools?networks=ARBITRUM,BASE', null],
    ['https://balancer.fi/pools?networks=SONIC', null],
    ['https://app.balancer.fi/#/ethereum', 1],
  ])('balancer %s → %s', (url, id) => expect(chain(balancer, url)).toBe(id));

  it.each([
    ['https://app.morpho.org/ethereum/earn', 1],
    ['https://app.morpho.org/base/market/0xabc/wsteth-weth', 8453],
    ['https://app.morpho.org/arbitrum/vault/0x1234567890123456789012345678901234567890/gauntlet', 42161],
    ['https://app.morpho.org/polygon/borrow', null],
    ['https://app.morpho.org/market?id=0xabc&network=base', 8453],
    ['https://app.morpho.org/earn?network=mainnet', 1],
    ['https://app.morpho.org/earn?network=unichain', null],
    ['https://app.morpho.org/', 1],
  ])('morpho %s → %s', (url, id) => expect(chain(morpho, url)).toBe(id));

  it.each([
    ['https://app.pendle.finance/trade/markets?chain=ethereum', 1],
    ['https://app.pendle.finance/trade/markets/0x1234567890123456789012345678901234567890/swap?view=pt&chain=arbitrum', 42161],
    ['https://app.pendle.finance/trade/pools?chain=base', 8453],
    ['https://app.pendle.finance/trade/markets?chain=optimism', 10],
    ['https://app.pendle.finance/trade/markets?chain=bnbchain', null],
    ['https://app.pendle.finance/trade/markets', 1],
  ])('pendle %s → %s', (url, id) => expect(chain(pendle, url)).toBe(id));

  it('the staking apps are mainnet on every page', () => {
    for (const [site, url] of [[lido, 'https://stake.lido.fi/wrap/unwrap'], [etherfi, 'https://app.ether.fi/portfolio'], [renzo, 'https://app.renzoprotocol.com/restake'], [kelp, 'https://www.kelpdao.xyz/restake/'], [eigenlayer, 'https://app.eigenlayer.xyz/restake/stETH']] as const) {
      expect(chain(site, url)).toBe(1);
    }
  });

  it.each([
    [`https://etherscan.io/token/${WSTETH}`, 1],
    [`https://arbiscan.io/token/${WSTETH_ARBITRUM}?a=${FAKE}`, 42161],
    ['https://basescan.org/address/0x4200000000000000000000000000000000000006', 8453],
    ['https://optimistic.etherscan.io/tx/0x12', 10],
    ['https://sepolia.etherscan.io/token/0x12', null],
  ])('explorers %s → %s', (url, id) => expect(chain(explorers, url)).toBe(id));
});

describe('Curve', () => {
  it('marks pool titles by the icons beside them: token addresses, never the pool address', async () => {
    const html = load('curve', 'pools.html', 'https://www.curve.finance/dex/ethereum/pools');
    expect(html).toContain('HAND-BUILT FIXTURE');
    expect(await scan(curve)).toEqual([
      ['ETH/stETH', 'stETH', 1, 'address'],
      // "stETH-ng" is a pool's name, one identifier: its stETH icon carries the mark
      ['img@stETH', 'stETH', 1, 'address'],
      ['ETH/frxETH', 'frxETH', 1, 'address'],
      ['weETH/WETH', 'weETH', 1, 'address'],
      // the title marks its first token; the second is marked on its icon
      ['img@wstETH', 'wstETH', 1, 'address'],
      ['rETH/wstETH', 'rETH', 1, 'address'],
      ['ETH/rETH', 'rETH', 1, 'mismatch'], // StaFi's rETH: same symbol, another token
    ]);
    const title = document.querySelector('[data-testid="market-link-0xDC24316b9AE028F1497c275EB9192a3Ea0f67022"]')!;
    expect(curve.addressesNear(title)).toEqual(['0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', STETH]);
    // ETH, WETH, USDC, "Ethereum": no marks
    for (const text of ['ETH', 'DAI/USDC/USDT', 'Ethereum', 'stETH-ng']) expect(byText('button, a, span', text).hasAttribute(MARK.symbol)).toBe(false);
  });

  it('takes no address from another network’s icon folder', async () => {
    load('curve', 'pools.html', 'https://www.curve.finance/dex/arbitrum/pools');
    const marks = await scan(curve);
    expect(marks.map(([, , id, match]) => [id, match])).toEqual(Array(7).fill([42161, 'symbol']));
  });

  it('reads a pool composition row (icon without alt, address shortened in text)', () => {
    setUrl('https://www.curve.finance/dex/ethereum/pools/steth/deposit');
    document.body.innerHTML = `<table><tr><td><div class="token-info"><img data-testid="token-icon-${STETH}" alt="" src="https://cdn.jsdelivr.net/gh/curvefi/curve-assets/images/assets/${STETH}.png">
      <div><p id="t">stETH</p><p><span>0xae7a…fE84</span></p></div></div></td></tr></table>`;
    expect(curve.addressesNear(document.getElementById('t')!)).toEqual([STETH]);
  });
});

describe('any other site (generic adapter)', () => {
  it('marks symbols, names and icons once per row; an explorer token link checks the address; pool shares and ETH are not tokens', async () => {
    const html = load('other', 'index.html', 'https://portfolio.example/');
    expect(html).toContain('HAND-BUILT FIXTURE');
    expect(await scan(generic)).toEqual([
      ['rETH', 'rETH', 1, 'symbol'],
      ['Renzo Restaked ETH', 'ezETH', 1, 'symbol'],
      ['img@cbETH', 'cbETH', 1, 'symbol'],
      ['wstETH', 'wstETH', 1, 'address'],
      ['w\u0435ETH', 'weETH', 1, 'mismatch'],
    ]);
    for (const text of ['wstETH-WETH-BPT', 'ETH', 'Ethereum']) expect(byText('span', text).hasAttribute(MARK.symbol)).toBe(false);
  });

  it('on a page of another chain, judges the explorer link against that chain', async () => {
    load('other', 'index.html', 'https://portfolio.example/?chain=arbitrum');
    const marks = await scan(generic);
    // The link goes to etherscan.io (Ethereum), not this page's chain: it says nothing here.
    expect(marks.find(([text]) => text === 'wstETH')).toEqual(['wstETH', 'wstETH', 42161, 'symbol']);
  });
});

describe('Balancer', () => {
  const POOL_LIST = [
    ['wstETH', 'wstETH', 1, 'address'],
    ['rETH', 'rETH', 1, 'address'],
    ['osETH', 'osETH', 1, 'address'], // a v3 row: its link is the pool's address, never read
    ['weETH', 'weETH', 1, 'mismatch'], // made-up "weETH"
    ['wstETH', 'wstETH', 42161, 'address'], // the Arbitrum row, by its network icon
  ];

  it('marks token pills by their logos; a row on another chain is judged on that chain', async () => {
    const html = load('balancer', 'pools.html', 'https://balancer.fi/pools');
    expect(html).toContain('HAND-BUILT FIXTURE');
    expect(await scan(balancer)).toEqual(POOL_LIST);
    for (const text of ['WETH', 'USDC', 'BAL', 'Ethereum']) expect(byText('p, button', text).hasAttribute(MARK.symbol)).toBe(false);
    const arbitrum = document.querySelector('a[href^="/pools/arbitrum/"] .pill-symbol')!;
    expect(balancer.chainNear!(arbitrum)).toBe(42161);
    expect(balancer.addressesNear(arbitrum)).toEqual([WSTETH_ARBITRUM]);
    expect(balancer.chainNear!(document.querySelector('.pill-symbol')!)).toBe(1);
  });

  it('a network filter in the URL does not override the network icon of a row', async () => {
    load('balancer', 'pools.html', 'https://balancer.fi/pools?networks=ARBITRUM,BASE');
    expect(await scan(balancer)).toEqual(POOL_LIST);
  });

  it('never reads a pool id or pool address from the row link', () => {
    setUrl('https://balancer.fi/pools');
    document.body.innerHTML = `<a href="/pools/ethereum/v3/${WSTETH}"><span id="t">wstETH</span></a>`;
    expect(balancer.addressesNear(document.getElementById('t')!)).toEqual([]);
  });
});

describe('Morpho and Pendle', () => {
  it('Morpho: symbols without addresses (logos are named by symbol, links hold market ids); a Cyrillic look-alike is flagged', async () => {
    const html = load('morpho', 'borrow.html', 'https://app.morpho.org/ethereum/borrow');
    expect(html).toContain('HAND-BUILT FIXTURE');
    expect(await scan(morpho)).toEqual([
      ['wstETH', 'wstETH', 1, 'symbol'],
      ['weETH', 'weETH', 1, 'symbol'],
      ['ezETH', 'ezETH', 1, 'symbol'],
      ['rsETH', 'rsETH', 1, 'symbol'],
      ['w\u0435ETH', 'weETH', 1, 'mismatch'],
    ]);
    for (const text of ['WETH', 'USDC', 'WBTC', 'Ethereum']) expect(byText('span, a', text).hasAttribute(MARK.symbol)).toBe(false);
  });

  it('Morpho: an explorer token link on the page’s chain names the token; a market link does not', () => {
    setUrl('https://app.morpho.org/base/market/0xabc/wsteth-weth');
    document.body.innerHTML = `<a href="https://basescan.org/token/0xc1CBa3fCea344f92D9239c08C0568f6F2F0ee452"><span id="a">wstETH</span></a>
      <a href="https://etherscan.io/token/${WSTETH}"><span id="b">wstETH</span></a>
      <a href="/base/market/0x${'ab'.repeat(32)}/wsteth-weth"><span id="c">wstETH</span></a>`;
    expect(morpho.addressesNear(document.getElementById('a')!)).toEqual(['0xc1cba3fcea344f92d9239c08c0568f6f2f0ee452']);
    expect(morpho.addressesNear(document.getElementById('b')!)).toEqual([]);
    expect(morpho.addressesNear(document.getElementById('c')!)).toEqual([]);
  });

  it('Pendle: markets, PT and YT are marked as their underlying by symbol (how the page wrote it kept), weETHs is not weETH', async () => {
    const html = load('pendle', 'markets.html', 'https://app.pendle.finance/trade/markets?chain=ethereum');
    expect(html).toContain('HAND-BUILT FIXTURE');
    const marks = await scan(pendle);
    expect(marks).toEqual(
      ['weETH', 'rsETH', 'ezETH', 'wstETH'].flatMap((s) => [[s, s, 1, 'symbol'], [`PT-${s}`, s, 1, 'symbol'], [`YT-${s}`, s, 1, 'symbol']]).concat([
        ['YT-rsETH-26JUN2025', 'rsETH', 1, 'symbol'],
        ['PT-weETH-26JUN2025', 'weETH', 1, 'symbol'],
      ]),
    );
    expect(byText('.token-name', 'YT-rsETH-26JUN2025').getAttribute(MARK.via)).toBe('YT-rsETH-26JUN2025');
    for (const text of ['weETHs', 'PT-weETHs', 'sUSDe', 'Ethereum']) expect(byText('div, span', text).hasAttribute(MARK.symbol)).toBe(false);
  });

  it('Pendle: an explorer link naming a PT gives no address (the PT is another token than weETH)', () => {
    setUrl('https://app.pendle.finance/trade/markets?chain=ethereum');
    document.body.innerHTML = `<a href="https://etherscan.io/token/${FAKE}"><span id="pt">PT-weETH-26JUN2025</span></a><a href="https://etherscan.io/token/${WEETH}"><span id="u">weETH</span></a>`;
    expect(pendle.addressesNear(document.getElementById('pt')!)).toEqual([]);
    expect(pendle.addressesNear(document.getElementById('u')!)).toEqual([WEETH]);
  });
});

describe('Lido', () => {
  it('stake page: symbols in split text; the Etherscan link carries no symbol; the look-alike is flagged', async () => {
    const html = load('lido', 'index.html', 'https://stake.lido.fi/');
    expect(html).toContain('HAND-BUILT FIXTURE');
    expect(await scan(lido)).toEqual([
      ['Stake ETH and receive stETH while staking', 'stETH', 1, 'symbol'],
      ['1.2\u00a0stETH', 'stETH', 1, 'symbol'], // FormatToken: amount, &nbsp;, symbol
      ['0\u00a0stETH', 'stETH', 1, 'symbol'],
      ['1 ETH = 1 stETH', 'stETH', 1, 'symbol'],
      ['stETH market cap', 'stETH', 1, 'symbol'],
      ['What is stETH?', 'stETH', 1, 'symbol'],
      ['stETH is a token that represents staked ether in Lido.', 'stETH', 1, 'symbol'],
      ['Tokens such as “wѕtETH” (with a Cyrillic letter) are not issued by Lido.', 'wstETH', 1, 'mismatch'],
    ]);
    expect(document.querySelector('[data-testid="ethBalance"]')!.hasAttribute(MARK.symbol)).toBe(false);
    expect(document.querySelector('[data-testid="statEtherscanBtn"]')!.getAttribute('href')).toBe(`https://etherscan.io/token/${'0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84'}`);
  });

  it('wrap page: "1 ", "stETH", " =" in separate text nodes mark the row; the FormatToken span marks wstETH', async () => {
    load('lido', 'wrap.html', 'https://stake.lido.fi/wrap');
    const value = document.querySelector('[data-testid="exchangeRate"] .value')!;
    expect([...value.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.nodeValue)).toEqual(['1 ', 'stETH', ' =', ' ', ' ']);
    const marks = await scan(lido);
    expect(marks).toContainEqual(['1 stETH = 0.8512\u00a0wstETH', 'stETH', 1, 'symbol']);
    expect(marks).toContainEqual(['0.8512\u00a0wstETH', 'wstETH', 1, 'symbol']);
    expect(marks).toHaveLength(10);
    expect(marks.every(([, , id, match]) => id === 1 && match === 'symbol')).toBe(true);
  });

  it('a link to the stETH token page names stETH', () => {
    setUrl('https://stake.lido.fi/');
    document.body.innerHTML = `<a href="https://etherscan.io/token/0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84"><span id="t">stETH</span></a>`;
    expect(lido.addressesNear(document.getElementById('t')!)).toEqual([STETH]);
  });
});

describe('ether.fi, Renzo, Kelp, EigenLayer', () => {
  it('ether.fi: explorer token links give addresses; weETHs and liquidETH are not tokens of ours', async () => {
    expect(load('etherfi', 'index.html', 'https://app.ether.fi/')).toContain('HAND-BUILT FIXTURE');
    expect(await scan(etherfi)).toEqual([
      ['eETH', 'eETH', 1, 'symbol'],
      ['1 ETH = 1 eETH', 'eETH', 1, 'symbol'],
      ['eETH', 'eETH', 1, 'symbol'],
      ['weETH', 'weETH', 1, 'symbol'],
      ['eETH ↗', 'eETH', 1, 'address'],
      ['weETH ↗', 'weETH', 1, 'address'],
    ]);
    for (const text of ['weETHs', 'liquidETH', 'USDC', 'Ethereum']) expect(byText('div, span, button', text).hasAttribute(MARK.symbol)).toBe(false);
  });

  it('Renzo: pzETH is not ezETH; a Cyrillic еzETH is flagged; the contract link checks the address', async () => {
    expect(load('renzo', 'restake.html', 'https://app.renzoprotocol.com/restake')).toContain('HAND-BUILT FIXTURE');
    expect(await scan(renzo)).toEqual([
      ['stETH', 'stETH', 1, 'symbol'],
      ['0 ezETH', 'ezETH', 1, 'symbol'],
      ['1 ezETH = 1.0321 ETH', 'ezETH', 1, 'symbol'],
      ['ezETH', 'ezETH', 1, 'symbol'],
      ['\u0435zETH', 'ezETH', 1, 'mismatch'],
      ['ezETH', 'ezETH', 1, 'address'],
    ]);
    for (const text of ['pzETH', 'ETH', 'USDC']) expect(byText('td, button, li', text).hasAttribute(MARK.symbol)).toBe(false);
  });

  it('Kelp: the real rsETH link is an address match, a copy at another address a mismatch', async () => {
    expect(load('kelp', 'restake.html', 'https://kelpdao.xyz/restake/')).toContain('HAND-BUILT FIXTURE');
    expect(await scan(kelp)).toEqual([
      ['ETHx', 'ETHx', 1, 'symbol'],
      ['stETH', 'stETH', 1, 'symbol'],
      ['0 rsETH', 'rsETH', 1, 'symbol'],
      ['1 rsETH = 1.0425 ETH', 'rsETH', 1, 'symbol'],
      ['rsETH', 'rsETH', 1, 'symbol'],
      ['rsETH', 'rsETH', 1, 'address'],
      ['rsETH', 'rsETH', 1, 'mismatch'],
    ]);
    expect(kelp.addressesNear(document.querySelector('.contracts a')!)).toEqual([RSETH]);
    expect(siteForHost('www.kelpdao.xyz')).toBe(kelp);
  });

  it('EigenLayer: strategies are listed by symbol; wBETH, OETH-like names and EIGEN are not ours; the look-alike is flagged', async () => {
    expect(load('eigenlayer', 'restake.html', 'https://app.eigenlayer.xyz/restake')).toContain('HAND-BUILT FIXTURE');
    expect(await scan(eigenlayer)).toEqual([
      ['stETH', 'stETH', 1, 'symbol'],
      ['rETH', 'rETH', 1, 'symbol'],
      ['cbETH', 'cbETH', 1, 'symbol'],
      ['ETHx', 'ETHx', 1, 'symbol'],
      ['osETH', 'osETH', 1, 'symbol'],
      ['\u0455wETH', 'swETH', 1, 'mismatch'],
    ]);
    for (const text of ['wBETH', 'EIGEN', 'Beacon Chain ETH']) expect(byText('span, p', text).hasAttribute(MARK.symbol)).toBe(false);
  });

  it('EigenLayer token page: the token link is an address match, the strategy link (an /address/ page) gives none', async () => {
    load('eigenlayer', 'token.html', 'https://app.eigenlayer.xyz/restake/stETH');
    expect(await scan(eigenlayer)).toEqual([
      ['stETH', 'stETH', 1, 'symbol'],
      ['stETH', 'stETH', 1, 'address'],
      ['stETH strategy', 'stETH', 1, 'symbol'],
    ]);
    expect(eigenlayer.addressesNear(byText('a', 'stETH strategy'))).toEqual([]);
  });
});

describe('Etherscan and its siblings', () => {
  const page = `https://etherscan.io/token/0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0`;
  const expected = (header: string): [string, string, number, string][] => [
    ['(wstETH)', 'wstETH', 1, header],
    ['Restake with ether.fi and hold weETH', 'weETH', 1, 'symbol'], // an ad beside the header
    ['3,386,016.65 wstETH', 'wstETH', 1, header],
    ['Curve.fi: stETH Pool', 'stETH', 1, 'symbol'], // a holder's view link, never the pool's address
    ['Aave: aEthwstETH Token', 'wstETH', 1, 'symbol'],
    ['Aave: aEthwstETH Token', 'wstETH', 1, 'symbol'],
    ['Curve.fi: stETH Pool', 'stETH', 1, 'symbol'],
  ];

  it('the token page’s URL names the token of its header and summary', async () => {
    expect(load('etherscan', 'token.html', page)).toContain('HAND-BUILT FIXTURE');
    expect(await scan(explorers)).toEqual(expected('address'));
    for (const text of ['$4,121.50 @ 1.2075 ETH', 'Powered by Ethereum. Fixture page for automated tests; figures are made up.']) {
      expect(byText('div, footer', text).hasAttribute(MARK.symbol)).toBe(false);
    }
  });

  it('a look-alike token page (same name and symbol, another address) is a mismatch', async () => {
    load('etherscan', 'token.html', `https://etherscan.io/token/${FAKE}`);
    expect(await scan(explorers)).toEqual(expected('mismatch'));
  });

  it('each host is its own chain: the Arbitrum wstETH page on arbiscan matches', async () => {
    load('etherscan', 'token.html', `https://arbiscan.io/token/${WSTETH_ARBITRUM}`);
    const marks = await scan(explorers);
    expect(marks[0]).toEqual(['(wstETH)', 'wstETH', 42161, 'address']);
  });

  it('token links name tokens; holder views, /address/ links, wrappers and other chains do not', () => {
    setUrl(`https://etherscan.io/address/${FAKE}`);
    document.body.innerHTML = `<ul>
      <li><a href="/token/${STETH}"><span id="a">Lido: stETH Token (stETH)</span></a></li>
      <li><a href="/token/${WSTETH}?a=${FAKE}"><span id="b">Curve.fi: stETH Pool</span></a></li>
      <li><a href="/address/${WSTETH}"><span id="c">wstETH</span></a></li>
      <li><a href="/token/0x0b925ed163218f6662a35e0f0371ac234f9e9371"><span id="d">Aave Ethereum wstETH (aEthwstETH)</span></a></li>
      <li><a href="https://arbiscan.io/token/${WSTETH_ARBITRUM}"><span id="e">wstETH</span></a></li>
      <li><span id="f">wstETH</span></li></ul>`;
    const near = (id: string) => explorers.addressesNear(document.getElementById(id)!);
    expect([near('a'), near('b'), near('c'), near('d'), near('e'), near('f')]).toEqual([[STETH], [], [], [], [], []]);
  });

  it('a wrapper’s own token page ties no address to its symbol', () => {
    setUrl('https://etherscan.io/token/0x0B925eD163218f6662a35e0f0371Ac234f9E9371');
    document.body.innerHTML = `<div><img src="/token/images/x.png"><h1>Token</h1><span id="w">(aEthwstETH)</span></div>`;
    expect(explorers.addressesNear(document.getElementById('w')!)).toEqual([]);
  });
});

describe('shared rules', () => {
  it('a symbol is bare unless inside a word or dressed as a wrapper', () => {
    for (const text of ['(wstETH)', 'stETH-ng', 'ETH/stETH', '3.1 WSTETH', 'weETH ↗', 'Lido: stETH Token (stETH)']) expect(spellsSymbolBare(text)).toBe(true);
    for (const text of ['aEthwstETH', 'PT-weETH', 'YT-rsETH-26JUN2025', 'wstETHx', 'weETHs', 'w\u0435ETH', 'ETH', 'Aave Ethereum wstETH (aEthwstETH)']) expect(spellsSymbolBare(text)).toBe(false);
  });
});

describe('site list', () => {
  it('finds every adapter by each of its hosts, and no host twice', () => {
    const hosts = SITES.flatMap((site) => site.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const site of SITES) for (const host of site.hosts) expect(siteForHost(host)).toBe(site);
    expect(new Set(SITES.map((s) => s.id)).size).toBe(SITES.length);
    for (const site of [curve, balancer, morpho, pendle, lido, etherfi, renzo, kelp, eigenlayer, explorers]) expect(SITES).toContain(site);
  });

  it('derives one content match per host', () => {
    expect(CONTENT_MATCHES).toEqual(SITES.flatMap((site) => site.hosts.map((host) => `https://${host}/*`)));
    // hosts.ts lists each adapter's hosts under the adapter's id
    for (const site of SITES) expect(SITE_HOSTS[site.id as keyof typeof SITE_HOSTS]).toBe(site.hosts);
    for (const host of ['www.curve.finance', 'curve.fi', 'balancer.fi', 'app.morpho.org', 'app.pendle.finance', 'stake.lido.fi', 'app.ether.fi', 'app.renzoprotocol.com', 'kelpdao.xyz', 'app.eigenlayer.xyz', 'etherscan.io', 'arbiscan.io', 'basescan.org', 'optimistic.etherscan.io']) {
      expect(CONTENT_MATCHES).toContain(`https://${host}/*`);
    }
    expect(siteForHost('evil-etherscan.io')).toBeUndefined();
    expect(siteForHost('sepolia.etherscan.io')).toBeUndefined();
  });

  it('each fixture page stays small', () => {
    for (const [dir, file] of [['curve', 'pools.html'], ['balancer', 'pools.html'], ['morpho', 'borrow.html'], ['pendle', 'markets.html'], ['lido', 'index.html'], ['lido', 'wrap.html'], ['etherfi', 'index.html'], ['renzo', 'restake.html'], ['kelp', 'restake.html'], ['eigenlayer', 'restake.html'], ['eigenlayer', 'token.html'], ['etherscan', 'token.html']]) {
      expect(readFileSync(path.join(FIXTURES, dir!, file!), 'utf8').split('\n').length).toBeLessThan(200);
    }
  });
});
