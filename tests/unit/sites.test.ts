// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildTimeEndpoints, endpointsFor, endpointsFromEnv, PUBLIC_RPC_DEFAULTS } from '../../lib/chain/endpoints';
import { siteForHost, CONTENT_MATCHES } from '../../lib/sites';
import { aave } from '../../lib/sites/aave';
import { uniswap } from '../../lib/sites/uniswap';

const WEETH = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';
const aaveChain = (url: string) => aave.chainFromUrl(new URL(url, 'https://app.aave.com'));
const uniChain = (url: string) => uniswap.chainFromUrl(new URL(url, 'https://app.uniswap.org'));

describe('aave.chainFromUrl', () => {
  it.each([
    ['/markets/?marketName=proto_mainnet_v3', 1],
    ['/markets/?marketName=proto_lido_v3', 1],
    ['/reserve-overview/?underlyingAsset=0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0&marketName=proto_lido_v3', 1],
    ['/markets/?marketName=proto_arbitrum_v3', 42161],
    ['/markets/?marketName=proto_base_v3', 8453],
    ['/markets/?marketName=proto_optimism_v3', 10],
    ['/markets/?marketName=proto_unknown_v3', null],
    ['/markets/?marketName=', 1],
    ['/markets/', 1],
    ['/', 1],
  ])('%s → %s', (url, chain) => {
    expect(aaveChain(url)).toBe(chain);
  });
});

describe('uniswap.chainFromUrl', () => {
  it.each([
    ['/swap?chain=base', 8453],
    ['/swap?chain=arbitrum&inputCurrency=ETH', 42161],
    ['/swap?chain=mainnet', 1],
    ['/swap?chain=ethereum', 1],
    [`/explore/tokens/arbitrum/${WEETH}`, 42161],
    [`/explore/tokens/base/${WEETH}`, 8453],
    [`/explore/tokens/ethereum/${WEETH}`, 1],
    ['/explore/pools/optimism/0x1234', 10],
    ['/positions/v3/arbitrum/12345', 42161],
    ['/positions/v4/base/7', 8453],
    [`/explore/tokens/ethereum/${WEETH}?chain=base`, 1],
    ['/swap?chain=zora', null],
    [`/explore/tokens/zora/${WEETH}`, null],
    ['/swap', 1],
    ['/', 1],
  ])('%s → %s', (url, chain) => {
    expect(uniChain(url)).toBe(chain);
  });
});

describe('addressesNear', () => {
  it('aave reads the underlyingAsset of the row link, lowercased', () => {
    document.body.innerHTML = `<div data-cy="marketListItemListItem_WEETH"><a href="/reserve-overview/?underlyingAsset=${WEETH}&marketName=proto_mainnet_v3"><p id="t">weETH</p></a></div>`;
    expect(aave.addressesNear(document.getElementById('t')!)).toEqual([WEETH.toLowerCase()]);
  });

  it('uniswap reads token links and logo URLs', () => {
    document.body.innerHTML = `<a href="/explore/tokens/ethereum/${WEETH}"><img src="https://assets.example/${WEETH}/logo.png"><span id="t">weETH</span></a>`;
    expect(uniswap.addressesNear(document.getElementById('t')!)).toEqual([WEETH.toLowerCase(), WEETH.toLowerCase()]);
  });

  it('uniswap ties the swap form\'s currency buttons to the inputCurrency / outputCurrency of the URL', () => {
    const fake = '0x1111111111111111111111111111111111111111';
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(`https://app.uniswap.org/swap?chain=mainnet&inputCurrency=ETH&outputCurrency=${fake}`);
    document.body.innerHTML = `<button data-testid="choose-input-token"><span id="in">ETH</span></button>
      <button data-testid="choose-output-token"><span id="out">wstETH</span></button>`;
    expect(uniswap.addressesNear(document.getElementById('in')!)).toEqual([]);
    expect(uniswap.addressesNear(document.getElementById('out')!)).toEqual([fake]);
  });

  it('finds nothing for text without a nearby address', () => {
    document.body.innerHTML = `<div><span id="t">weETH</span></div>`;
    expect(aave.addressesNear(document.getElementById('t')!)).toEqual([]);
    expect(uniswap.addressesNear(document.getElementById('t')!)).toEqual([]);
  });
});

describe('site list', () => {
  it('finds adapters by host and derives content matches', () => {
    expect(siteForHost('app.aave.com')).toBe(aave);
    expect(siteForHost('app.uniswap.org')).toBe(uniswap);
    expect(siteForHost('evil-app.aave.com.example')).toBeUndefined();
    // One https match pattern per host of every adapter, nothing wider.
    expect(CONTENT_MATCHES).toContain('https://app.aave.com/*');
    expect(CONTENT_MATCHES).toContain('https://app.uniswap.org/*');
    expect(CONTENT_MATCHES).toContain('https://etherscan.io/*');
    expect(CONTENT_MATCHES.every((m) => /^https:\/\/[a-z0-9.-]+\/\*$/.test(m))).toBe(true);
    expect(new Set(CONTENT_MATCHES).size).toBe(CONTENT_MATCHES.length);
  });
});

describe('endpointsFromEnv', () => {
  it('parses STAKELENS_RPC_<chainId> lists and ignores other variables', () => {
    expect(
      endpointsFromEnv({
        STAKELENS_RPC_1: 'https://a.example/rpc, https://b.example',
        STAKELENS_RPC_8453: 'https://base.example',
        STAKELENS_RPC_: 'https://x.example',
        STAKELENS_RPC_X: 'https://x.example',
        XSTAKELENS_RPC_1: 'https://x.example',
        STAKELENS_RPC_10: '',
        STAKELENS_RPC_42161: undefined,
        PATH: '/usr/bin',
      }),
    ).toEqual({ '1': ['https://a.example/rpc', 'https://b.example'], '8453': ['https://base.example'] });
  });

  it('drops empty items of a list', () => {
    expect(endpointsFromEnv({ STAKELENS_RPC_1: 'https://a.example,, ,' })).toEqual({ '1': ['https://a.example'] });
  });

  it('throws on a malformed URL', () => {
    expect(() => endpointsFromEnv({ STAKELENS_RPC_1: 'https://a.example,not a url' })).toThrow();
    expect(() => endpointsFromEnv({ STAKELENS_RPC_1: 'a,b' })).toThrow();
  });
});

describe('endpointsFor', () => {
  const base = buildTimeEndpoints()['1'] ?? PUBLIC_RPC_DEFAULTS[1]!;

  it('has public defaults for mainnet', () => {
    expect(base.length).toBeGreaterThan(0);
    expect(endpointsFor(1)).toEqual(base);
  });

  it('puts user endpoints first, without duplicates', () => {
    const mine = 'https://my-node.example';
    const result = endpointsFor(1, [mine, base[0]!, mine]);
    expect(result[0]).toBe(mine);
    expect(result[1]).toBe(base[0]);
    expect(new Set(result).size).toBe(result.length);
    expect([...result].sort()).toEqual([mine, ...base].sort());
  });

  it('gives only the user endpoints for a chain without defaults', () => {
    expect(endpointsFor(999_999)).toEqual([]);
    expect(endpointsFor(999_999, ['https://x.example', 'https://x.example'])).toEqual(['https://x.example']);
  });
});
