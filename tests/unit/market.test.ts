import { describe, expect, it } from 'vitest';
import { CallBatch, type ContractCall } from '../../lib/chain/calls';
import { UNISWAP_V3 } from '../../lib/chain/dex';
import { planMarket, uniswapDepthEth, uniswapV3PoolAddress } from '../../lib/chain/market';
import { SELL_SIZES_ETH } from '../../lib/chain/plan';
import { divWad, mulWad, WAD } from '../../lib/chain/units';
import { tokenBySymbol } from '../../lib/tokens/registry';
import type { MarketReading } from '../../lib/chain/figures';
import type { MarketSource, TokenEntry } from '../../lib/tokens/schema';
import { settleBy } from './helpers';

const FACTORY = '0x1F98431c8aD98523631AE4a59f267346ea31F984';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const WETH = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const USDC_WETH_005 = '0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640';
const WEETH = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';
const BASE_FACTORY = '0x33128a8fC17869897dcE68Ed026d694621f6FDfD';
const BASE_USDC = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913';
const BASE_WETH = '0x4200000000000000000000000000000000000006';
const BASE_USDC_WETH_005 = '0xd0b53D9277642d899DF5C87A3966A349A798F224';

const wsteth = tokenBySymbol('wstETH')!;
const weeth = tokenBySymbol('weETH')!;
const RATE = 1_216_600_000_000_000_000n;
const NOW = 1_750_000_000;

/** The one reading of a source that stands for a single venue (a feed, a Curve pool). */
function only(readings: MarketReading[]): MarketReading {
  expect(readings).toHaveLength(1);
  return readings[0]!;
}

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

  it("reproduces Base's USDC/WETH 0.05% pool from Base's own factory", () => {
    expect(UNISWAP_V3[8453]!.factory).toBe(BASE_FACTORY);
    expect(UNISWAP_V3[8453]!.weth).toBe(BASE_WETH);
    expect(uniswapV3PoolAddress(BASE_FACTORY, BASE_USDC, BASE_WETH, 500)).toBe(BASE_USDC_WETH_005);
    expect(uniswapV3PoolAddress(FACTORY, BASE_USDC, BASE_WETH, 500)).not.toBe(BASE_USDC_WETH_005);
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
    return only(plan.readings({ rate, blockTimestamp: NOW }));
  }

  it('prices a fresh feed quoted in the underlying by the rate', () => {
    const r = read(999_000_000_000_000_000n, NOW - 600);
    // 0.999 stETH-per-ETH feed * 1.2166 stETH per wstETH
    expect(r.price).toBe('1215383400000000000');
    expect(r.usable).toBe(true);
    expect(r.reason).toBeNull();
    expect(r.updatedAt).toBe(NOW - 600);
    expect(r.kind).toBe('chainlink');
    expect(r.id).toBe(feed.id);
    expect(r.stale).toBe(false);
    // a feed holds no reserves: it has no depth
    expect(r.depthEth).toBeNull();
  });

  it('scales a feed with 8 decimals to a wad', () => {
    const r = read(99_900_000n, NOW - 600, { ...feed, decimals: 8 });
    expect(r.price).toBe('1215383400000000000');
  });

  it('accepts a feed exactly heartbeat + 1 h old', () => {
    const r = read(WAD, NOW - heartbeat - 3600);
    expect(r.price).not.toBeNull();
    expect(r.usable).toBe(true);
    expect(r.stale).toBe(false);
  });

  it('calls a feed older than heartbeat + 1 h stale, with no price', () => {
    const r = read(WAD, NOW - heartbeat - 3601);
    expect(r.price).toBeNull();
    expect(r.usable).toBe(false);
    expect(r.reason).toMatch(/stale/);
    expect(r.reason).toMatch(/25 h ago/);
    // flagged stale, with its age kept for the UI
    expect(r.stale).toBe(true);
    expect(r.updatedAt).toBe(NOW - heartbeat - 3601);
  });

  it('rejects an answer of zero or below', () => {
    for (const answer of [0n, -1n]) {
      const r = read(answer, NOW - 60);
      expect(r.price).toBeNull();
      expect(r.usable).toBe(false);
      expect(r.reason).toMatch(/not a price/);
      expect(r.stale).toBe(false);
    }
  });

  it('rejects an update far in the future', () => {
    const r = read(WAD, NOW + 301);
    expect(r.price).toBeNull();
    expect(r.reason).toMatch(/future/);
    expect(r.stale).toBe(false);
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
    const r = only(plan.readings({ rate: RATE, blockTimestamp: NOW }));
    expect(r.price).toBeNull();
    expect(r.usable).toBe(false);
    expect(r.stale).toBe(false);
    expect(r.updatedAt).toBeNull();
    expect(r.reason).toBe(`${feed.label} failed: execution reverted`);
  });
});

