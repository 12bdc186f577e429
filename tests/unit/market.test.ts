import { describe, expect, it } from 'vitest';
import { CallBatch } from '../../lib/chain/calls';
import { planMarket, uniswapV3PoolAddress } from '../../lib/chain/market';
import { SELL_SIZES_ETH } from '../../lib/chain/plan';
import { WAD } from '../../lib/chain/units';
import { tokenBySymbol } from '../../lib/tokens/registry';
import type { MarketSource, TokenEntry } from '../../lib/tokens/schema';
import { settleBy } from './helpers';

const FACTORY = '0x1F98431c8aD98523631AE4a59f267346ea31F984';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const WETH = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const USDC_WETH_005 = '0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640';

const wsteth = tokenBySymbol('wstETH')!;
const weeth = tokenBySymbol('weETH')!;
const RATE = 1_216_600_000_000_000_000n;
const NOW = 1_750_000_000;

function source<K extends MarketSource['kind']>(token: TokenEntry, kind: K, extra: Partial<MarketSource> = {}) {
  const s = token.market.find((m) => m.kind === kind)!;
  return { ...s, ...extra } as Extract<MarketSource, { kind: K }>;
}

describe('uniswapV3PoolAddress', () => {
  it('reproduces the mainnet USDC/WETH 0.05% pool', () => {
    expect(uniswapV3PoolAddress(FACTORY, USDC, WETH, 500)).toBe(USDC_WETH_005);
  });

  it('does not depend on argument order', () => {
    expect(uniswapV3PoolAddress(FACTORY, WETH, USDC, 500)).toBe(USDC_WETH_005);
  });

  it('does not depend on address case', () => {
    const lower = (a: string) => a.toLowerCase() as `0x${string}`;
    expect(uniswapV3PoolAddress(FACTORY, lower(WETH), lower(USDC), 500)).toBe(USDC_WETH_005);
  });

  it('gives another pool for another fee tier', () => {
    const p3000 = uniswapV3PoolAddress(FACTORY, USDC, WETH, 3000);
    expect(p3000).not.toBe(USDC_WETH_005);
    // the real USDC/WETH 0.3% pool
    expect(p3000).toBe('0x8ad599c3A0ff1De082011EFDDc58f1908eb6e6D8');
  });
});

describe('planMarket: chainlink', () => {
  const feed = source(wsteth, 'chainlink');
  const heartbeat = feed.heartbeatSeconds;

  function read(answer: bigint, updatedAt: number, s: MarketSource = feed, token = wsteth, rate: bigint | null = RATE) {
    const batch = new CallBatch();
    const plan = planMarket(token, s, batch, SELL_SIZES_ETH, token.rateHint);
    expect(batch.calls).toHaveLength(1);
    expect(batch.calls[0]!.functionName).toBe('latestRoundData');
    expect(batch.calls[0]!.address).toBe((s as { feed: string }).feed);
    settleBy(batch, () => [7n, answer, BigInt(updatedAt), BigInt(updatedAt), 7n]);
    return plan.reading({ rate, blockTimestamp: NOW });
  }

  it('prices a fresh feed quoted in the underlying by the rate', () => {
    const r = read(999_000_000_000_000_000n, NOW - 600);
    // 0.999 stETH-per-ETH feed * 1.2166 stETH per wstETH
    expect(r.price).toBe('1215383400000000000');
    expect(r.usable).toBe(true);
    expect(r.reason).toBeNull();
    expect(r.updatedAt).toBe(NOW - 600);
    expect(r.kind).toBe('chainlink');
  });

  it('scales a feed with 8 decimals to a wad', () => {
    const r = read(99_900_000n, NOW - 600, { ...feed, decimals: 8 });
    expect(r.price).toBe('1215383400000000000');
  });

  it('accepts a feed exactly heartbeat + 1 h old', () => {
    const r = read(WAD, NOW - heartbeat - 3600);
    expect(r.price).not.toBeNull();
    expect(r.usable).toBe(true);
  });

  it('calls a feed older than heartbeat + 1 h stale, with no price', () => {
    const r = read(WAD, NOW - heartbeat - 3601);
    expect(r.price).toBeNull();
    expect(r.usable).toBe(false);
    expect(r.reason).toMatch(/stale/);
    expect(r.reason).toMatch(/25 h ago/);
  });

  it('rejects an answer of zero or below', () => {
    for (const answer of [0n, -1n]) {
      const r = read(answer, NOW - 60);
      expect(r.price).toBeNull();
      expect(r.usable).toBe(false);
      expect(r.reason).toMatch(/not a price/);
    }
  });

  it('rejects an update far in the future', () => {
    const r = read(WAD, NOW + 301);
    expect(r.price).toBeNull();
    expect(r.reason).toMatch(/future/);
  });

  it("shows an 'uncertain' feed but never marks it usable", () => {
    const uncertain = source(weeth, 'chainlink');
    expect(uncertain.category).toBe('uncertain');
    const r = read(1_070_000_000_000_000_000n, NOW - 60, uncertain, weeth);
    expect(r.price).toBe('1070000000000000000'); // quoted per token: not scaled
    expect(r.usable).toBe(false);
    expect(r.reason).toMatch(/mirror/);
  });

  it('has no price for an underlying-quoted feed when the rate is unavailable', () => {
    const r = read(WAD, NOW - 60, feed, wsteth, null);
    expect(r.price).toBeNull();
    expect(r.usable).toBe(false);
    expect(r.reason).toMatch(/redemption value/);
  });

  it('turns a failed call into a reason', () => {
    const batch = new CallBatch();
    const plan = planMarket(wsteth, feed, batch, SELL_SIZES_ETH, wsteth.rateHint);
    settleBy(batch, () => new Error('execution reverted\nmore detail'));
    const r = plan.reading({ rate: RATE, blockTimestamp: NOW });
    expect(r.price).toBeNull();
    expect(r.usable).toBe(false);
    expect(r.reason).toBe(`${feed.label} failed: execution reverted`);
  });
});

