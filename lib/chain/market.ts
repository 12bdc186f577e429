import { encodeAbiParameters, getCreate2Address, keccak256, type Address } from 'viem';
import type { MarketSource, TokenEntry } from '../tokens/schema';
import { chainlinkAbi, curvePoolAbi, uniswapQuoterAbi, uniswapV3PoolAbi } from './abis';
import { valueOf, type CallBatch, type CallResult } from './calls';
import type { MarketReading, SellQuote } from './figures';
import { tokenByAddress } from '../tokens/registry';
import { UNISWAP_V3 } from './dex';
import { functionFrom } from './redemption';
import { feedAnswer } from './feeds';
import { divWad, mulWad, WAD } from './units';

/** Uniswap v3 pools stand at a CREATE2 address fixed by the factory, the pair and the fee. */
export const UNISWAP_V3_POOL_INIT_CODE_HASH = '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54';

export function uniswapV3PoolAddress(factory: Address, tokenA: Address, tokenB: Address, fee: number): Address {
  const [token0, token1] = tokenA.toLowerCase() < tokenB.toLowerCase() ? [tokenA, tokenB] : [tokenB, tokenA];
  const salt = keccak256(
    encodeAbiParameters([{ type: 'address' }, { type: 'address' }, { type: 'uint24' }], [token0, token1, fee]),
  );
  return getCreate2Address({ from: factory, salt, bytecodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH });
}

export interface MarketDecodeInput {
  /** The token's own redemption value (ETH per token), null when unavailable. */
  rate: bigint | null;
  blockTimestamp: number;
}

export interface MarketPlan {
  source: MarketSource;
  /** One reading per venue the source stands for (a Uniswap source: each fee tier's pool that has liquidity). */
  readings(input: MarketDecodeInput): MarketReading[];
  /** DEX sources also quote sales at the requested sizes, in their deepest venue. */
  sells?(input: MarketDecodeInput): SellQuote[];
}

/**
 * What one unit of what the venue trades is worth at redemption, in ETH: the token itself (its
 * rate), its underlying (redeems 1:1: stETH, frxETH), or a wrapper of it (eETH trades as weETH).
 */
function venueUnitValue(source: MarketSource, rate: bigint | null, wrapperRate: bigint | null): bigint | null {
  if (source.unit === 'underlying') return WAD;
  if (source.unit === 'wrapper') return wrapperRate === null || rate === null ? null : mulWad(wrapperRate, rate);
  return rate;
}

/** ETH per token from the venue's price of what it trades. */
function perToken(source: MarketSource, venuePrice: bigint, rate: bigint | null, wrapperRate: bigint | null): bigint | null {
  if (source.unit === 'token') return venuePrice;
  if (source.unit === 'underlying') return rate === null ? null : mulWad(venuePrice, rate);
  return wrapperRate === null || wrapperRate === 0n ? null : divWad(venuePrice, wrapperRate);
}

function sellQuotes(
  source: MarketSource,
  amounts: bigint[],
  results: (() => CallResult)[],
  pick: (value: unknown) => bigint,
  unitValue: bigint | null,
): SellQuote[] {
  return amounts.map((amountIn, k) => {
    if (unitValue === null) {
      return { valueEth: '0', outEth: null, costBps: null, reason: 'needs the redemption value, which is unavailable' };
    }
    const valueEth = mulWad(amountIn, unitValue);
    const got = valueOf<unknown>(results[k]!(), `${source.label} quote`);
    if (!got.ok) return { valueEth: valueEth.toString(), outEth: null, costBps: null, reason: got.reason };
    const out = pick(got.value);
    const costBps = Number(((valueEth - out) * 10_000n) / valueEth);
    return { valueEth: valueEth.toString(), outEth: out.toString(), costBps, reason: null };
  });
}

/** Why a venue price could not become a per-token price. */
function missingRate(source: MarketSource): string {
  return source.unit === 'wrapper' ? `${source.wrapper?.label ?? 'the wrapper rate'} is unavailable` : 'needs the redemption value, which is unavailable';
}