describe('planMarket: curve', () => {
  const curve = source(wsteth, 'curve');
  const UNIT_OUT = 999_000_000_000_000_000n; // 0.999 ETH per stETH
  /** The pool's reserves: coin i (what is sold, stETH) and coin j (ETH). */
  const SOLD_BALANCE = 300_000n * WAD;
  const ETH_BALANCE = 200_000n * WAD;

  function plan(answer: (dx: bigint) => unknown, balance: (coin: bigint) => unknown = (coin) => (coin === BigInt(curve.i) ? SOLD_BALANCE : ETH_BALANCE)) {
    const batch = new CallBatch();
    const p = planMarket(wsteth, curve, batch, SELL_SIZES_ETH, wsteth.rateHint);
    // one unit quote, one quote per sale size, and the two balances for the depth
    expect(batch.calls).toHaveLength(1 + SELL_SIZES_ETH.length + 2);
    for (const call of batch.calls) expect(call.address).toBe(curve.pool);
    const quotes = batch.calls.filter((c) => c.functionName === 'get_dy');
    expect(quotes).toHaveLength(1 + SELL_SIZES_ETH.length);
    for (const call of quotes) expect(call.args?.slice(0, 2)).toEqual([BigInt(curve.i), BigInt(curve.j)]);
    const balances = batch.calls.filter((c) => c.functionName === 'balances');
    expect(balances.map((c) => c.args)).toEqual([[BigInt(curve.i)], [BigInt(curve.j)]]);
    settleBy(batch, (call) => (call.functionName === 'balances' ? balance(call.args![0] as bigint) : answer(call.args![2] as bigint)));
    return p;
  }

  it('scales the per-stETH quote by the rate when quoted in the underlying', () => {
    const p = plan((dx) => (dx === WAD ? UNIT_OUT : (dx * 998n) / 1000n));
    const r = only(p.readings({ rate: RATE, blockTimestamp: NOW }));
    expect(r.id).toBe(curve.id);
    expect(r.price).toBe(((UNIT_OUT * RATE) / WAD).toString());
    expect(r.price).toBe('1215383400000000000');
    expect(r.kind).toBe('dex');
    expect(r.usable).toBe(true);
    expect(r.updatedAt).toBeNull();
    expect(r.stale).toBe(false);
  });

  it("measures the pool's depth in ETH: the ETH side plus the coin sold at the pool's own price", () => {
    const p = plan((dx) => (dx === WAD ? UNIT_OUT : dx));
    const r = only(p.readings({ rate: RATE, blockTimestamp: NOW }));
    // 200,000 ETH + 300,000 stETH × 0.999 ETH = 499,700 ETH (the stETH side is not scaled by wstETH's rate)
    expect(r.depthEth).toBe((ETH_BALANCE + mulWad(SOLD_BALANCE, UNIT_OUT)).toString());
    expect(r.depthEth).toBe((499_700n * WAD).toString());
  });

  it('keeps the price but has no depth when a balance cannot be read', () => {
    const p = plan(
      (dx) => (dx === WAD ? UNIT_OUT : dx),
      (coin) => (coin === BigInt(curve.j) ? new Error('execution reverted') : SOLD_BALANCE),
    );
    const r = only(p.readings({ rate: RATE, blockTimestamp: NOW }));
    expect(r.price).toBe('1215383400000000000');
    expect(r.usable).toBe(true);
    expect(r.depthEth).toBeNull();
  });

  it('quotes sales at the sizes in stETH and prices their cost against redeeming', () => {
    const p = plan((dx) => (dx === WAD ? UNIT_OUT : (dx * 998n) / 1000n));
    const quotes = p.sells!({ rate: RATE, blockTimestamp: NOW });
    expect(quotes).toHaveLength(3);
    expect(quotes.map((q) => q.valueEth)).toEqual(SELL_SIZES_ETH.map(String));
    expect(quotes.map((q) => q.outEth)).toEqual(SELL_SIZES_ETH.map((s) => ((s * 998n) / 1000n).toString()));
    expect(quotes.map((q) => q.costBps)).toEqual([20, 20, 20]);
  });

  it('has no price without the rate, but still quotes stETH sales, which redeem 1:1 without it', () => {
    const p = plan((dx) => (dx === WAD ? UNIT_OUT : (dx * 998n) / 1000n));
    const r = only(p.readings({ rate: null, blockTimestamp: NOW }));
    expect(r.price).toBeNull();
    expect(r.usable).toBe(false);
    expect(r.reason).toMatch(/redemption value/);
    // the venue sells the underlying (unit 'underlying'): one stETH is worth one ETH at redemption
    const quotes = p.sells!({ rate: null, blockTimestamp: NOW });
    expect(quotes.map((q) => q.valueEth)).toEqual(SELL_SIZES_ETH.map(String));
    expect(quotes.map((q) => q.costBps)).toEqual([20, 20, 20]);
    expect(quotes.every((q) => q.reason === null)).toBe(true);
  });

  it("labels the reading with what the pool sells: the underlying for unit 'underlying', the token for 'token'", () => {
    const p = plan(() => UNIT_OUT);
    expect(only(p.readings({ rate: RATE, blockTimestamp: NOW })).label).toMatch(/1 stETH, fee included/);
    const steth = tokenBySymbol('stETH')!;
    const own = source(steth, 'curve');
    expect(own.unit).toBe('token');
    const batch = new CallBatch();
    const q = planMarket(steth, own, batch, SELL_SIZES_ETH, steth.rateHint);
    settleBy(batch, () => UNIT_OUT);
    const r = only(q.readings({ rate: WAD, blockTimestamp: NOW }));
    expect(r.label).toMatch(/1 stETH, fee included/);
    // unit 'token': the quote is the price, not scaled by any rate
    expect(r.price).toBe(UNIT_OUT.toString());
  });

  it('turns a failed unit quote into a reason', () => {
    const p = plan((dx) => (dx === WAD ? new Error('execution reverted') : dx));
    const r = only(p.readings({ rate: RATE, blockTimestamp: NOW }));
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

  const pool100 = uniswapV3PoolAddress(UNISWAP_V3[1]!.factory, weethAddress, UNISWAP_V3[1]!.weth, 100);
  const pool500 = uniswapV3PoolAddress(UNISWAP_V3[1]!.factory, weethAddress, UNISWAP_V3[1]!.weth, 500);
  const near = (got: bigint, want: bigint) => got > want - 10n ** 6n && got < want + 10n ** 6n;

  /** The 0.05% pool deep at 1.065 ETH, the 0.01% pool shallow at 1.000; quotes pay only in the 0.05% pool. */
  function twoPools(liquidity100: bigint | Error = 10n ** 20n) {
    return (call: ContractCall) => {
      if (call.functionName === 'slot0') return [call.address === pool500 ? sqrtFor(1065n) : sqrtFor(1000n), 0, 0, 0, 0, 0, true];
      if (call.functionName === 'liquidity') return call.address === pool500 ? 10n ** 21n : liquidity100;
      if (call.functionName === 'quoteExactInputSingle') {
        const params = call.args![0] as { amountIn: bigint; fee: number };
        return [params.fee === 500 ? (params.amountIn * 1065n) / 1000n : 0n, 0n, 0, 0n];
      }
      throw new Error(`unexpected call ${call.functionName}`);
    };
  }

  it('gives one reading per live pool, each with its own id, price and depth, and inverts the price when the token is token1', () => {
    expect(weethAddress.toLowerCase() > WETH.toLowerCase()).toBe(true);
    expect(uni.fees).toEqual([100, 500]);
    const batch = new CallBatch();
    const p = planMarket(weeth, uni, batch, SELL_SIZES_ETH, weeth.rateHint);
    settleBy(batch, twoPools());
    const readings = p.readings({ rate: RATE, blockTimestamp: NOW });
    expect(readings.map((r) => r.id)).toEqual([`${uni.id}-100`, `${uni.id}-500`]);
    const [r100, r500] = readings as [MarketReading, MarketReading];
    for (const r of readings) {
      expect(r.usable).toBe(true);
      expect(r.kind).toBe('dex');
      expect(r.stale).toBe(false);
      expect(r.reason).toBeNull();
    }
    expect(r100.label).toMatch(/0\.01%/);
    expect(r500.label).toMatch(/0\.05%/);
    expect(near(BigInt(r500.price!), 1_065_000_000_000_000_000n)).toBe(true);
    expect(near(BigInt(r100.price!), WAD)).toBe(true);
    // WETH is token0 here: the depth is twice its virtual reserve, L / sqrtP
    expect(r500.depthEth).toBe(uniswapDepthEth(10n ** 21n, sqrtFor(1065n), false).toString());
    expect(r100.depthEth).toBe(uniswapDepthEth(10n ** 20n, sqrtFor(1000n), false).toString());
    // about 2 × 1,032 ETH: L × sqrt(1.065)
    expect(Number(BigInt(r500.depthEth!)) / 1e18).toBeCloseTo(2 * 1000 * Math.sqrt(1.065), 3);

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

  it('leaves out a pool without liquidity or whose calls fail, and sells in the deepest of the others', () => {
    for (const liquidity100 of [0n, new Error('reverted')]) {
      const batch = new CallBatch();
      const p = planMarket(weeth, uni, batch, SELL_SIZES_ETH, weeth.rateHint);
      settleBy(batch, twoPools(liquidity100));
      const readings = p.readings({ rate: RATE, blockTimestamp: NOW });
      expect(readings.map((r) => r.id)).toEqual([`${uni.id}-500`]);
      expect(p.sells!({ rate: RATE, blockTimestamp: NOW }).every((q) => q.outEth !== null && q.outEth !== '0')).toBe(true);
    }
  });

  it('sells in the deepest pool by depth, whichever fee tier is listed first', () => {
    const batch = new CallBatch();
    const p = planMarket(weeth, uni, batch, SELL_SIZES_ETH, weeth.rateHint);
    // the 0.01% pool is now the deep one and the only one that pays
    settleBy(batch, (call) => {
      if (call.functionName === 'slot0') return [sqrtFor(1065n), 0, 0, 0, 0, 0, true];
      if (call.functionName === 'liquidity') return call.address === pool100 ? 10n ** 22n : 10n ** 21n;
      if (call.functionName === 'quoteExactInputSingle') {
        const params = call.args![0] as { amountIn: bigint; fee: number };
        return [params.fee === 100 ? (params.amountIn * 1065n) / 1000n : 1n, 0n, 0, 0n];
      }
      throw new Error(`unexpected call ${call.functionName}`);
    });
    const quotes = p.sells!({ rate: 1_070_000_000_000_000_000n, blockTimestamp: NOW });
    for (const q of quotes) expect(q.costBps).toBeLessThanOrEqual(47);
  });

  it('reports no pool when none has liquidity', () => {
    const batch = new CallBatch();
    const p = planMarket(weeth, uni, batch, SELL_SIZES_ETH, weeth.rateHint);
    settleBy(batch, (call) => (call.functionName === 'liquidity' ? 0n : new Error('reverted')));
    const r = only(p.readings({ rate: RATE, blockTimestamp: NOW }));
    expect(r.id).toBe(uni.id);
    expect(r.price).toBeNull();
    expect(r.usable).toBe(false);
    expect(r.depthEth).toBeNull();
    expect(r.reason).toMatch(/no pool with liquidity in fee tiers 100, 500/);
    const quotes = p.sells!({ rate: RATE, blockTimestamp: NOW });
    expect(quotes.every((q) => q.outEth === null && q.reason === 'no pool with liquidity')).toBe(true);
  });
});

describe('planMarket: units', () => {
  const { factory, quoter, weth } = UNISWAP_V3[1]!;
  const eeth = tokenBySymbol('eETH')!;
  const WEETH_PRICE = 1_068_800_000_000_000_000n; // ETH per weETH at the pool
  const WEETH_RATE = 1_070_100_000_000_000_000n; // weETH.getRate(): eETH per weETH

  /** sqrtPriceX96 for a pool whose token1 is worth `price` (wad) of token0 (WETH). */
  function sqrtForToken1(price: bigint): bigint {
    const n = ((1n << 192n) * WAD) / price;
    let x = BigInt(Math.floor(Math.sqrt(Number(n))));
    for (let i = 0; i < 8; i++) x = (x + n / x) / 2n;
    while (x * x > n) x--;
    return x;
  }

  /** One deep pool at `price` whose quotes pay `price` per unit sold, less 5 bps. */
  function pool(price: bigint, wrapper: bigint | Error = WEETH_RATE) {
    return (call: ContractCall) => {
      if (call.functionName === 'getRate') return wrapper;
      if (call.functionName === 'slot0') return [sqrtForToken1(price), 0, 0, 0, 0, 0, true];
      if (call.functionName === 'liquidity') return 10n ** 21n;
      if (call.functionName === 'quoteExactInputSingle') {
        const { amountIn } = call.args![0] as { amountIn: bigint };
        return [(mulWad(amountIn, price) * 9_995n) / 10_000n, 0n, 0, 0n];
      }
      throw new Error(`unexpected call ${call.functionName}`);
    };
  }

  /** The amounts the quoter was asked to sell in the pool of this fee tier, in batch order. */
  const quotedAmounts = (batch: CallBatch, fee: number) =>
    batch.calls
      .filter((c) => c.functionName === 'quoteExactInputSingle' && (c.args![0] as { fee: number }).fee === fee)
      .map((c) => (c.args![0] as { amountIn: bigint }).amountIn);

  const near = (got: bigint, want: bigint, tolerance = 10n ** 6n) => got > want - tolerance && got < want + tolerance;

  it("'wrapper': eETH priced from the weETH pool divided by weETH's rate", () => {
    const src = source(eeth, 'uniswap-v3');
    expect(src.unit).toBe('wrapper');
    const batch = new CallBatch();
    const p = planMarket(eeth, src, batch, SELL_SIZES_ETH, eeth.rateHint);
    // the wrapper's rate is read in the same batch, from weETH
    const rateCalls = batch.calls.filter((c) => c.functionName === 'getRate');
    expect(rateCalls).toHaveLength(1);
    expect(rateCalls[0]!.address).toBe(WEETH);
    settleBy(batch, pool(WEETH_PRICE));
    const readings = p.readings({ rate: WAD, blockTimestamp: NOW });
    // one reading per fee tier's pool, each priced the same way
    expect(readings.map((r) => r.id)).toEqual(src.fees.map((fee) => `${src.id}-${fee}`));
    for (const r of readings) {
      expect(r.usable).toBe(true);
      expect(near(BigInt(r.price!), divWad(WEETH_PRICE, WEETH_RATE))).toBe(true);
      expect(Number(BigInt(r.price!)) / 1e18).toBeCloseTo(0.998785, 6); // ≈ 0.99878;
    }
  });

  it("'wrapper': reads the pools of the venue token (weETH), never of eETH", () => {
    const src = source(eeth, 'uniswap-v3');
    expect(src.venueToken).toBe(WEETH);
    const batch = new CallBatch();
    planMarket(eeth, src, batch, SELL_SIZES_ETH, eeth.rateHint);
    const pools = new Set(batch.calls.filter((c) => c.functionName === 'slot0').map((c) => c.address));
    expect(pools).toEqual(new Set(src.fees.map((fee) => uniswapV3PoolAddress(factory, WEETH, weth, fee))));
    const eethAddress = eeth.deployments[0]!.address;
    for (const fee of src.fees) expect(pools.has(uniswapV3PoolAddress(factory, eethAddress, weth, fee))).toBe(false);
    for (const quote of batch.calls.filter((c) => c.functionName === 'quoteExactInputSingle')) {
      expect(quote.address).toBe(quoter);
      expect(quote.args![0]).toMatchObject({ tokenIn: WEETH, tokenOut: weth });
    }
  });

  it("'wrapper': sales are valued at what one weETH redeems for (its rate × eETH's rate)", () => {
    const src = source(eeth, 'uniswap-v3');
    const batch = new CallBatch();
    const p = planMarket(eeth, src, batch, SELL_SIZES_ETH, eeth.rateHint);
    settleBy(batch, pool(WEETH_PRICE));
    const quotes = p.sells!({ rate: WAD, blockTimestamp: NOW });
    const amounts = quotedAmounts(batch, src.fees[0]!);
    expect(amounts).toHaveLength(SELL_SIZES_ETH.length);
    expect(quotes.map((q) => q.valueEth)).toEqual(amounts.map((a) => mulWad(a, WEETH_RATE).toString()));
    // and at eETH's rate too: one weETH redeems for weETH-rate × eETH-rate ETH
    const half = p.sells!({ rate: WAD / 2n, blockTimestamp: NOW });
    expect(half.map((q) => q.valueEth)).toEqual(amounts.map((a) => mulWad(a, WEETH_RATE / 2n).toString()));
    // 1.0688 × 0.9995 against 1.0701: ≈ 17.1 bps lost
    for (const q of quotes) {
      expect(q.reason).toBeNull();
      expect(q.costBps).toBeGreaterThanOrEqual(17);
      expect(q.costBps).toBeLessThanOrEqual(18);
    }
  });

  it('sizes sales at about the ETH sizes asked for, whatever the unit, when the rate is the hint', () => {
    const cases = [
      [weeth, source(weeth, 'uniswap-v3'), WEETH_RATE],
      [wsteth, source(wsteth, 'curve'), wsteth.rateHint],
      [eeth, source(eeth, 'uniswap-v3'), eeth.rateHint],
    ] as const;
    for (const [token, src, rate] of cases) {
      const batch = new CallBatch();
      const p = planMarket(token, src, batch, SELL_SIZES_ETH, token.rateHint);
      settleBy(batch, (call) =>
        call.functionName === 'get_dy' ? (call.args![2] as bigint) : call.functionName === 'balances' ? 1_000n * WAD : pool(WEETH_PRICE)(call),
      );
      const values = p.sells!({ rate, blockTimestamp: NOW }).map((q) => BigInt(q.valueEth));
      // within 1% of 10, 100 and 1,000 ETH: the tooltip says "10 ETH worth costs …"
      values.forEach((value, k) => {
        const size = SELL_SIZES_ETH[k]!;
        const offBps = Number(((value > size ? value - size : size - value) * 10_000n) / size);
        expect(offBps, `${token.symbol} ${src.unit}: ${Number(value) / 1e18} ETH for a ${Number(size) / 1e18} ETH size`).toBeLessThanOrEqual(100);
      });
    }
  });

  it("'wrapper': without the wrapper's rate there is no price and no valued sale", () => {
    const src = source(eeth, 'uniswap-v3');
    const batch = new CallBatch();
    const p = planMarket(eeth, src, batch, SELL_SIZES_ETH, eeth.rateHint);
    settleBy(batch, pool(WEETH_PRICE, new Error('execution reverted')));
    const readings = p.readings({ rate: WAD, blockTimestamp: NOW });
    expect(readings.map((r) => r.id)).toEqual(src.fees.map((fee) => `${src.id}-${fee}`));
    for (const r of readings) {
      expect(r.price).toBeNull();
      expect(r.usable).toBe(false);
      expect(r.reason).toMatch(/unavailable/);
    }
    const quotes = p.sells!({ rate: WAD, blockTimestamp: NOW });
    expect(quotes.every((q) => q.outEth === null && q.costBps === null && q.reason)).toBe(true);
  });

  it("'underlying': a feed quoted per stETH is multiplied by wstETH's rate", () => {
    const feed = source(wsteth, 'chainlink');
    expect(feed.unit).toBe('underlying');
    const batch = new CallBatch();
    const p = planMarket(wsteth, feed, batch, SELL_SIZES_ETH, wsteth.rateHint);
    settleBy(batch, () => [1n, 998_000_000_000_000_000n, BigInt(NOW), BigInt(NOW), 1n]);
    expect(only(p.readings({ rate: RATE, blockTimestamp: NOW })).price).toBe(mulWad(998_000_000_000_000_000n, RATE).toString());
    const other = RATE + 10n ** 17n;
    expect(only(p.readings({ rate: other, blockTimestamp: NOW })).price).toBe(mulWad(998_000_000_000_000_000n, other).toString());
  });

  it("'token': the pool price is the price, and sales are valued at the token's own rate", () => {
    const uni = source(weeth, 'uniswap-v3');
    expect(uni.unit).toBe('token');
    const batch = new CallBatch();
    const p = planMarket(weeth, uni, batch, SELL_SIZES_ETH, weeth.rateHint);
    expect(batch.calls.some((c) => c.functionName === 'getRate')).toBe(false);
    settleBy(batch, pool(WEETH_PRICE));
    const readings = p.readings({ rate: WEETH_RATE, blockTimestamp: NOW });
    expect(readings).toHaveLength(uni.fees.length);
    for (const r of readings) expect(near(BigInt(r.price!), WEETH_PRICE)).toBe(true);
    const amounts = quotedAmounts(batch, uni.fees[0]!);
    expect(amounts).toEqual(SELL_SIZES_ETH.map((size) => divWad(size, weeth.rateHint)));
    const quotes = p.sells!({ rate: WEETH_RATE, blockTimestamp: NOW });
    expect(quotes.map((q) => q.valueEth)).toEqual(amounts.map((a) => mulWad(a, WEETH_RATE).toString()));
    // without the rate a token-unit sale cannot be valued
    const blind = p.sells!({ rate: null, blockTimestamp: NOW });
    expect(blind.every((q) => q.outEth === null && q.reason?.match(/redemption value/))).toBe(true);
  });
});

describe('planMarket: uniswap-v3 on Base', () => {
  const base = UNISWAP_V3[8453]!;
  const uni = source(weeth, 'uniswap-v3');
  const weethBase = weeth.deployments.find((d) => d.chainId === 8453)!.address;

  it("finds the token's pools from Base's factory, Base's WETH and its main Base deployment", () => {
    expect(base.factory).toBe(BASE_FACTORY);
    const batch = new CallBatch();
    planMarket(weeth, uni, batch, SELL_SIZES_ETH, weeth.rateHint, 8453);
    const pools = batch.calls.filter((c) => c.functionName === 'slot0').map((c) => c.address);
    expect(pools).toEqual(uni.fees.map((fee) => uniswapV3PoolAddress(BASE_FACTORY, weethBase, BASE_WETH, fee)));
    // not the mainnet factory's pools for the same pair
    for (const fee of uni.fees) expect(pools).not.toContain(uniswapV3PoolAddress(FACTORY, weethBase, BASE_WETH, fee));
    for (const quote of batch.calls.filter((c) => c.functionName === 'quoteExactInputSingle')) {
      expect(quote.address).toBe(base.quoter);
      expect(quote.args![0]).toMatchObject({ tokenIn: weethBase, tokenOut: BASE_WETH });
    }
  });

  it('reads mainnet pools by default (the home chain)', () => {
    const batch = new CallBatch();
    planMarket(weeth, uni, batch, SELL_SIZES_ETH, weeth.rateHint);
    const pools = batch.calls.filter((c) => c.functionName === 'slot0').map((c) => c.address);
    expect(pools).toEqual(uni.fees.map((fee) => uniswapV3PoolAddress(FACTORY, WEETH, WETH, fee)));
  });
});