describe('planMarket: curve', () => {
  const curve = source(wsteth, 'curve');
  const UNIT_OUT = 999_000_000_000_000_000n; // 0.999 ETH per stETH

  function plan(answer: (dx: bigint) => unknown) {
    const batch = new CallBatch();
    const p = planMarket(wsteth, curve, batch, SELL_SIZES_ETH, wsteth.rateHint);
    expect(batch.calls).toHaveLength(1 + SELL_SIZES_ETH.length);
    for (const call of batch.calls) {
      expect(call.address).toBe(curve.pool);
      expect(call.functionName).toBe('get_dy');
      expect(call.args?.slice(0, 2)).toEqual([BigInt(curve.i), BigInt(curve.j)]);
    }
    settleBy(batch, (call) => answer(call.args![2] as bigint));
    return p;
  }

  it('scales the per-stETH quote by the rate when quoted in the underlying', () => {
    const p = plan((dx) => (dx === WAD ? UNIT_OUT : (dx * 998n) / 1000n));
    const r = p.reading({ rate: RATE, blockTimestamp: NOW });
    expect(r.price).toBe(((UNIT_OUT * RATE) / WAD).toString());
    expect(r.price).toBe('1215383400000000000');
    expect(r.kind).toBe('dex');
    expect(r.usable).toBe(true);
    expect(r.updatedAt).toBeNull();
  });

  it('quotes sales at the sizes in stETH and prices their cost against redeeming', () => {
    const p = plan((dx) => (dx === WAD ? UNIT_OUT : (dx * 998n) / 1000n));
    const quotes = p.sells!({ rate: RATE, blockTimestamp: NOW });
    expect(quotes).toHaveLength(3);
    expect(quotes.map((q) => q.valueEth)).toEqual(SELL_SIZES_ETH.map(String));
    expect(quotes.map((q) => q.outEth)).toEqual(SELL_SIZES_ETH.map((s) => ((s * 998n) / 1000n).toString()));
    expect(quotes.map((q) => q.costBps)).toEqual([20, 20, 20]);
  });

  it('has no price without the rate', () => {
    const p = plan(() => UNIT_OUT);
    const r = p.reading({ rate: null, blockTimestamp: NOW });
    expect(r.price).toBeNull();
    expect(r.usable).toBe(false);
    expect(r.reason).toMatch(/redemption value/);
    expect(p.sells!({ rate: null, blockTimestamp: NOW }).every((q) => q.outEth === null && q.reason)).toBe(true);
  });

  it('turns a failed unit quote into a reason', () => {
    const p = plan((dx) => (dx === WAD ? new Error('execution reverted') : dx));
    const r = p.reading({ rate: RATE, blockTimestamp: NOW });
    expect(r.price).toBeNull();
    expect(r.usable).toBe(false);
    expect(r.reason).toBe(`${curve.label} failed: execution reverted`);
  });

  it('keeps a failed sell quote as a reason beside the others', () => {
    const p = plan((dx) => (dx === 1_000n * WAD ? new Error('out of liquidity') : dx === WAD ? UNIT_OUT : dx));
    const quotes = p.sells!({ rate: RATE, blockTimestamp: NOW });
    expect(quotes[0]!.costBps).toBe(0);
    expect(quotes[2]!.outEth).toBeNull();
    expect(quotes[2]!.reason).toMatch(/out of liquidity/);
  });
});