function failed(source: MarketSource, kind: MarketReading['kind'], reason: string, id = source.id): MarketReading {
  return { id, label: source.label, kind, price: null, depthEth: null, updatedAt: null, stale: false, usable: false, reason };
}

const Q96 = 1n << 96n;

/**
 * A Uniswap v3 pool's depth in ETH: its in-range liquidity as virtual reserves, the WETH side
 * counted twice (in range, both sides are worth the same).
 */
export function uniswapDepthEth(liquidity: bigint, sqrtPriceX96: bigint, wethIsToken1: boolean): bigint {
  const weth = wethIsToken1 ? (liquidity * sqrtPriceX96) / Q96 : (liquidity * Q96) / sqrtPriceX96;
  return 2n * weth;
}

export function planMarket(
  token: TokenEntry,
  source: MarketSource,
  batch: CallBatch,
  sizesEth: readonly bigint[],
  rateHint: bigint,
  chainId = token.homeChainId,
): MarketPlan {
  const tokenAddress = token.deployments.find((d) => d.chainId === chainId)!.address;
  // Sized from hints because the quotes and the rates are read in the same batch.
  const wrapperHint = source.wrapper ? (tokenByAddress(chainId, source.wrapper.address)?.rateHint ?? WAD) : WAD;
  const hint = source.unit === 'underlying' ? WAD : source.unit === 'wrapper' ? mulWad(wrapperHint, rateHint) : rateHint;
  const amounts = sizesEth.map((size) => divWad(size, hint));
  const wrapperCall = source.wrapper ? batch.add({ address: source.wrapper.address, ...functionFrom(source.wrapper.signature) }) : null;
  const wrapperRate = () => {
    if (!wrapperCall) return null;
    const got = valueOf<bigint>(wrapperCall(), source.wrapper!.label);
    return got.ok && got.value > 0n ? got.value : null;
  };
  const unitValue = (rate: bigint | null) => venueUnitValue(source, rate, wrapperRate());

  switch (source.kind) {
    case 'curve': {
      const args = (dx: bigint) => [BigInt(source.i), BigInt(source.j), dx] as const;
      const unit = batch.add({ address: source.pool, abi: curvePoolAbi, functionName: 'get_dy', args: args(WAD) });
      const sells = amounts.map((dx) => batch.add({ address: source.pool, abi: curvePoolAbi, functionName: 'get_dy', args: args(dx) }));
      const balances = [source.i, source.j].map((coin) => batch.add({ address: source.pool, abi: curvePoolAbi, functionName: 'balances', args: [BigInt(coin)] }));
      return {
        source,
        readings({ rate }) {
          const got = valueOf<bigint>(unit(), source.label);
          if (!got.ok) return [failed(source, 'dex', got.reason)];
          const price = perToken(source, got.value, rate, wrapperRate());
          if (price === null) return [failed(source, 'dex', missingRate(source))];
          const sold = source.unit === 'underlying' ? token.underlying : token.symbol;
          // The pool's reserves in ETH: the ETH side, and the coin sold at the pool's own price.
          const [coin, ethSide] = balances.map((b) => valueOf<bigint>(b(), 'balances'));
          const depthEth = coin!.ok && ethSide!.ok ? ethSide!.value + mulWad(coin!.value, got.value) : null;
          return [{ id: source.id, label: `${source.label} (1 ${sold}, fee included)`, kind: 'dex', price: price.toString(), depthEth: depthEth?.toString() ?? null, updatedAt: null, stale: false, usable: true, reason: null }];
        },
        sells: ({ rate }) => sellQuotes(source, amounts, sells, (v) => v as bigint, unitValue(rate)),
      };
    }
    case 'uniswap-v3': {
      const infra = UNISWAP_V3[chainId];
      if (!infra) throw new Error(`no Uniswap v3 deployment known on chain ${chainId}`);
      const traded = source.venueToken ?? tokenAddress;
      const pools = source.fees.map((fee) => {
        const pool = uniswapV3PoolAddress(infra.factory, traded, infra.weth, fee);
        return {
          fee,
          tokenIsToken0: traded.toLowerCase() < infra.weth.toLowerCase(),
          slot0: batch.add({ address: pool, abi: uniswapV3PoolAbi, functionName: 'slot0' }),
          liquidity: batch.add({ address: pool, abi: uniswapV3PoolAbi, functionName: 'liquidity' }),
          quotes: amounts.map((amountIn) =>
            batch.add({
              address: infra.quoter,
              abi: uniswapQuoterAbi,
              functionName: 'quoteExactInputSingle',
              args: [{ tokenIn: traded, tokenOut: infra.weth, amountIn, fee, sqrtPriceLimitX96: 0n }],
            }),
          ),
        };
      });
      // Every pool with liquidity is a market of its own; pools that don't exist simply fail their calls.
      const live = () =>
        pools.flatMap((pool) => {
          const slot0 = valueOf<readonly [bigint]>(pool.slot0(), 'slot0');
          const liquidity = valueOf<bigint>(pool.liquidity(), 'liquidity');
          if (!slot0.ok || !liquidity.ok || liquidity.value === 0n || slot0.value[0] === 0n) return [];
          const sqrtPriceX96 = slot0.value[0];
          return [{ pool, sqrtPriceX96, liquidity: liquidity.value, depthEth: uniswapDepthEth(liquidity.value, sqrtPriceX96, pool.tokenIsToken0) }];
        });
      const deepest = () => live().reduce<ReturnType<typeof live>[number] | null>((best, p) => (!best || p.depthEth > best.depthEth ? p : best), null);
      return {
        source,
        readings({ rate }) {
          const pools = live();
          if (!pools.length) return [failed(source, 'dex', `${source.label}: no pool with liquidity in fee tiers ${source.fees.join(', ')}`)];
          return pools.map(({ pool, sqrtPriceX96, depthEth }) => {
            const id = `${source.id}-${pool.fee}`;
            // price of token0 in token1 = (sqrtPriceX96 / 2^96)^2; both sides have 18 decimals here.
            const squared = sqrtPriceX96 * sqrtPriceX96;
            const q192 = 1n << 192n;
            const venuePrice = pool.tokenIsToken0 ? (squared * WAD) / q192 : (q192 * WAD) / squared;
            const price = perToken(source, venuePrice, rate, wrapperRate());
            if (price === null) return failed(source, 'dex', missingRate(source), id);
            return { id, label: `${source.label} ${pool.fee / 10_000}% (pool price)`, kind: 'dex' as const, price: price.toString(), depthEth: depthEth.toString(), updatedAt: null, stale: false, usable: true, reason: null };
          });
        },
        sells({ rate }) {
          const best = deepest();
          if (!best) return amounts.map(() => ({ valueEth: '0', outEth: null, costBps: null, reason: 'no pool with liquidity' }));
          return sellQuotes(source, amounts, best.pool.quotes, (v) => (v as readonly [bigint])[0], unitValue(rate));
        },
      };
    }
    case 'chainlink': {
      const round = batch.add({ address: source.feed, abi: chainlinkAbi, functionName: 'latestRoundData' });
      const feedReading = ({ rate, blockTimestamp }: MarketDecodeInput): MarketReading => {
        const answer = feedAnswer(round(), source, blockTimestamp);
        const base = { id: source.id, label: source.label, kind: 'chainlink' as const, depthEth: null, updatedAt: answer.updatedAt, stale: answer.stale };
        if (answer.value === null) return { ...base, price: null, usable: false, reason: answer.reason };
        const price = perToken(source, answer.value, rate, wrapperRate());
        if (price === null) return { ...base, price: null, usable: false, reason: missingRate(source) };
        const uncertain = source.category === 'uncertain';
        return {
          ...base,
          price: price.toString(),
          usable: !uncertain,
          reason: uncertain ? 'may mirror the protocol rate, so it is shown but not used for the peg' : null,
        };
      };
      return { source, readings: (input) => [feedReading(input)] };
    }
  }
}