describe('planMarket: uniswap-v3', () => {
  const uni = source(weeth, 'uniswap-v3');
  const weethAddress = weeth.deployments[0]!.address;

  function sqrt(n: bigint): bigint {
    let x = BigInt(Math.floor(Math.sqrt(Number(n))));
    for (let i = 0; i < 8; i++) x = (x + n / x) / 2n;
    while (x * x > n) x--;
    return x;
  }
  /** sqrtPriceX96 for a pool where WETH is token0 and weETH is worth `ethPerWeeth`/1000 ETH. */
  const sqrtFor = (milliEthPerWeeth: bigint) => sqrt(((1n << 192n) * 1000n) / milliEthPerWeeth);

  it('reads the deepest pool and inverts the price when the token is token1', () => {
    expect(weethAddress.toLowerCase() > WETH.toLowerCase()).toBe(true);
    const pool500 = uniswapV3PoolAddress(uni.factory, weethAddress, uni.weth, 500);
    const batch = new CallBatch();
    const p = planMarket(weeth, uni, batch, SELL_SIZES_ETH, weeth.rateHint);
    settleBy(batch, (call) => {
      if (call.functionName === 'slot0') return [call.address === pool500 ? sqrtFor(1065n) : sqrtFor(1000n), 0, 0, 0, 0, 0, true];
      if (call.functionName === 'liquidity') return call.address === pool500 ? 10n ** 21n : 10n ** 20n;
      if (call.functionName === 'quoteExactInputSingle') {
        const params = call.args![0] as { amountIn: bigint; fee: number };
        return [params.fee === 500 ? (params.amountIn * 1065n) / 1000n : 0n, 0n, 0, 0n];
      }
      throw new Error(`unexpected call ${call.functionName}`);
    });
    const r = p.reading({ rate: RATE, blockTimestamp: NOW });
    expect(r.usable).toBe(true);
    expect(r.label).toMatch(/0\.05%/);
    const price = BigInt(r.price!);
    const expected = 1_065_000_000_000_000_000n;
    expect(price > expected - 10n ** 6n && price < expected + 10n ** 6n).toBe(true);

    const weethRate = 1_070_000_000_000_000_000n;
    const quotes = p.sells!({ rate: weethRate, blockTimestamp: NOW });
    expect(quotes).toHaveLength(3);
    // 1.065 / 1.07 - 1 = -46.7 bps, truncated
    for (const q of quotes) {
      expect(q.reason).toBeNull();
      expect(q.costBps).toBeGreaterThanOrEqual(46);
      expect(q.costBps).toBeLessThanOrEqual(47);
    }
  });

  it('reports no pool when none has liquidity', () => {
    const batch = new CallBatch();
    const p = planMarket(weeth, uni, batch, SELL_SIZES_ETH, weeth.rateHint);
    settleBy(batch, (call) => (call.functionName === 'liquidity' ? 0n : new Error('reverted')));
    const r = p.reading({ rate: RATE, blockTimestamp: NOW });
    expect(r.price).toBeNull();
    expect(r.usable).toBe(false);
    expect(r.reason).toMatch(/no pool with liquidity in fee tiers 100, 500/);
  });
});
